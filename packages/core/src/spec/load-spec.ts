import * as path from 'node:path';
import type { InputProblem, SourceLocation, SpecLocation } from '../model';
import { isInputProblem, parseSpecDocument, type ParsedDocument } from './parse-document';
import { decodePointer, encodePointer } from './json-pointer';
import { compareText } from '../compare-text';

/** Reads a workspace-relative file; `undefined` when it does not exist. */
export type ReadFile = (relativePath: string) => string | undefined;

/** A node of some document of the spec, after `$ref`s were followed. */
export interface SpecNode {
  file: string;
  pointer: string;
  value: unknown;
}

export type SpecVersion = '2.0' | '3.0' | '3.1';

/** A spec with its documents loaded; refs are resolved lazily, on demand. */
export interface LoadedSpec {
  file: string;
  version?: SpecVersion;
  title?: string;
  infoVersion?: string;
  root?: SpecNode;
  /** Every document of the spec that could be read: the entry file and the files its refs reach, sorted. */
  documents: string[];
  /** The files `$ref`s point to that could not be read (they do not exist), sorted: creating one changes the spec. */
  unreadable: string[];
  problems: InputProblem[];
  /** Follows `$ref` chains from `node`; `undefined` when a ref dangles, loops, or is refused. */
  deref(node: SpecNode): SpecNode | undefined;
  /** The child `key` of `node`, dereferenced. */
  child(node: SpecNode, key: string): SpecNode | undefined;
  locate(node: Pick<SpecNode, 'file' | 'pointer'>): SpecLocation;
}

const MAX_REF_CHAIN = 64;

/**
 * Loads the spec at `file` (workspace-relative) and every document its `$ref`s reach, and checks
 * that it is OpenAPI 3.0/3.1 or Swagger 2.0. Never throws: what is wrong ends up in `problems`.
 */
export function loadSpec(file: string, readFile: ReadFile): LoadedSpec {
  const documents = new Map<string, ParsedDocument | InputProblem | undefined>();
  const problems = new Map<string, InputProblem>();
  const report = (problem: InputProblem) => {
    const key = `${problem.code} ${problem.location.file}:${problem.location.line}:${problem.location.column}`;
    if (!problems.has(key)) problems.set(key, problem);
  };

  const documentAt = (docFile: string): ParsedDocument | undefined => {
    if (!documents.has(docFile)) {
      const text = readFile(docFile);
      documents.set(docFile, text === undefined ? undefined : parseSpecDocument(docFile, text));
    }
    const parsed = documents.get(docFile);
    return parsed && !isInputProblem(parsed) ? parsed : undefined;
  };

  const locate = (node: Pick<SpecNode, 'file' | 'pointer'>): SpecLocation => {
    const doc = documentAt(node.file);
    const location = doc ? doc.locate(decodePointer(node.pointer)) : { file: node.file, line: 1, column: 1 };
    return { ...location, pointer: node.pointer };
  };

  // Successful resolutions by file, then ref text (failures are not kept: each is reported where it
  // is). Two levels rather than one joined key: the strings are the spec's own, their hashes cached.
  const resolvedRefs = new Map<string, Map<string, SpecNode>>();
  const resolveRefTarget = (ref: string, from: SpecNode): SpecNode | InputProblem => {
    let fromFile = resolvedRefs.get(from.file);
    const cached = fromFile?.get(ref);
    if (cached) return cached;
    const target = resolveRefTargetOnce(ref, from);
    if (isInputProblem(target)) return target;
    if (!fromFile) resolvedRefs.set(from.file, (fromFile = new Map()));
    fromFile.set(ref, target);
    return target;
  };

  const resolveRefTargetOnce = (ref: string, from: SpecNode): SpecNode | InputProblem => {
    // Located only when there is a problem: refs are resolved on every lookup.
    const problem = (code: string, message: string, hint: string): InputProblem => {
      const at = locate({ file: from.file, pointer: `${from.pointer}/$ref` });
      return { code, message, location: { file: at.file, line: at.line, column: at.column }, hint };
    };
    if (/^[a-z]:[\\/]/i.test(ref) || ref.startsWith('\\')) {
      return problem('spec-ref-outside-workspace', `$ref '${ref}' is an absolute Windows path, which leaves the workspace`, 'Keep referenced documents inside the workspace and use a relative $ref.');
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      return problem('spec-ref-url-refused', `$ref '${ref}' points to a URL; remote refs are not fetched`, 'Vendor the referenced document into the workspace and use a relative $ref.');
    }
    const hashAt = ref.indexOf('#');
    const filePart = hashAt === -1 ? ref : ref.slice(0, hashAt);
    const pointer = hashAt === -1 ? '' : ref.slice(hashAt + 1);
    let decodedFile: string;
    try {
      decodedFile = decodeURI(filePart);
    } catch {
      return problem('spec-ref-invalid', `$ref '${ref}' is not a valid URI reference (a '%' not followed by two hex digits)`, "Write '%25' for a literal '%', or fix the escape.");
    }
    const targetFile = filePart === '' ? from.file : path.posix.normalize(path.posix.join(path.posix.dirname(from.file), decodedFile));
    if (path.posix.isAbsolute(filePart) || targetFile.startsWith('../') || targetFile === '..') {
      return problem('spec-ref-outside-workspace', `$ref '${ref}' leaves the workspace`, 'Keep referenced documents inside the workspace and use a relative $ref.');
    }
    const doc = documentAt(targetFile);
    if (!doc) {
      const parsed = documents.get(targetFile);
      if (parsed && isInputProblem(parsed)) {
        report(parsed);
        return problem('spec-ref-dangling', `$ref '${ref}' points into ${targetFile}, which is not a valid document`, `Fix ${targetFile}.`);
      }
      return problem('spec-ref-dangling', `$ref '${ref}' points to ${targetFile}, which does not exist in the workspace`, 'Fix the path of the $ref, or add the missing file (symbolic links that lead out of the workspace are not followed).');
    }
    const value = valueAt(doc.value, decodePointer(pointer));
    if (value === undefined) {
      return problem('spec-ref-dangling', `$ref '${ref}' points to '#${pointer}', which does not exist in ${targetFile}`, 'Fix the JSON pointer of the $ref, or define the missing component.');
    }
    // An empty file or a key with nothing under it: read as an empty schema, it would accept anything.
    if (value === null) {
      const what = pointer === '' ? `${targetFile}, which is empty` : `'#${pointer}' in ${targetFile}, which is empty (null)`;
      return problem('spec-ref-dangling', `$ref '${ref}' points to ${what}`, `Put the definition back in ${targetFile}, or point the $ref at one.`);
    }
    return { file: targetFile, pointer, value };
  };

  const deref = (node: SpecNode): SpecNode | undefined => {
    // Most nodes asked for are not refs: no chain to track.
    if (refOf(node.value) === undefined) return node;
    let current = node;
    // Refs passed on the way, by id; most chains are one ref long, so tracking starts at the second.
    let seen: Set<string> | undefined;
    for (let hops = 0; hops < MAX_REF_CHAIN; hops++) {
      const ref = refOf(current.value);
      if (ref === undefined) return current;
      if (spec.version === '3.1' && hasSchemaSiblings(current.value as Record<string, unknown>) && isSchemaPosition(current.pointer, ref)) return { ...current, value: withSiblingsApplied(current.value as Record<string, unknown>) };
      if (hops === 1) seen = new Set([`${node.file}#${node.pointer}`]);
      if (seen) {
        const id = `${current.file}#${current.pointer}`;
        if (seen.has(id)) {
          const at = locate({ file: current.file, pointer: `${current.pointer}/$ref` });
          report({ code: 'spec-ref-circular', message: `$ref '${ref}' is part of a cycle of refs that never reaches a definition`, location: { file: at.file, line: at.line, column: at.column }, hint: 'Point one $ref of the cycle at a real schema.' });
          return undefined;
        }
        seen.add(id);
      }
      const target = resolveRefTarget(ref, current);
      if (isInputProblem(target)) {
        report(target);
        return undefined;
      }
      current = target;
    }
    return undefined;
  };

  const child = (node: SpecNode, key: string): SpecNode | undefined => {
    const container = deref(node);
    if (!container || !isObjectLike(container.value)) return undefined;
    const value = (container.value as Record<string, unknown>)[key];
    if (value === undefined || !Object.prototype.hasOwnProperty.call(container.value, key)) return undefined;
    return deref({ file: container.file, pointer: `${container.pointer}/${encodePointer(key)}`, value });
  };

  const spec: LoadedSpec = {
    file,
    documents: [],
    unreadable: [],
    problems: [],
    deref,
    child,
    locate,
  };

  const text = readFile(file);
  if (text === undefined) {
    report({ code: 'spec-missing', message: `${file} does not exist`, location: { file, line: 1, column: 1 }, hint: 'Check the path of the spec.' });
  } else {
    const parsed = parseSpecDocument(file, text);
    documents.set(file, parsed);
    if (isInputProblem(parsed)) report(parsed);
    else describeSpec(spec, parsed, report);
  }
  if (spec.root && !refsNeedNoReport(spec.root, resolveRefTarget, documentAt(file)?.refs ?? refsOf(spec.root))) visitAllRefs(spec);
  spec.problems = sortProblems([...problems.values()]);
  spec.documents = [...documents.entries()].filter(([, parsed]) => parsed !== undefined).map(([docFile]) => docFile).sort();
  spec.unreadable = [...documents.entries()].filter(([, parsed]) => parsed === undefined).map(([docFile]) => docFile).sort();
  return spec;
}

function describeSpec(spec: LoadedSpec, doc: ParsedDocument, report: (problem: InputProblem) => void): void {
  const value = doc.value;
  // Only a problem needs it, and locating anything costs a scan of the text.
  const location = () => doc.locate([]);
  if (!isObjectLike(value) || Array.isArray(value)) {
    const what = value === null || value === undefined ? 'it is empty' : 'its top level is not a mapping';
    report({ code: 'spec-not-openapi', message: `${doc.file} is not an OpenAPI document: ${what}`, location: location(), hint: 'Point the plugin at OpenAPI 3.x or Swagger 2.0 files only (see the `specs` option).' });
    return;
  }
  const record = value as Record<string, unknown>;
  const version = specVersionOf(record);
  if (!version) {
    const declared = record.openapi ?? record.swagger;
    const where = doc.locate([record.openapi !== undefined ? 'openapi' : 'swagger']);
    report(
      declared === undefined
        ? { code: 'spec-not-openapi', message: `${doc.file} is not an OpenAPI document: it has no 'openapi' or 'swagger' field`, location: location(), hint: "Add `openapi: 3.0.3` (or the version you use), or exclude the file from the plugin's `specs` globs." }
        : typeof declared === 'number'
          ? numericVersionProblem(doc.file, record.openapi !== undefined ? 'openapi' : 'swagger', declared, where)
          : { code: 'spec-unsupported-version', message: `${doc.file} declares OpenAPI version '${String(declared)}', which is not supported`, location: where, hint: 'Use OpenAPI 3.0.x, 3.1.x or Swagger 2.0.' },
    );
    return;
  }
  const info = isObjectLike(record.info) ? (record.info as Record<string, unknown>) : {};
  spec.version = version;
  spec.title = typeof info.title === 'string' ? info.title : undefined;
  spec.infoVersion = info.version === undefined ? undefined : String(info.version);
  spec.root = { file: doc.file, pointer: '', value };
}

/** `openapi: 3.0` or `swagger: 2.0` unquoted: YAML reads a number, and `2.0` prints as `2`. */
function numericVersionProblem(file: string, key: 'openapi' | 'swagger', declared: number, where: SourceLocation): InputProblem {
  const example = key === 'openapi' ? "'3.0.3'" : "'2.0'";
  const read = key === 'openapi' ? 'YAML reads 3.0 as the number 3' : 'YAML reads 2.0 as the number 2';
  return { code: 'spec-unsupported-version', message: `${file} declares '${key}: ${String(declared)}' as a number; the version must be a string such as ${example}`, location: where, hint: `Quote the version (${key}: ${example}): ${read}.` };
}

function specVersionOf(record: Record<string, unknown>): SpecVersion | undefined {
  if (String(record.swagger) === '2.0') return '2.0';
  const openapi = typeof record.openapi === 'string' ? record.openapi : undefined;
  if (openapi?.startsWith('3.0')) return '3.0';
  if (openapi?.startsWith('3.1')) return '3.1';
  return undefined;
}

/**
 * True when `visitAllRefs` would report nothing: every one of `refs` (the entry document's, or more)
 * is local and resolves to a node that is no `$ref` itself and that the tree walk reaches anyway.
 * That walk builds a pointer per node of a 10 MB spec; this check resolves each distinct ref
 * string (a few thousand) once. Anything else (other files, chains, problems to report at each
 * place) is left to `visitAllRefs`. Refs it need not have seen (beside another `$ref`) only make it
 * stricter.
 */
function refsNeedNoReport(root: SpecNode, resolve: (ref: string, from: SpecNode) => SpecNode | InputProblem, refs: ReadonlySet<string>): boolean {
  for (const ref of refs) {
    if (!ref.startsWith('#')) return false;
    const target = resolve(ref, root);
    if (isInputProblem(target) || refOf(target.value) !== undefined || !coveredByTreeWalk(root, target)) return false;
  }
  return true;
}

/** The distinct `$ref` strings of the tree under `root` (not those beside another `$ref`, which the walk skips). */
function refsOf(root: SpecNode): Set<string> {
  const refs = new Set<string>();
  const stack: object[] = [root.value as object];
  while (stack.length > 0) {
    const value = stack.pop() as Record<string, unknown>;
    const keys = Object.keys(value);
    // Reading `$ref` only from objects that have the key: a lookup on every node (thousands of
    // shapes) took longer than the rest of the walk.
    if (keys.includes('$ref') && typeof value.$ref === 'string' && !Array.isArray(value)) {
      refs.add(value.$ref);
      continue;
    }
    for (const key of keys) {
      const child = value[key];
      if (isObjectLike(child)) stack.push(child);
    }
  }
  return refs;
}

/**
 * Follows every `$ref` once so that dangling, circular and refused refs are reported up front.
 * Visiting a node twice only repeats reports (kept once each), so the order and the bookkeeping are
 * free: the entry document is walked as the tree it is, with no per-node "seen" lookup (on a 10 MB
 * spec those lookups cost more than the walk); only ref targets the walk does not cover (other
 * files, pointers spelled another way, places under a `$ref`'s siblings) are tracked by id.
 */
function visitAllRefs(spec: LoadedSpec): void {
  const root = spec.root as SpecNode;
  const targets: SpecNode[] = [];
  const tree: SpecNode[] = [root];
  while (tree.length > 0) visitNode(spec, tree.pop() as SpecNode, tree, targets);
  const visited = new Set<string>();
  while (targets.length > 0) {
    const node = targets.pop() as SpecNode;
    const id = `${node.file}#${node.pointer}`;
    if (visited.has(id)) continue;
    visited.add(id);
    if (!coveredByTreeWalk(root, node)) visitNode(spec, node, targets, targets);
  }
}

/** Follows a ref node (its target goes to `targets`), or queues an object's object-valued children on `children`. */
function visitNode(spec: LoadedSpec, node: SpecNode, children: SpecNode[], targets: SpecNode[]): void {
  if (!isObjectLike(node.value)) return;
  if (refOf(node.value) !== undefined) {
    const target = spec.deref(node);
    if (target) targets.push(target);
    return;
  }
  const value = node.value as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (isObjectLike(child)) children.push({ file: node.file, pointer: `${node.pointer}/${encodePointer(key)}`, value: child });
  }
}

/**
 * True when the walk of the entry document from `root` reached `node` under the same pointer: same
 * file, a pointer spelled as the walk spells it, and no `$ref` object above it (the walk follows a
 * ref instead of reading its siblings).
 */
function coveredByTreeWalk(root: SpecNode, node: SpecNode): boolean {
  if (node.file !== root.file) return false;
  const segments = decodePointer(node.pointer);
  if (segments.map((segment) => `/${encodePointer(segment)}`).join('') !== node.pointer) return false;
  let value = root.value;
  for (const segment of segments) {
    if (refOf(value) !== undefined || !isObjectLike(value)) return false;
    value = (value as Record<string, unknown>)[segment];
  }
  return value === node.value;
}

/** JSON Schema keywords that, beside a `$ref`, constrain the schema in OpenAPI 3.1 (prose beside it only annotates). */
const SCHEMA_KEYWORDS = new Set([
  'type', 'enum', 'const', 'format', 'properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'minProperties', 'maxProperties',
  'items', 'prefixItems', 'contains', 'minItems', 'maxItems', 'uniqueItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'allOf', 'oneOf', 'anyOf', 'not', 'if', 'then', 'else', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties',
  'unevaluatedItems', 'readOnly', 'writeOnly', 'deprecated', 'default', 'discriminator',
]);

function hasSchemaSiblings(value: Record<string, unknown>): boolean {
  for (const key in value) if (SCHEMA_KEYWORDS.has(key)) return true;
  return false;
}

/** Containers of objects that are not schemas (parameters, responses, ...): a `required` beside a `$ref` there is no schema keyword. */
const NON_SCHEMA_CONTAINERS = new Set(['parameters', 'responses', 'headers', 'callbacks', 'links', 'examples', 'paths', 'requestBodies', 'securitySchemes', 'pathItems', 'webhooks', 'encoding']);
/** Naming maps of schemas: a property may be named `parameters`. */
const SCHEMA_NAMING_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions', 'schemas']);

/**
 * True unless the `$ref` node stands where OpenAPI puts a parameter, request body, response,
 * header, ... (a Reference Object there takes only `summary`/`description`; the rest is ignored)
 * or refers into components of those kinds.
 */
function isSchemaPosition(pointer: string, ref: string): boolean {
  if (/#\/components\/(?!schemas\/)/.test(ref)) return false;
  const segments = pointer.split('/');
  const [last, parent, grandparent] = [segments[segments.length - 1], segments[segments.length - 2], segments[segments.length - 3]];
  if (last === 'requestBody' && !SCHEMA_NAMING_MAPS.has(parent)) return false;
  return !(NON_SCHEMA_CONTAINERS.has(parent) && !SCHEMA_NAMING_MAPS.has(grandparent));
}

/** One object per `$ref` node, so hashing and cycle detection see the same node each time. */
const appliedSiblings = new WeakMap<object, Record<string, unknown>>();

/**
 * OpenAPI 3.1 (JSON Schema 2020-12): keywords beside a `$ref` apply together with its target, as
 * `allOf: [target, siblings]` (3.0 ignores them). The pointer stays the `$ref` node's.
 */
function withSiblingsApplied(value: Record<string, unknown>): Record<string, unknown> {
  let applied = appliedSiblings.get(value);
  if (!applied) {
    const { $ref, ...siblings } = value;
    applied = { allOf: [{ $ref }, siblings] };
    appliedSiblings.set(value, applied);
  }
  return applied;
}

function refOf(value: unknown): string | undefined {
  if (!isObjectLike(value) || Array.isArray(value)) return undefined;
  const ref = (value as Record<string, unknown>).$ref;
  return typeof ref === 'string' ? ref : undefined;
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (!isObjectLike(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * The node of `value` under `key` of `parent`, its pointer spelled only when read: walks meet
 * millions of nodes and locate a few (a node is located when a finding names it, or a `$ref`
 * resolved from it has a problem). Not dereferenced.
 */
export function childNode(parent: SpecNode, key: string, value: unknown): SpecNode {
  return new ChildNode(parent, key, value);
}

class ChildNode implements SpecNode {
  readonly file: string;
  private spelled: string | undefined;

  constructor(
    private readonly parent: SpecNode,
    private readonly key: string,
    readonly value: unknown,
  ) {
    this.file = parent.file;
  }

  get pointer(): string {
    return (this.spelled ??= `${this.parent.pointer}/${encodePointer(this.key)}`);
  }
}

/** True for objects and arrays (not null). */
export function isObjectLike(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** Sorts problems by file, line, column, code: reports must not depend on discovery order. */
export function sortProblems(problems: InputProblem[]): InputProblem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.location.file, b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      compareText(a.code, b.code),
  );
}

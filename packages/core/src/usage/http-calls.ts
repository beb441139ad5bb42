import * as ts from 'typescript';
import type { CallSite, FieldUse } from '../model';
import { isAbsoluteUrl, joinUrl, staticString, UNKNOWN, urlTemplate } from './static-url';
import {
  declarationOf,
  initializerOf,
  locationOf,
  objectLiteralOf,
  propertyNameText,
  propertyValue,
  unwrap,
  type SourceContext,
} from './source-context';

/** `fetch` reachable through these globals is still the platform fetch. */
const FETCH_GLOBALS = new Set(['window', 'globalThis', 'self']);

/** Axios shorthand methods taking `(url, config)`. */
const AXIOS_METHODS_WITHOUT_DATA = new Set(['get', 'delete', 'head', 'options']);
/** Axios shorthand methods taking `(url, data, config)`. */
const AXIOS_METHODS_WITH_DATA = new Set(['post', 'put', 'patch']);

/** How many variable hops are followed to find an axios instance. */
const MAX_INSTANCE_HOPS = 8;

/** An axios client: the default export or an instance from `axios.create`. */
interface AxiosClient {
  baseURL: string;
}

/** Pieces of a call as written, before they become a `CallSite`. */
interface CallParts {
  client: 'fetch' | 'axios';
  method: string;
  url: ts.Expression | undefined;
  baseURL: string;
  requestBody: ts.ObjectLiteralExpression | undefined;
}

/**
 * The HTTP call `call` makes, or `undefined` when it is not one or its URL cannot be known.
 * The result's `responseFields` is empty; data flow fills it in.
 */
export function httpCallAt(context: SourceContext, call: ts.CallExpression): CallSite | undefined {
  const parts = fetchCall(context, call) ?? axiosCall(context, call);
  if (!parts?.url) return undefined;
  const url = staticString(context, parts.url);
  if (url === undefined) return undefined;
  const template = urlTemplate(isAbsoluteUrl(url) ? url : joinUrl(parts.baseURL, url));
  if (template === undefined) return undefined;
  return {
    method: parts.method,
    urlTemplate: template,
    client: parts.client,
    location: locationOf(context, calleeName(call)),
    responseFields: [],
    requestFields: requestFields(context, parts.requestBody),
  };
}

function fetchCall(context: SourceContext, call: ts.CallExpression): CallParts | undefined {
  if (!isFetch(unwrap(call.expression))) return undefined;
  const init = objectLiteralOf(context, call.arguments[1]);
  const body = propertyValue(init, 'body');
  return {
    client: 'fetch',
    method: methodOf(context, init),
    url: call.arguments[0],
    baseURL: '',
    requestBody: body ? jsonStringifyArgument(context, body) : undefined,
  };
}

function isFetch(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return callee.text === 'fetch';
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'fetch' &&
    ts.isIdentifier(callee.expression) &&
    FETCH_GLOBALS.has(callee.expression.text)
  );
}

/** `JSON.stringify({...})` → the object literal it serialises. */
function jsonStringifyArgument(context: SourceContext, body: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const call = unwrap(body);
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return undefined;
  const { expression, name } = call.expression;
  if (!ts.isIdentifier(expression) || expression.text !== 'JSON' || name.text !== 'stringify') return undefined;
  return objectLiteralOf(context, call.arguments[0]);
}

function axiosCall(context: SourceContext, call: ts.CallExpression): CallParts | undefined {
  const callee = unwrap(call.expression);
  const [first, second] = call.arguments;
  if (ts.isPropertyAccessExpression(callee)) {
    const verb = callee.name.text;
    const isShorthand = AXIOS_METHODS_WITHOUT_DATA.has(verb) || AXIOS_METHODS_WITH_DATA.has(verb);
    const client = isShorthand || verb === 'request' ? axiosClient(context, callee.expression) : undefined;
    if (client && verb === 'request') return axiosConfigCall(context, client, first);
    if (client) {
      const data = AXIOS_METHODS_WITH_DATA.has(verb) ? objectLiteralOf(context, second) : undefined;
      return { client: 'axios', method: verb.toUpperCase(), url: first, baseURL: client.baseURL, requestBody: data };
    }
  }
  // Only names are tried as callable clients: resolving every `a.b(...)` would type-check the whole file.
  const client = ts.isIdentifier(callee) ? axiosClient(context, callee) : undefined;
  if (!client || !first) return undefined;
  // `axios(config)` or `axios(url, config)`.
  if (objectLiteralOf(context, first)) return axiosConfigCall(context, client, first);
  return { ...axiosConfigCall(context, client, second), url: first };
}

function axiosConfigCall(context: SourceContext, client: AxiosClient, configExpression: ts.Expression | undefined): CallParts {
  const config = objectLiteralOf(context, configExpression);
  return {
    client: 'axios',
    method: methodOf(context, config),
    url: propertyValue(config, 'url'),
    baseURL: client.baseURL,
    requestBody: objectLiteralOf(context, propertyValue(config, 'data')),
  };
}

/**
 * The axios client an expression denotes: `axios` itself (imported, required, or just so named),
 * or an instance made by `axios.create({ baseURL })` and held in a variable or class field.
 */
function axiosClient(context: SourceContext, expression: ts.Expression, hops = 0): AxiosClient | undefined {
  if (hops > MAX_INSTANCE_HOPS) return undefined;
  const node = unwrap(expression);
  if (ts.isIdentifier(node) && isAxiosModule(context, node)) return { baseURL: '' };
  if (ts.isCallExpression(node)) return createdInstance(context, node, hops);
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return undefined;
  const initializer = initializerOf(context, node);
  return initializer ? axiosClient(context, initializer, hops + 1) : undefined;
}

function createdInstance(context: SourceContext, call: ts.CallExpression, hops: number): AxiosClient | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'create') return undefined;
  const parent = axiosClient(context, callee.expression, hops + 1);
  if (!parent) return undefined;
  const baseURL = propertyValue(objectLiteralOf(context, call.arguments[0]), 'baseURL');
  if (!baseURL) return parent;
  // A base URL from the environment is an unknown prefix, which is what a leading `{}` means.
  return { baseURL: staticString(context, baseURL) ?? UNKNOWN };
}

function isAxiosModule(context: SourceContext, identifier: ts.Identifier): boolean {
  if (identifier.text === 'axios') return true;
  const declaration = declarationOf(context, identifier);
  if (!declaration) return false;
  if (ts.isImportClause(declaration) || ts.isNamespaceImport(declaration) || ts.isImportSpecifier(declaration)) {
    const isDefault = !ts.isImportSpecifier(declaration) || (declaration.propertyName ?? declaration.name).text === 'default';
    return isDefault && importedModule(declaration) === 'axios';
  }
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) return requiredModule(declaration.initializer) === 'axios';
  return false;
}

function importedModule(declaration: ts.ImportClause | ts.NamespaceImport | ts.ImportSpecifier): string | undefined {
  let node: ts.Node = declaration;
  while (!ts.isImportDeclaration(node)) node = node.parent;
  return ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
}

/** `require('x')` or `require('x').default` → `x`. */
function requiredModule(initializer: ts.Expression): string | undefined {
  let node = unwrap(initializer);
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'default') node = unwrap(node.expression);
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'require') return undefined;
  const [specifier] = node.arguments;
  return specifier && ts.isStringLiteral(specifier) ? specifier.text : undefined;
}

/** The upper-case `method` of a fetch init or axios config; GET when absent or not a known string. */
function methodOf(context: SourceContext, options: ts.ObjectLiteralExpression | undefined): string {
  const method = propertyValue(options, 'method');
  const text = method ? staticString(context, method) : undefined;
  return text && !text.includes(UNKNOWN) ? text.toUpperCase() : 'GET';
}

function requestFields(context: SourceContext, body: ts.ObjectLiteralExpression | undefined): FieldUse[] {
  const fields: FieldUse[] = [];
  for (const property of body?.properties ?? []) {
    if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property) && !ts.isMethodDeclaration(property)) continue;
    const name = propertyNameText(property.name);
    if (name !== undefined) fields.push({ path: name, location: locationOf(context, property.name) });
  }
  return fields;
}

/** The token a call's location points at: `fetch`, or `get` in `api.get(...)`. */
function calleeName(call: ts.CallExpression): ts.Node {
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.name : callee;
}

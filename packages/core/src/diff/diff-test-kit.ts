/** Small builders for base/revision spec pairs in rule tests (test support; not part of the public API). */
import { loadSpec } from '../spec/load-spec';
import { listOperations } from '../spec/operations';
import { diffSpecs, type DiffOptions, type SpecChange } from './diff-specs';

type Json = Record<string, unknown>;

/** An OpenAPI 3.0 document with these paths (and extra root fields). */
export function api(paths: Json, extra: Json = {}): Json {
  return { openapi: '3.0.3', info: { title: 'Test', version: '1.0.0' }, paths, ...extra };
}

/** An object schema. */
export function obj(properties: Json, required?: string[]): Json {
  return { type: 'object', properties, ...(required ? { required } : {}) };
}

/** A GET operation returning `schema` as JSON with status 200. */
export function get(schema: Json, extra: Json = {}): Json {
  return { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } }, ...extra };
}

/** A POST operation taking `schema` as a JSON body. */
export function post(schema: Json, extra: Json = {}, required = false): Json {
  return { requestBody: { required, content: { 'application/json': { schema } } }, responses: { '204': { description: 'done' } }, ...extra };
}

/** Diffs two in-memory documents (JSON, so every node still has a line). */
export function diffDocuments(base: Json, head: Json, options: DiffOptions = {}): SpecChange[] {
  const index = (document: Json) => {
    const spec = loadSpec('openapi.json', () => JSON.stringify(document, null, 2));
    return { spec, operations: listOperations(spec) };
  };
  return diffSpecs(index(base), index(head), { now: new Date('2026-06-01T00:00:00Z'), ...options }).changes;
}

/** The sorted, unique rule ids a pair produces. */
export function ruleIds(base: Json, head: Json, options: DiffOptions = {}): string[] {
  return [...new Set(diffDocuments(base, head, options).map((change) => change.ruleId))].sort();
}

/** Small helpers for usage-extraction specs (test support; not part of the public API). */
import type { ConsumerUsage, SourceLocation } from '../model';

/** Source text from lines. */
export const lines = (...text: string[]): string => text.join('\n');

const at = (location: SourceLocation, withFile: boolean): string => `${withFile ? `${location.file}:` : ''}${location.line}:${location.column}`;

/**
 * Each call as `METHOD url` with its response reads as `path file:line:col` (`path line:col`
 * without `withFile`), sorted: what a test of field reads compares.
 */
export function readsByCall(usage: ConsumerUsage, { withFile = true }: { withFile?: boolean } = {}): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const call of usage.calls) {
    const key = `${call.method} ${call.urlTemplate}`;
    result[key] = [...(result[key] ?? []), ...call.responseFields.map((field) => `${field.path} ${at(field.location, withFile)}`)].sort();
  }
  return result;
}

/**
 * Each call as `METHOD url (client) at file:line:col` with everything it uses: `read path line:col`,
 * `error path line:col`, `sent field`, `query field`, sorted.
 */
export function usesByCall(usage: ConsumerUsage): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const call of usage.calls) {
    const key = `${call.method} ${call.urlTemplate} (${call.client}) at ${at(call.location, true)}`;
    const uses = [
      ...call.responseFields.map((field) => `read ${field.path} ${at(field.location, true)}`),
      ...(call.errorResponseFields ?? []).map((field) => `error ${field.path} ${at(field.location, true)}`),
      ...call.requestFields.map((field) => `sent ${field.path}`),
      ...(call.queryFields ?? []).map((field) => `query ${field.path}`),
    ];
    result[key] = [...(result[key] ?? []), ...uses].sort();
  }
  return result;
}

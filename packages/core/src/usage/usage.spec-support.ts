/** Helpers of the usage-extraction specs (test support; not part of the build). */
import type { ConsumerUsage, SourceLocation } from '../model';
import { extractUsage } from './extract-usage';

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

/** The reads (see `readsByCall`) of one file scanned alone. */
export function readsOfFile(path: string, text: string): Record<string, string[]> {
  return readsByCall(extractUsage([{ path, text }]));
}

/** The reads (see `readsByCall`) of files scanned together, by path → text. */
export function readsOfFiles(files: Record<string, string>): Record<string, string[]> {
  return readsByCall(extractUsage(Object.entries(files).map(([path, text]) => ({ path, text }))));
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

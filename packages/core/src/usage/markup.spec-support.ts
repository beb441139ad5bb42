import type { ConsumerUsage } from '../model';
import { extractUsage } from './extract-usage';

/** Helpers of the markup specs (Angular, Vue, Svelte); not part of the build. */

export const lines = (...text: string[]): string => text.join('\n');

/** Each call as `METHOD url` with its reads as `path file:line:col`, sorted. */
export function readsByCall(usage: ConsumerUsage): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const call of usage.calls) {
    const key = `${call.method} ${call.urlTemplate}`;
    result[key] = [...(result[key] ?? []), ...call.responseFields.map((field) => `${field.path} ${field.location.file}:${field.location.line}:${field.location.column}`)].sort();
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

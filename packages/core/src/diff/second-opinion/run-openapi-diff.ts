import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** One operation's pruned, ref-free base and head documents, as openapi-diff reads them. */
export interface OpenApiDiffJob {
  key: string;
  base: object;
  head: object;
}

/** What openapi-diff said about one job, or why it said nothing. */
export type OpenApiDiffOutcome =
  | { key: string; kind: 'compared'; breaking: OpenApiDiffBreaking[] }
  | { key: string; kind: 'failed'; reason: string }
  | { key: string; kind: 'timed-out'; budgetMs: number }
  | { key: string; kind: 'not-asked'; totalBudgetMs: number };

/** The part of an openapi-diff breaking difference that we use. */
export interface OpenApiDiffBreaking {
  code: string;
  /** `paths./users/{id}.get.responses.200.content.application/json.schema` */
  location: string;
}

/**
 * The worker's code, evaluated rather than loaded from a file so it runs the same from sources
 * (tests) and from the build. It receives one job at a time, diffs it, writes the outcome to the
 * reply port and wakes the waiting caller.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let openapiDiff;
let loadError;
try {
  openapiDiff = require(workerData.openapiDiffPath);
} catch (error) {
  loadError = error;
}
const signal = new Int32Array(workerData.signal);
parentPort.on('message', async ({ job, reply }) => {
  let outcome;
  try {
    if (loadError) throw loadError;
    const spec = (content, location) => ({ content: JSON.stringify(content), location, format: 'openapi3' });
    const result = await openapiDiff.diffSpecs({ sourceSpec: spec(job.base, 'base'), destinationSpec: spec(job.head, 'head') });
    const breaking = (result.breakingDifferences || []).map((difference) => ({
      code: difference.code,
      location: ((difference.destinationSpecEntityDetails[0] || difference.sourceSpecEntityDetails[0]) || {}).location || '',
    }));
    outcome = { key: job.key, kind: 'compared', breaking };
  } catch (error) {
    outcome = { key: job.key, kind: 'failed', reason: String((error && error.message) || error).split('\\n')[0].replace(/[\\s.]+$/, '') };
  }
  reply.postMessage(outcome);
  reply.close();
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

/** Time limits of one run: each job's, and all jobs' together (jobs after it are not asked about). */
export interface OpenApiDiffBudget {
  perJobMs: number;
  totalMs: number;
  /** Extra wait for a new worker's first job, while it loads openapi-diff (default 10 s). */
  startAllowanceMs?: number;
}

/**
 * Runs openapi-diff on each job, synchronously, each under its own time budget. openapi-diff is
 * asynchronous and its schema comparison can run for minutes on `oneOf` shapes, so it runs in a
 * worker thread the caller waits for with `Atomics.wait`; a job past its budget gets its worker
 * terminated (a busy loop cannot be interrupted any other way) and the next job a fresh worker.
 */
export function runOpenApiDiff(jobs: readonly OpenApiDiffJob[], budget: OpenApiDiffBudget, openapiDiffPath = require.resolve('openapi-diff')): OpenApiDiffOutcome[] {
  const outcomes: OpenApiDiffOutcome[] = [];
  const deadline = Date.now() + budget.totalMs;
  for (const job of jobs) {
    const left = deadline - Date.now();
    if (left <= 0) {
      outcomes.push({ key: job.key, kind: 'not-asked', totalBudgetMs: budget.totalMs });
      continue;
    }
    const budgetMs = Math.min(budget.perJobMs, left);
    if (idleWorker && idleWorker.modulePath !== openapiDiffPath) {
      void idleWorker.thread.terminate();
      idleWorker = undefined;
    }
    const worker = (idleWorker ??= startWorker(openapiDiffPath));
    Atomics.store(worker.signal, 0, 0);
    const { port1, port2 } = new MessageChannel();
    worker.thread.postMessage({ job, reply: port2 }, [port2]);
    // Loading openapi-diff in a new worker is part of the first job's wait, not of its budget.
    const waited = Atomics.wait(worker.signal, 0, 0, budgetMs + (worker.fresh ? (budget.startAllowanceMs ?? WORKER_START_ALLOWANCE_MS) : 0));
    worker.fresh = false;
    const reply = receiveMessageOnPort(port1)?.message as OpenApiDiffOutcome | undefined;
    port1.close();
    if (waited === 'timed-out' || !reply) {
      void worker.thread.terminate();
      idleWorker = undefined;
      outcomes.push({ key: job.key, kind: 'timed-out', budgetMs });
      continue;
    }
    outcomes.push(reply);
  }
  return outcomes;
}

/**
 * The worker stays for the next call (a conformance run or a CLI diff of many specs would reload
 * openapi-diff each time otherwise); it is unreferenced, so it never keeps the process alive.
 */
let idleWorker: RunningWorker | undefined;

function startWorker(modulePath: string): RunningWorker {
  const shared = new SharedArrayBuffer(4);
  const thread = new Worker(WORKER_SOURCE, { eval: true, workerData: { openapiDiffPath: modulePath, signal: shared }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  // A worker that dies (out of memory, an error openapi-diff throws outside its promise) must not
  // take the check down with it: its job is already counted as not answered; the next gets a new worker.
  thread.on('error', () => {
    if (idleWorker?.thread === thread) idleWorker = undefined;
  });
  thread.unref();
  return { thread, modulePath, signal: new Int32Array(shared), fresh: true };
}

interface RunningWorker {
  thread: Worker;
  /** The openapi-diff it loaded (tests give a stand-in). */
  modulePath: string;
  /** Set to 1 by the worker when a reply is ready. */
  signal: Int32Array;
  /** Still loading openapi-diff: its first job may wait longer. */
  fresh: boolean;
}

/** openapi-diff ran out of memory on large specs (DESIGN.md); a bounded heap makes that a lost answer, not a lost process. */
const WORKER_HEAP_MB = 512;

/** Loading openapi-diff and its dependencies takes a few hundred milliseconds; more on a loaded machine. */
const WORKER_START_ALLOWANCE_MS = 10_000;

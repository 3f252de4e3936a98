/**
 * A pool of worker threads that read uploads (parse and analyse: the pure, CPU-bound part of
 * ingest), so a run of many files uses every core while the main thread does the store's I/O.
 * Used by the CLI and `npm run dev`; the Lambda ingest handler reads its one upload in its own
 * thread and never loads this module.
 */
import { availableParallelism } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { ArticleRecord } from '../model/types';
import type { PipelineDeps } from '../pipeline/pipeline-deps';
import {
  internalReadError,
  type ReadArticle,
  readInThread,
  rejectionOfKind,
  type UploadToRead,
} from '../pipeline/read-article';
import type {
  ArticleReadSettings,
  ArticleWorkerData,
  ReadAnswer,
  ReadTask,
} from './article-worker';
import type { RuntimeConfig } from './config';
import { startWorker } from './start-worker';

export interface ArticlePoolOptions extends ArticleReadSettings {
  /** Workers; `articlePoolSize()` when absent. */
  size?: number;
  /**
   * The reader of this thread: when given, this thread reads uploads too while every worker is
   * busy or still starting (its own core would otherwise wait on the store's I/O).
   */
  inThread?: ReadArticle;
  /** The worker module (tests start one that fails on purpose); `article-worker` when absent. */
  workerFile?: string;
}

export interface ArticlePool {
  read: ReadArticle;
  /** Stops the workers (after the reads under way), so the process can exit. */
  close(): Promise<void>;
}

/**
 * One worker per core but the one of the main thread (which reads too), at most 7: none on one
 * core. BRIEF_INGEST_WORKERS overrides it (0: no pool).
 */
export function articlePoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.BRIEF_INGEST_WORKERS;
  if (set !== undefined && set !== '' && Number.isInteger(Number(set)))
    return Math.max(0, Number(set));
  return Math.max(0, Math.min(7, availableParallelism() - 1));
}

interface Pending {
  task: ReadTask;
  resolve: (record: ArticleRecord) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** False until the worker has loaded its reference data and says so. */
  ready: boolean;
  /** The uploads sent to it, oldest (the one it is reading) first. */
  inFlight: Pending[];
}

/**
 * Uploads sent to a worker at once: the next ones wait in its queue, so it never idles while
 * this thread is busy (reading an upload itself, ~10–40 ms) and cannot hand it another. With
 * one waiting (2), the worker of a 2-core desk run idled ~20 % of the ingest; with three, the
 * ingest of 1,000 articles took 8.2–8.8 s against 8.5–9.4 s (4 interleaved pairs).
 */
const perWorker = 4;

export function makeArticlePool(options: ArticlePoolOptions): ArticlePool {
  const size = Math.max(1, options.size ?? articlePoolSize());
  const workerFile = resolve(
    options.workerFile ?? join(__dirname, `article-worker${extname(__filename)}`),
  );
  const data: ArticleWorkerData = {
    workerFile,
    root: options.root,
    actorsFile: options.actorsFile,
    themesFile: options.themesFile,
    minWords: options.minWords,
    ingestSeconds: options.ingestSeconds,
    reference: options.reference,
  };
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;
  let readingHere = false;

  const addWorker = (): Slot => {
    const slot: Slot = { worker: startWorker(workerFile, data), ready: false, inFlight: [] };
    slot.worker.on('message', (answer: ReadAnswer | { ready: true }) => {
      if ('ready' in answer) {
        slot.ready = true;
        dispatch();
        return;
      }
      const at = slot.inFlight.findIndex((pending) => pending.task.id === answer.id);
      const [pending] = at >= 0 ? slot.inFlight.splice(at, 1) : [];
      if (pending) {
        if ('record' in answer) pending.resolve(answer.record);
        else pending.reject(rejectionOfKind(answer.rejected, answer.kind));
      }
      dispatch();
    });
    // A worker that dies (an uncaught error, running out of memory) takes only the upload it
    // was reading with it: that upload is rejected with the error, the one waiting behind it
    // goes back to the queue, a new worker takes its place.
    const died = (error: unknown) => {
      const [reading, ...waiting] = slot.inFlight.splice(0);
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      queue.unshift(...waiting);
      if (reading) reading.reject(internalReadError(reading.task.key, error));
      dispatch();
    };
    slot.worker.on('error', died);
    slot.worker.on('exit', (code) => {
      if (slots.includes(slot)) died(new Error(`the reading thread stopped (exit code ${code})`));
    });
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    if (closed) return;
    while (queue.length > 0 && slots.length < size) addWorker();
    while (queue.length > 0) {
      // The least busy ready worker.
      const slot = slots
        .filter((candidate) => candidate.ready && candidate.inFlight.length < perWorker)
        .sort((a, b) => a.inFlight.length - b.inFlight.length)[0];
      if (!slot) break;
      const pending = queue.shift() as Pending;
      slot.inFlight.push(pending);
      slot.worker.ref();
      slot.worker.postMessage(pending.task);
    }
    // A starting worker keeps the process alive only while there is work for it.
    for (const slot of slots)
      if (slot.inFlight.length === 0 && queue.length === 0) slot.worker.unref();
    if (queue.length > 0 && options.inThread && !readingHere) {
      readingHere = true;
      // After the I/O callbacks due: this thread reads one upload at a time between them.
      setImmediate(readHere);
    }
  };

  const readHere = async () => {
    const pending = closed ? undefined : queue.shift();
    if (pending && options.inThread) {
      const { task } = pending;
      const upload = {
        key: task.key,
        edition: task.edition,
        receivedAt: new Date(task.receivedAt),
        spentMs: task.spentMs,
      };
      await options.inThread(task.bytes, upload).then(pending.resolve, pending.reject);
    }
    readingHere = false;
    dispatch();
  };

  return {
    read: (bytes: Uint8Array, upload: UploadToRead) =>
      new Promise<ArticleRecord>((resolvePromise, rejectPromise) => {
        if (closed) {
          rejectPromise(new Error('the article pool is closed'));
          return;
        }
        const task: ReadTask = {
          id: nextId++,
          bytes,
          key: upload.key,
          edition: upload.edition,
          receivedAt: upload.receivedAt.toISOString(),
          spentMs: upload.spentMs ?? 0,
        };
        queue.push({ task, resolve: resolvePromise, reject: rejectPromise });
        dispatch();
      }),
    close: async () => {
      closed = true;
      for (const pending of queue.splice(0))
        pending.reject(new Error('the article pool was closed before this upload was read'));
      const stopping = slots.splice(0).map((slot) => slot.worker.terminate());
      await Promise.all(stopping);
    },
  };
}

/**
 * The pool of the CLI and the dev loop: `size` workers with the pipeline's data files, settings
 * and reference data, and this thread reading too while they are busy (its core would
 * otherwise wait on the store's I/O).
 */
export function makePipelineArticlePool(
  config: RuntimeConfig,
  deps: Pick<PipelineDeps, 'reference' | 'settings' | 'readDocument'>,
  size: number,
): ArticlePool {
  return makeArticlePool({
    root: config.root,
    actorsFile: config.actorsFile,
    themesFile: config.themesFile,
    minWords: config.settings.minWords,
    ingestSeconds: config.settings.ingestSeconds,
    size,
    reference: deps.reference,
    inThread: readInThread(deps),
  });
}

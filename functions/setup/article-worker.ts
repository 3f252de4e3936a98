/**
 * A worker of the article pool (functions/setup/article-pool.ts): loads the reference data once,
 * then reads the uploads the pool sends it (parse and analyse, `readArticle`) and answers each
 * with its record or its rejection. It touches no store.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readDocument } from '../article/read-document';
import { ArticleRejectedError } from '../model/errors';
import type { ArticleRecord } from '../model/types';
import {
  internalReadError,
  type ReadArticle,
  type RejectionKind,
  readArticle,
  rejectionKind,
} from '../pipeline/read-article';
import { loadReference } from '../reference/load-reference';
import type { ReferenceData } from '../reference/reference-data';

/** Where the reference data is, and the settings of a read (as `RuntimeConfig` has them). */
export interface ArticleReadSettings {
  root: string;
  actorsFile?: string;
  themesFile?: string;
  minWords: number;
  ingestSeconds?: number;
  /**
   * The reference data already built by the thread that starts the pool, copied into the
   * worker (a structured clone takes a fraction of building it again); built from the files
   * above when absent.
   */
  reference?: ReferenceData;
}

/** What a worker is started with. */
export interface ArticleWorkerData extends ArticleReadSettings {
  /** The worker module the pool started (a test starts its own, which serves by `serveArticles`). */
  workerFile: string;
}

/** One upload sent to a worker. */
export interface ReadTask {
  id: number;
  bytes: Uint8Array;
  key: string;
  edition: string;
  /** ISO time. */
  receivedAt: string;
  spentMs: number;
}

/** A worker's answer: the record, or the rejection's reason. */
export type ReadAnswer =
  | { id: number; record: ArticleRecord }
  | { id: number; rejected: string; kind: RejectionKind };

/** The reader a worker serves: the reference of its start-up data, read once. */
export function readerOf(data: ArticleWorkerData): ReadArticle {
  const reference =
    data.reference ??
    loadReference({ root: data.root, actorsFile: data.actorsFile, themesFile: data.themesFile });
  return (bytes, upload) => readArticle(bytes, upload, reference, data, readDocument);
}

/**
 * Answers the pool's tasks strictly one after another (so the oldest unanswered one is the one
 * being read, should the thread die), with `read`; says first that it is ready.
 */
export function serveArticles(read: ReadArticle): void {
  const port = parentPort;
  if (!port) throw new Error('serveArticles runs in a worker thread');
  port.postMessage({ ready: true });
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (task: ReadTask) => {
    previous = previous.then(() => reply(task));
  });
  const reply = async (task: ReadTask) => {
    const upload = {
      key: task.key,
      edition: task.edition,
      receivedAt: new Date(task.receivedAt),
      spentMs: task.spentMs,
    };
    let answer: ReadAnswer;
    try {
      answer = { id: task.id, record: await read(task.bytes, upload) };
    } catch (error) {
      // `readArticle` throws only rejections; anything else is a bug of ours on this file.
      const rejection =
        error instanceof ArticleRejectedError ? error : internalReadError(task.key, error);
      answer = {
        id: task.id,
        rejected: rejection.message,
        kind: rejectionKind(rejection),
      };
    }
    port.postMessage(answer);
  };
}

if (!isMainThread && (workerData as ArticleWorkerData | undefined)?.workerFile === __filename)
  serveArticles(readerOf(workerData as ArticleWorkerData));

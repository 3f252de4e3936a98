import { type ParsedArticle, parseUpload } from '../article/parse-upload';
import { editionOf } from '../model/edition';
import { ArticleRejectedError } from '../model/errors';
import type { ArticleRecord, RejectionRecord } from '../model/types';
import {
  articleClaimKey,
  articleKey,
  isUploadKey,
  rejectionKey,
  uploadsPrefix,
} from '../store/bucket-layout';
import type { Store } from '../store/store';
import type { PipelineDeps } from './pipeline-deps';
import { recordArticle } from './record-article';

export type IngestOutcome =
  | { status: 'ingested'; key: string; id: string; edition: string; title: string }
  | { status: 'duplicate'; key: string; id: string; edition: string; original: string }
  | {
      status: 'rejected';
      key: string;
      edition: string;
      reason: string;
      /** True when the reading failed on an error of ours, not on the file (log it as an error). */
      internal?: boolean;
    }
  | { status: 'skipped'; key: string; reason: string };

export interface IngestOptions {
  /** When the upload arrived (the S3 event time); defaults to the clock. */
  receivedAt?: Date;
  /** Put the article in this edition instead of the day it arrived. */
  edition?: string;
}

/** One upload being ingested: its key, and the edition and time it is filed under. */
interface Upload {
  key: string;
  edition: string;
  receivedAt: Date;
}

interface IdClaim {
  key: string;
  edition: string;
  recordKey: string;
}

const json = 'application/json';

/**
 * Ingests one upload under `incoming/`: an article record, or a rejection record with the
 * reason; the original is never touched. The stages: parse (bytes to text and metadata),
 * analyse (actors, themes, sentences: `recordArticle`), record (claim the id, write the record).
 * Idempotent: the article id is a hash of the text and is claimed with a conditional write, so
 * a redelivered event or a re-upload under another name writes nothing new. Store failures
 * propagate (Lambda retries them).
 */
export async function ingest(
  deps: PipelineDeps,
  key: string,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  if (!isUploadKey(key)) return { status: 'skipped', key, reason: `not under ${uploadsPrefix}` };
  const receivedAt = options.receivedAt ?? deps.clock();
  const edition = options.edition ?? editionOf(receivedAt, deps.settings.timeZone);
  const upload: Upload = { key, edition, receivedAt };
  const checkpoint = timeBudget(key, deps.settings.ingestSeconds ?? defaultIngestSeconds);
  try {
    const parsed = await parse(deps, upload, checkpoint);
    if (!parsed) return { status: 'skipped', key, reason: 'the object no longer exists' };
    const record = await asRejection(key, async () => recordArticle(parsed, deps.reference));
    checkpoint('analysing the text');
    return await recordOnce(deps.store, upload, record);
  } catch (error) {
    if (!(error instanceof ArticleRejectedError)) throw error;
    const outcome = await reject(deps.store, upload, error.message);
    return error instanceof InternalReadError ? { ...outcome, internal: true } : outcome;
  }
}

/** Seconds an upload may take to read and analyse unless the settings say otherwise. */
export const defaultIngestSeconds = 20;

/**
 * A checkpoint between the stages of reading an upload: throws `ArticleRejectedError` once the
 * upload has taken longer than `seconds`, naming the stage it had just finished.
 */
function timeBudget(key: string, seconds: number): (stage: string) => void {
  const start = performance.now();
  return (stage) => {
    const elapsed = (performance.now() - start) / 1000;
    if (elapsed > seconds)
      throw new ArticleRejectedError(
        `${key}: the file took too long to read (${elapsed.toFixed(1)} s by the end of ${stage}; the limit is ${seconds} s); upload the article's text alone`,
      );
  };
}

/** A rejection caused by an error of ours while reading a file (see `asRejection`). */
class InternalReadError extends ArticleRejectedError {}

/**
 * Runs a stage that reads the file and touches no store (parse, analyse): any error it throws
 * is about this file, so one that is not already a rejection (a bug of ours on a strange
 * file: a stack overflow, a library's crash) becomes one too, with the error named, rather
 * than a retry that would fail the same way.
 */
async function asRejection<T>(key: string, stage: () => Promise<T>): Promise<T> {
  try {
    return await stage();
  } catch (error) {
    if (error instanceof ArticleRejectedError) throw error;
    const what =
      error instanceof Error
        ? `${error.name}: ${error.message.split('\n')[0]?.slice(0, 200)}`
        : String(error);
    throw new InternalReadError(
      `${key}: the file could not be read (${what}); upload the article's text instead`,
      { cause: error },
    );
  }
}

/**
 * The parse stage: the upload's text and metadata, or null when the object is gone. Throws
 * `ArticleRejectedError` for an upload that is too large (left unread) or cannot be used.
 */
async function parse(
  deps: PipelineDeps,
  upload: Upload,
  checkpoint: (stage: string) => void,
): Promise<ParsedArticle | null> {
  const { store, settings } = deps;
  const head = await store.head(upload.key);
  if (!head) return null;
  if (head.size > settings.maxBytes)
    throw new ArticleRejectedError(tooLarge(upload.key, head.size, settings.maxBytes));
  const bytes = await store.get(upload.key);
  if (!bytes) return null;
  return asRejection(upload.key, () =>
    parseUpload(bytes, {
      ...upload,
      reference: deps.reference,
      minWords: settings.minWords,
      checkpoint,
    }),
  );
}

/**
 * The record stage: claims the article id, then writes the record. A text already claimed by
 * another upload is a duplicate; claimed by this same upload, it finishes a write an earlier
 * attempt may have left undone.
 */
async function recordOnce(
  store: Store,
  upload: Upload,
  record: ArticleRecord,
): Promise<IngestOutcome> {
  const { key, edition } = upload;
  const recordKey = articleKey(edition, record.id);
  const claimKey = articleClaimKey(record.id);
  const claim: IdClaim = { key, edition, recordKey };
  if (await store.putIfAbsent(claimKey, JSON.stringify(claim), json)) {
    await writeRecord(store, recordKey, record);
    return { status: 'ingested', key, id: record.id, edition, title: record.title };
  }
  const original = await readClaim(store, claimKey);
  if (original && original.key !== key) {
    return {
      status: 'duplicate',
      key,
      id: record.id,
      edition: original.edition,
      original: original.key,
    };
  }
  await writeRecord(store, original?.recordKey ?? recordKey, record);
  return {
    status: 'ingested',
    key,
    id: record.id,
    edition: original?.edition ?? edition,
    title: record.title,
  };
}

async function writeRecord(store: Store, recordKey: string, record: ArticleRecord): Promise<void> {
  await store.putIfAbsent(recordKey, JSON.stringify(record, null, 2), json);
}

/** Writes `rejected/<key>.json` unless the same reason is already recorded (idempotent). */
async function reject(
  store: Store,
  upload: Upload,
  reason: string,
): Promise<Extract<IngestOutcome, { status: 'rejected' }>> {
  const { key, edition, receivedAt } = upload;
  const rejection: RejectionRecord = { key, reason, at: receivedAt.toISOString(), edition };
  const recordKey = rejectionKey(key);
  const existing = await store.get(recordKey);
  const previous = existing
    ? (JSON.parse(new TextDecoder().decode(existing)) as RejectionRecord)
    : null;
  if (previous?.reason !== reason)
    await store.put(recordKey, JSON.stringify(rejection, null, 2), json);
  return { status: 'rejected', key, edition, reason };
}

async function readClaim(store: Store, claimKey: string): Promise<IdClaim | null> {
  const bytes = await store.get(claimKey);
  return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as IdClaim) : null;
}

/** The reason an upload over the size limit is rejected unread. */
export function tooLarge(key: string, size: number, maxBytes: number): string {
  return `${key}: too large (${megabytes(size)}; the limit is ${megabytes(maxBytes)}); upload the article text alone`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

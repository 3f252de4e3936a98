import { parseUpload } from '../article/parse-upload';
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
  let record: ArticleRecord;
  try {
    const bytes = await fetch(deps, upload);
    if (!bytes) return { status: 'skipped', key, reason: 'the object no longer exists' };
    record = await read(deps, upload, bytes);
  } catch (error) {
    if (!(error instanceof ArticleRejectedError)) throw error;
    const outcome = await reject(deps.store, upload, error.message);
    return error instanceof InternalReadError ? { ...outcome, internal: true } : outcome;
  }
  return recordOnce(deps.store, upload, record);
}

/** Seconds an upload may take to read and analyse unless the settings say otherwise. */
export const defaultIngestSeconds = 20;

/**
 * The upload's bytes, or null when the object is gone. Throws `ArticleRejectedError` for an
 * upload that is too large (left unread); store failures propagate.
 */
async function fetch(deps: PipelineDeps, upload: Upload): Promise<Uint8Array | null> {
  const { store, settings } = deps;
  const head = await store.head(upload.key);
  if (!head) return null;
  if (head.size > settings.maxBytes)
    throw new ArticleRejectedError(tooLarge(upload.key, head.size, settings.maxBytes));
  return store.get(upload.key);
}

/**
 * The parse and analyse stages, against the upload's time budget (checked between stages).
 * They touch no store, so any error they throw is about this file: one that is not already a
 * rejection (a bug of ours on a strange file: a stack overflow, a library's crash) becomes one
 * too, with the error named, rather than a retry that would fail the same way.
 */
async function read(deps: PipelineDeps, upload: Upload, bytes: Uint8Array): Promise<ArticleRecord> {
  const checkpoint = timeBudget(upload.key, deps.settings.ingestSeconds ?? defaultIngestSeconds);
  try {
    const parsed = await parseUpload(bytes, {
      ...upload,
      reference: deps.reference,
      minWords: deps.settings.minWords,
      checkpoint,
    });
    const record = recordArticle(parsed, deps.reference);
    checkpoint('analysing the text');
    return record;
  } catch (error) {
    if (error instanceof ArticleRejectedError) throw error;
    throw new InternalReadError(
      `${upload.key}: the file could not be read (${describeError(error)}); upload the article's text instead`,
      { cause: error },
    );
  }
}

/** A rejection caused by an error of ours while reading a file (see `read`). */
class InternalReadError extends ArticleRejectedError {}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return `${error.name}: ${error.message.split('\n')[0]?.slice(0, 200)}`;
}

/**
 * A checkpoint for `parseUpload`: throws `ArticleRejectedError` once the upload has taken
 * longer than `seconds` since it was fetched, naming the stage it had just finished.
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

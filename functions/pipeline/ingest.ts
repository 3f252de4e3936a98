import { createHash } from 'node:crypto';
import { editionOf } from '../model/edition';
import { ArticleRejectedError } from '../model/errors';
import type { ArticleRecord, RejectionRecord, UploadVersion } from '../model/types';
import {
  articleClaimKey,
  articleKey,
  carrierKey,
  isUploadKey,
  rejectionKey,
  uploadsPrefix,
} from '../store/bucket-layout';
import type { Store } from '../store/store';
import type { PipelineDeps } from './pipeline-deps';
import { InternalReadError, readInThread, rejectionKind } from './read-article';
import { compareUploads, sameUpload, type UploadEvent } from './upload-order';

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
  /**
   * The version the event names (`s3.object.versionId`, `eTag`, `sequencer`): that version is
   * read, not whatever the key holds by the time the event is handled.
   */
  version?: UploadVersion;
}

/** One upload being ingested: its key, version, and the edition and time it is filed under. */
interface Upload {
  key: string;
  edition: string;
  receivedAt: Date;
  version: UploadVersion;
}

/**
 * `articles/_ids/<id>.json`: the first upload that carried the text. `etag` is the ETag of the
 * version read, so a later upload of the same text can tell whether the claimer still
 * carries it (or was overwritten since).
 */
interface IdClaim {
  key: string;
  edition: string;
  recordKey: string;
  receivedAt?: string;
  upload?: UploadVersion;
}

/** `articles/_carriers/<edition>/<id>/<event>.json`: another upload of the edition carrying the text. */
export interface CarrierRecord {
  id: string;
  key: string;
  edition: string;
  receivedAt: string;
  upload?: UploadVersion;
  /** The record of the text in this edition. */
  recordKey: string;
}

const json = 'application/json';

/**
 * Ingests one upload under `incoming/`: an article record, or a rejection record with the
 * reason; the original is never touched. The stages: parse (bytes to text and metadata),
 * analyse (actors, themes, sentences), both done by `deps.readArticle` (in this thread unless a
 * worker pool is handed in), then record (claim the id, write the record).
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
  const upload: Upload = { key, edition, receivedAt, version: { ...options.version } };
  const started = performance.now();
  try {
    const bytes = await fetchUpload(deps, upload);
    if (!bytes) return { status: 'skipped', key, reason: goneReason(options.version) };
    const read = deps.readArticle ?? readInThread(deps);
    const record: ArticleRecord = {
      ...(await read(bytes, { key, edition, receivedAt, spentMs: performance.now() - started })),
      upload: upload.version,
      ...(deps.readWith ? { readWith: deps.readWith } : {}),
    };
    return await recordOnce(deps.store, upload, record);
  } catch (error) {
    if (!(error instanceof ArticleRejectedError)) throw error;
    const lasting = rejectionKind(error) === 'file' ? deps.readWith : undefined;
    const outcome = await reject(deps.store, upload, error.message, lasting);
    return error instanceof InternalReadError && outcome.status === 'rejected'
      ? { ...outcome, internal: true }
      : outcome;
  }
}

function goneReason(version: UploadVersion | undefined): string {
  if (version?.versionId) return `version ${version.versionId} no longer exists`;
  if (version?.etag)
    return 'the object was overwritten since this event (an unversioned bucket keeps no older version); the newer upload is ingested by its own event';
  return 'the object no longer exists';
}

/**
 * The upload's bytes, or null when the object is gone. Throws `ArticleRejectedError` for an
 * upload that is too large (left unread).
 */
async function fetchUpload(deps: PipelineDeps, upload: Upload): Promise<Uint8Array | null> {
  const { store, settings } = deps;
  const named = upload.version.versionId || upload.version.etag ? upload.version : undefined;
  const head = await store.head(upload.key, named);
  if (!head) return null;
  // The ETag of what is read: how a later upload of the same text tells whether this one still
  // carries it.
  if (head.etag && !upload.version.etag) upload.version.etag = head.etag;
  if (head.size > settings.maxBytes)
    throw new ArticleRejectedError(tooLarge(upload.key, head.size, settings.maxBytes));
  return store.get(upload.key, named);
}

/**
 * The record stage: claims the article id, then writes the record. The first upload of a text
 * claims it and writes `articles/<edition>/<id>.json`. Another upload of the same text in the
 * same edition (another key, or the same key uploaded again later) writes a small carrier
 * beside it (`articles/_carriers/…`), so that compile knows that upload carries the text too:
 * when the first upload is overwritten, the text stays in the brief through the others, and
 * each key's newest upload decides what it holds. In another edition, the same text is a
 * duplicate while the upload that claimed it still carries it; once that upload was
 * overwritten, the text is recorded anew in this edition and the claim passes to this upload.
 */
async function recordOnce(
  store: Store,
  upload: Upload,
  record: ArticleRecord,
): Promise<IngestOutcome> {
  const { key, edition } = upload;
  const ingested = (at: string): IngestOutcome => ({
    status: 'ingested',
    key,
    id: record.id,
    edition: at,
    title: record.title,
  });
  const recordKey = articleKey(edition, record.id);
  const claimKey = articleClaimKey(record.id);
  const event: UploadEvent = {
    receivedAt: upload.receivedAt.toISOString(),
    upload: upload.version,
  };
  const claim: IdClaim = { key, edition, recordKey, ...event };
  if (await store.putIfAbsent(claimKey, JSON.stringify(claim), json)) {
    await writeRecord(store, recordKey, record);
    return ingested(edition);
  }
  const original = await store.getWithEtag(claimKey);
  const claimed = original
    ? (JSON.parse(new TextDecoder().decode(original.body)) as IdClaim)
    : null;
  if (!claimed) return recordOnce(store, upload, record);
  const claimEvent: UploadEvent = { receivedAt: claimed.receivedAt ?? '', upload: claimed.upload };
  if (claimed.key === key && (sameUpload(claimEvent, event) || !claimed.receivedAt)) {
    // The same upload again (a redelivered event, a retry): finish what it may have left undone.
    await writeRecord(store, claimed.recordKey, record);
    return ingested(claimed.edition);
  }
  if (claimed.edition === edition) {
    if (claimed.key === key) await writeRecord(store, claimed.recordKey, record);
    await writeCarrier(store, upload, record.id, claimed.recordKey);
    if (claimed.key === key) return ingested(edition);
    return { status: 'duplicate', key, id: record.id, edition, original: claimed.key };
  }
  if (claimed.key !== key && (await stillCarries(store, claimed))) {
    return {
      status: 'duplicate',
      key,
      id: record.id,
      edition: claimed.edition,
      original: claimed.key,
    };
  }
  // The text's first upload was in another edition and no longer carries it (or it is this
  // key, uploaded again on another day): the text is recorded in this edition, by this upload.
  if (!(await store.putIfAbsent(recordKey, JSON.stringify(record, null, 2), json)))
    await writeCarrier(store, upload, record.id, recordKey);
  await store.putIfMatch(claimKey, JSON.stringify(claim), original?.etag ?? null, json);
  return ingested(edition);
}

/** True when the upload that claimed a text still holds the version it was claimed with. */
async function stillCarries(store: Store, claimed: IdClaim): Promise<boolean> {
  const etag = claimed.upload?.etag;
  if (!etag) return true; // a claim written before versions were kept: assume it does
  const head = await store.head(claimed.key);
  return head?.etag === etag;
}

/**
 * Writes the text's record unless it is there. A record there that was read otherwise
 * (`readWith`: other code, data files or settings) is replaced by this reading, under the
 * identity of the upload it was recorded for: the edition never keeps a text read the old way.
 */
async function writeRecord(store: Store, recordKey: string, record: ArticleRecord): Promise<void> {
  if (await store.putIfAbsent(recordKey, JSON.stringify(record, null, 2), json)) return;
  if (!record.readWith) return;
  const existing = await store.getWithEtag(recordKey);
  if (!existing) return;
  const stored = JSON.parse(new TextDecoder().decode(existing.body)) as ArticleRecord;
  if (stored.readWith === record.readWith) return;
  const { upload, ...reading } = record;
  const reread: ArticleRecord = {
    ...reading,
    key: stored.key,
    edition: stored.edition,
    receivedAt: stored.receivedAt,
    ...(stored.upload ? { upload: stored.upload } : {}),
  };
  await store.putIfMatch(recordKey, JSON.stringify(reread, null, 2), existing.etag, json);
}

/** Records that `upload` carries the text recorded at `recordKey` (once per upload event). */
async function writeCarrier(
  store: Store,
  upload: Upload,
  id: string,
  recordKey: string,
): Promise<void> {
  const receivedAt = upload.receivedAt.toISOString();
  const carrier: CarrierRecord = {
    id,
    key: upload.key,
    edition: upload.edition,
    receivedAt,
    upload: upload.version,
    recordKey,
  };
  const event = createHash('sha256')
    .update(
      [upload.key, receivedAt, upload.version.sequencer ?? '', upload.version.versionId ?? ''].join(
        '\n',
      ),
    )
    .digest('hex')
    .slice(0, 16);
  await store.putIfAbsent(carrierKey(upload.edition, id, event), JSON.stringify(carrier), json);
}

/**
 * Writes `rejected/<edition>/<key>.json`, unless a later upload of the key was rejected already (a late
 * event never hides a newer rejection) or the same reason of the same upload, read the same way,
 * is recorded.
 * A compare-and-swap, so of two rejections of one key at once the later upload's stays.
 */
async function reject(
  store: Store,
  upload: Upload,
  reason: string,
  readWith: string | undefined,
): Promise<IngestOutcome> {
  const { key, edition, receivedAt } = upload;
  const rejection: RejectionRecord = {
    key,
    reason,
    at: receivedAt.toISOString(),
    edition,
    upload: upload.version,
    ...(readWith ? { readWith } : {}),
  };
  const recordKey = rejectionKey(edition, key);
  const event: UploadEvent = { receivedAt: rejection.at, upload: upload.version };
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await store.getWithEtag(recordKey);
    const previous = existing
      ? (JSON.parse(new TextDecoder().decode(existing.body)) as RejectionRecord)
      : null;
    if (previous) {
      const order = compareUploads({ receivedAt: previous.at, upload: previous.upload }, event);
      const same = previous.reason === reason && previous.readWith === rejection.readWith;
      if (order > 0 || (order === 0 && same)) break;
    }
    const body = JSON.stringify(rejection, null, 2);
    if (await store.putIfMatch(recordKey, body, existing?.etag ?? null, json)) break;
  }
  return { status: 'rejected', key, edition, reason };
}

/** The reason an upload over the size limit is rejected unread. */
export function tooLarge(key: string, size: number, maxBytes: number): string {
  return `${key}: too large (${megabytes(size)}; the limit is ${megabytes(maxBytes)}); upload the article text alone`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export { defaultIngestSeconds } from './read-article';

import { parseUpload } from '../article/parse-upload';
import { editionOf } from '../model/edition';
import { ArticleRejectedError } from '../model/errors';
import type { RejectionRecord } from '../model/types';
import type { Store } from '../store/store';
import type { PipelineDeps } from './pipeline-deps';
import { recordArticle } from './record-article';

export type IngestOutcome =
  | { status: 'ingested'; key: string; id: string; edition: string; title: string }
  | { status: 'duplicate'; key: string; id: string; edition: string; original: string }
  | { status: 'rejected'; key: string; edition: string; reason: string }
  | { status: 'skipped'; key: string; reason: string };

export interface IngestOptions {
  /** When the upload arrived (the S3 event time); defaults to the clock. */
  receivedAt?: Date;
  /** Put the article in this edition instead of the day it arrived. */
  edition?: string;
}

interface IdClaim {
  key: string;
  edition: string;
  recordKey: string;
}

const json = 'application/json';

/**
 * Ingests one upload under `incoming/`: an article record, or a rejection record with the
 * reason; the original is never touched. Idempotent: the article id is a hash of the text and
 * is claimed with a conditional write, so a redelivered event or a re-upload under another
 * name writes nothing new. Store failures propagate (Lambda retries them).
 */
export async function ingest(
  deps: PipelineDeps,
  key: string,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const { store, settings } = deps;
  if (!key.startsWith('incoming/'))
    return { status: 'skipped', key, reason: 'not under incoming/' };
  const receivedAt = options.receivedAt ?? deps.clock();
  const edition = options.edition ?? editionOf(receivedAt, settings.timeZone);

  const head = await store.head(key);
  if (!head) return { status: 'skipped', key, reason: 'the object no longer exists' };
  try {
    if (head.size > settings.maxBytes) {
      throw new ArticleRejectedError(
        `${key}: too large (${megabytes(head.size)}; the limit is ${megabytes(settings.maxBytes)}); upload the article text alone`,
      );
    }
    const bytes = await store.get(key);
    if (!bytes) return { status: 'skipped', key, reason: 'the object no longer exists' };
    const parsed = await parseUpload(bytes, {
      key,
      edition,
      receivedAt,
      reference: deps.reference,
      minWords: settings.minWords,
    });
    const record = recordArticle(parsed, deps.reference);
    const recordKey = `articles/${edition}/${record.id}.json`;
    const claim: IdClaim = { key, edition, recordKey };
    const claimKey = `articles/_ids/${record.id}.json`;
    if (!(await store.putIfAbsent(claimKey, JSON.stringify(claim), json))) {
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
      // Same upload seen again: finish a write an earlier attempt may have left undone.
      await store.putIfAbsent(
        original?.recordKey ?? recordKey,
        JSON.stringify(record, null, 2),
        json,
      );
      return {
        status: 'ingested',
        key,
        id: record.id,
        edition: original?.edition ?? edition,
        title: record.title,
      };
    }
    await store.putIfAbsent(recordKey, JSON.stringify(record, null, 2), json);
    return { status: 'ingested', key, id: record.id, edition, title: record.title };
  } catch (error) {
    if (!(error instanceof ArticleRejectedError)) throw error;
    await recordRejection(store, {
      key,
      reason: error.message,
      at: receivedAt.toISOString(),
      edition,
    });
    return { status: 'rejected', key, edition, reason: error.message };
  }
}

/** Writes `rejected/<key>.json` unless the same reason is already recorded (idempotent). */
async function recordRejection(store: Store, rejection: RejectionRecord): Promise<void> {
  const rejectionKey = `rejected/${rejection.key}.json`;
  const existing = await store.get(rejectionKey);
  if (existing) {
    const previous = JSON.parse(new TextDecoder().decode(existing)) as RejectionRecord;
    if (previous.reason === rejection.reason) return;
  }
  await store.put(rejectionKey, JSON.stringify(rejection, null, 2), json);
}

async function readClaim(store: Store, claimKey: string): Promise<IdClaim | null> {
  const bytes = await store.get(claimKey);
  return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as IdClaim) : null;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

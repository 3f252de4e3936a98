import type { ArticleRecord, RejectionRecord } from '../model/types';
import type { CarrierRecord } from './ingest';
import { compareUploads, type UploadEvent } from './upload-order';

/** What the store holds about one edition's uploads. */
export interface EditionRecords {
  /** Every article record of the edition (`articles/<edition>/<id>.json`). */
  records: ArticleRecord[];
  /** Every carrier of the edition (`articles/_carriers/<edition>/…`). */
  carriers: CarrierRecord[];
  /** The rejection records filed under the edition. */
  rejections: RejectionRecord[];
}

type Entry =
  | { kind: 'article'; event: UploadEvent; record: ArticleRecord }
  | { kind: 'rejection'; event: UploadEvent; rejection: RejectionRecord };

/**
 * What each upload key of the edition holds now: its newest upload wins (by the S3 event's
 * sequencer, else its time), whatever order the events were handled in. A key whose newest
 * upload was rejected shows its rejection and none of its earlier articles; a key whose
 * newest upload is an article shows no earlier rejection. A text carried by several keys is
 * one article, under the key that uploaded it first; a text whose first key was overwritten
 * stays, under the keys that still carry it.
 */
export function newestUploads(input: EditionRecords): {
  articles: ArticleRecord[];
  rejected: RejectionRecord[];
} {
  const byId = new Map(input.records.map((record) => [record.id, record]));
  const newest = new Map<string, Entry>();
  const consider = (key: string, entry: Entry) => {
    const current = newest.get(key);
    if (!current || compareUploads(entry.event, current.event) > 0) newest.set(key, entry);
  };
  for (const record of input.records)
    consider(record.key, {
      kind: 'article',
      event: { receivedAt: record.receivedAt, upload: record.upload },
      record,
    });
  for (const carrier of input.carriers) {
    const text = byId.get(carrier.id);
    if (!text) continue;
    const record: ArticleRecord = {
      ...text,
      key: carrier.key,
      receivedAt: carrier.receivedAt,
      ...(carrier.upload ? { upload: carrier.upload } : {}),
    };
    consider(carrier.key, {
      kind: 'article',
      event: { receivedAt: carrier.receivedAt, upload: carrier.upload },
      record,
    });
  }
  for (const rejection of input.rejections)
    consider(rejection.key, {
      kind: 'rejection',
      event: { receivedAt: rejection.at, upload: rejection.upload },
      rejection,
    });

  const articles = new Map<string, ArticleRecord>();
  const rejected: RejectionRecord[] = [];
  for (const entry of newest.values()) {
    if (entry.kind === 'rejection') {
      rejected.push(entry.rejection);
      continue;
    }
    const { record } = entry;
    const other = articles.get(record.id);
    const earlier =
      !other ||
      record.receivedAt < other.receivedAt ||
      (record.receivedAt === other.receivedAt && record.key < other.key);
    if (earlier) articles.set(record.id, record);
  }
  return { articles: [...articles.values()], rejected };
}

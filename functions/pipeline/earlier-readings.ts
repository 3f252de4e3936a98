import type { ArticleRecord } from '../model/types';
import { bareEtag } from '../store/store';
import type { IngestOutcome } from './ingest';
import type { EditionRecords } from './newest-uploads';
import { compareUploads, type UploadEvent } from './upload-order';

/** An upload the edition's records hold as an article. */
export interface EarlierReading {
  /** The ETag of the upload's bytes that were read. */
  etag: string;
  /** What ingesting it gave: the text's record, or a duplicate of another key's. */
  outcome: IngestOutcome;
  /** True when the text was read with the current `readWith` (false: read otherwise). */
  current: boolean;
}

/**
 * For each upload key of the edition whose newest upload is recorded as an article: the ETag of
 * the bytes read, the outcome ingesting them gave, and whether they were read with `readWith`,
 * so that a re-run handed the same bytes can skip reading them again, or say why it reads them
 * again. A key whose newest upload was rejected has none: rejections are cheap to reach again,
 * and one that ran out of time must be retried.
 */
export function earlierReadings(
  records: EditionRecords,
  readWith: string,
): Map<string, EarlierReading> {
  const byId = new Map(records.records.map((record) => [record.id, record]));
  const newest = new Map<string, { event: UploadEvent; text: ArticleRecord | null }>();
  // In the order newestUploads considers them: at the same event, an article wins.
  const consider = (key: string, event: UploadEvent, text: ArticleRecord | null) => {
    const current = newest.get(key);
    if (!current || compareUploads(event, current.event) > 0) newest.set(key, { event, text });
  };
  for (const record of records.records)
    consider(record.key, { receivedAt: record.receivedAt, upload: record.upload }, record);
  for (const carrier of records.carriers) {
    const text = byId.get(carrier.id);
    if (text) consider(carrier.key, carrier, text);
  }
  for (const rejection of records.rejections)
    consider(rejection.key, { receivedAt: rejection.at, upload: rejection.upload }, null);

  const readings = new Map<string, EarlierReading>();
  for (const [key, { event, text }] of newest) {
    const etag = bareEtag(event.upload?.etag);
    if (!text || !etag) continue;
    const { id, edition } = text;
    const outcome: IngestOutcome =
      key === text.key
        ? { status: 'ingested', key, id, edition, title: text.title }
        : { status: 'duplicate', key, id, edition, original: text.key };
    readings.set(key, { etag, outcome, current: text.readWith === readWith });
  }
  return readings;
}

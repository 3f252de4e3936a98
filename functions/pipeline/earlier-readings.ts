import type { ArticleRecord, RejectionRecord } from '../model/types';
import { bareEtag } from '../store/store';
import type { IngestOutcome } from './ingest';
import type { EditionRecords } from './newest-uploads';
import { compareUploads, type UploadEvent } from './upload-order';

/** An upload the edition's records hold as an article, or as a lasting rejection. */
export interface EarlierReading {
  /** The ETag of the upload's bytes that were read. */
  etag: string;
  /** What ingesting it gave: the text's record, a duplicate of another key's, a rejection. */
  outcome: IngestOutcome;
  /** True when the text was read with the current `readWith` (false: read otherwise). */
  current: boolean;
}

/**
 * For each upload key of the edition whose newest upload is recorded as an article or as a
 * lasting rejection (one stamped with what read it): the ETag of the bytes read, the outcome
 * ingesting them gave, and whether they were read with `readWith`, so that a re-run handed the
 * same bytes can skip reading them again, or say why it reads them again. A rejection that ran
 * out of time or met an error of ours is not stamped: its upload is read again.
 */
export function earlierReadings(
  records: EditionRecords,
  readWith: string,
): Map<string, EarlierReading> {
  const byId = new Map(records.records.map((record) => [record.id, record]));
  type Held = { text: ArticleRecord } | { rejection: RejectionRecord };
  const newest = new Map<string, { event: UploadEvent; held: Held }>();
  // In the order newestUploads considers them: at the same event, an article wins.
  const consider = (key: string, event: UploadEvent, held: Held) => {
    const current = newest.get(key);
    if (!current || compareUploads(event, current.event) > 0) newest.set(key, { event, held });
  };
  for (const record of records.records)
    consider(
      record.key,
      { receivedAt: record.receivedAt, upload: record.upload },
      { text: record },
    );
  for (const carrier of records.carriers) {
    const text = byId.get(carrier.id);
    if (text) consider(carrier.key, carrier, { text });
  }
  for (const rejection of records.rejections)
    consider(rejection.key, { receivedAt: rejection.at, upload: rejection.upload }, { rejection });

  const readings = new Map<string, EarlierReading>();
  for (const [key, { event, held }] of newest) {
    const etag = bareEtag(event.upload?.etag);
    if (!etag) continue;
    if ('rejection' in held) {
      const { edition, reason, readWith: stamp } = held.rejection;
      if (!stamp) continue;
      const outcome: IngestOutcome = { status: 'rejected', key, edition, reason };
      readings.set(key, { etag, outcome, current: stamp === readWith });
      continue;
    }
    const { id, edition, title, readWith: stamp } = held.text;
    const outcome: IngestOutcome =
      key === held.text.key
        ? { status: 'ingested', key, id, edition, title }
        : { status: 'duplicate', key, id, edition, original: held.text.key };
    readings.set(key, { etag, outcome, current: stamp === readWith });
  }
  return readings;
}

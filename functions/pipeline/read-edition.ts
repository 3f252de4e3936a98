import type { ArticleRecord, RejectionRecord } from '../model/types';
import {
  carriersPrefix,
  editionArticlesPrefix,
  editionRejectedPrefix,
} from '../store/bucket-layout';
import { mapWithConcurrency, storeConcurrency } from '../store/concurrency';
import type { ListedObject, Store } from '../store/store';
import type { CarrierRecord } from './ingest';
import type { EditionRecords } from './newest-uploads';
import {
  articleRecordShape,
  carrierRecordShape,
  type RecordOutcome,
  type RecordShape,
  readRecordOutcome,
  rejectionRecordShape,
  type SkipRecord,
  shapeProblem,
} from './record-reader';
import {
  loadSnapshot,
  type RecordKind,
  type SnapshotEntry,
  saveSnapshot,
} from './records-snapshot';

export interface ReadEditionOptions {
  /**
   * Reuse the records of the edition's snapshot whose object is listed with the same ETag and
   * size, and write the snapshot of this read when it differs (default). false: read every
   * record and leave the snapshot alone.
   */
  snapshot?: boolean;
}

/** Who is told of the objects that are no record, in the listing's order. */
export interface ReadEditionSkips {
  article: SkipRecord;
  other: SkipRecord;
  /** The snapshot could not be used, or not be written. */
  snapshot: (message: string) => void;
}

export interface EditionRecordsRead extends EditionRecords {
  /** The snapshot's write, started when this read differs from it; never rejects. */
  saved: Promise<void>;
}

const shapes: Record<RecordKind, RecordShape<unknown>> = {
  article: articleRecordShape,
  carrier: carrierRecordShape,
  rejection: rejectionRecordShape,
};

/**
 * An edition's article records, carriers and rejection records: the three listings (with
 * ETags), then the objects read a few dozen at a time (`storeConcurrency`), except those the
 * snapshot of the last read holds with the same ETag and size. The records come out in the
 * listings' order (sorted keys), whatever order the reads finish in, so the result equals one
 * read after another. A rejection record whose `edition` is another is left out.
 */
export async function readEditionRecords(
  store: Store,
  edition: string,
  skips: ReadEditionSkips,
  options: ReadEditionOptions = {},
): Promise<EditionRecordsRead> {
  const useSnapshot = options.snapshot !== false;
  const [articles, carriers, rejections, snapshot] = await Promise.all([
    store.listWithEtags(editionArticlesPrefix(edition)),
    store.listWithEtags(carriersPrefix(edition)),
    store.listWithEtags(editionRejectedPrefix(edition)),
    useSnapshot ? loadSnapshot(store, edition, skips.snapshot) : new Map<string, SnapshotEntry>(),
  ]);
  const listed: (ListedObject & { kind: RecordKind })[] = [
    ...articles.map((object) => ({ ...object, kind: 'article' as const })),
    ...carriers.map((object) => ({ ...object, kind: 'carrier' as const })),
    ...rejections.map((object) => ({ ...object, kind: 'rejection' as const })),
  ];
  const outcomes = await mapWithConcurrency(listed, storeConcurrency, async (object) => {
    const kept = snapshot.get(object.key);
    if (kept && reusable(kept, object)) return { entry: kept, reused: true };
    const outcome: RecordOutcome<unknown> | null = await readRecordOutcome(
      store,
      object,
      shapes[object.kind],
    );
    if (!outcome) return null;
    const entry: SnapshotEntry = { key: object.key, kind: object.kind, ...outcome };
    if (entry.record === undefined) delete entry.record;
    if (entry.skipped === undefined) delete entry.skipped;
    return { entry, reused: false };
  });

  const read: EditionRecords = { records: [], carriers: [], rejections: [] };
  const entries: SnapshotEntry[] = [];
  let reused = 0;
  for (const outcome of outcomes) {
    if (!outcome) continue;
    const { entry } = outcome;
    entries.push(entry);
    if (outcome.reused) reused++;
    if (entry.skipped !== undefined) {
      (entry.kind === 'article' ? skips.article : skips.other)(entry.key, entry.skipped);
      continue;
    }
    if (entry.kind === 'article') read.records.push(entry.record as ArticleRecord);
    else if (entry.kind === 'carrier') read.carriers.push(entry.record as CarrierRecord);
    else if ((entry.record as RejectionRecord).edition === edition)
      read.rejections.push(entry.record as RejectionRecord);
  }
  const changed = reused !== entries.length || reused !== snapshot.size;
  const saved =
    useSnapshot && changed
      ? saveSnapshot(store, edition, entries).catch((error: unknown) =>
          skips.snapshot(`the records snapshot was not written: ${(error as Error).message}`),
        )
      : Promise.resolve();
  return { ...read, saved };
}

/** An entry of the snapshot stands for the listed object: same kind, ETag and size, and sound. */
function reusable(entry: SnapshotEntry, object: ListedObject & { kind: RecordKind }): boolean {
  if (entry.kind !== object.kind || entry.etag !== object.etag || entry.size !== object.size)
    return false;
  if (object.etag === '') return false;
  return entry.skipped !== undefined || shapeProblem(entry.record, shapes[entry.kind]) === null;
}

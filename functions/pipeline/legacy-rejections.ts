import { isEdition } from '../model/edition';
import type { RejectionRecord } from '../model/types';
import {
  legacyRejectedPrefixes,
  legacyRejectionsIndexKey,
  legacyRejectionsKey,
} from '../store/bucket-layout';
import { mapWithConcurrency, storeConcurrency } from '../store/concurrency';
import type { Store } from '../store/store';
import { readRecordOutcome, rejectionRecordShape } from './record-reader';

/**
 * Rejection records were once filed as `rejected/<upload key>.json` (and `rejected/_long/…`),
 * all editions together, so a compile had to read them all to find its edition's. They are
 * now filed under their edition (`rejected/<edition>/…`). The records of the old layout are
 * migrated once, by the first compile that finds them: it reads them all, copies each
 * edition's to `briefs/<edition>/legacy-rejections.json` (compile may write under `briefs/`
 * only; the originals stay, for the lifecycle rule to expire), then writes the index
 * `briefs/legacy-rejections.json` naming those editions. From then on a compile reads the
 * index and, when it names the edition, that edition's copy: two small reads, whatever the
 * bucket's history. While there is no index, the old prefixes are listed (empty in a bucket
 * that never had them: nothing is written then).
 */
export async function legacyRejections(
  store: Store,
  edition: string,
  warn: (key: string, reason: string) => void,
): Promise<RejectionRecord[]> {
  const index = await readJson(store, legacyRejectionsIndexKey);
  if (isIndex(index)) {
    if (!index.editions.includes(edition)) return [];
    const copy = await readJson(store, legacyRejectionsKey(edition));
    if (isCopy(copy)) return copy.rejections;
    warn(legacyRejectionsKey(edition), 'not a copy of the edition’s rejections; they are left out');
    return [];
  }
  const byEdition = await migrate(store, warn);
  return byEdition.get(edition) ?? [];
}

interface LegacyIndex {
  format: 1;
  editions: string[];
}

interface LegacyCopy {
  format: 1;
  edition: string;
  rejections: RejectionRecord[];
}

/** Reads the old layout; when it holds records, copies them by edition and writes the index. */
async function migrate(
  store: Store,
  warn: (key: string, reason: string) => void,
): Promise<Map<string, RejectionRecord[]>> {
  const listed = await Promise.all(
    legacyRejectedPrefixes.map((prefix) => store.listWithEtags(prefix)),
  );
  const objects = listed.flat();
  const byEdition = new Map<string, RejectionRecord[]>();
  if (objects.length === 0) return byEdition;
  const outcomes = await mapWithConcurrency(objects, storeConcurrency, (object) =>
    readRecordOutcome(store, object, rejectionRecordShape),
  );
  outcomes.forEach((outcome, i) => {
    const key = objects[i]?.key ?? '';
    if (outcome?.skipped !== undefined) warn(key, outcome.skipped);
    const record = outcome?.record;
    if (!record) return;
    if (!isEdition(record.edition)) {
      warn(key, `its edition ${JSON.stringify(record.edition)} is not a day; left out`);
      return;
    }
    byEdition.set(record.edition, [...(byEdition.get(record.edition) ?? []), record]);
  });
  const editions = [...byEdition.keys()].sort();
  await mapWithConcurrency(editions, storeConcurrency, (edition) => {
    const copy: LegacyCopy = { format: 1, edition, rejections: byEdition.get(edition) ?? [] };
    return store.put(legacyRejectionsKey(edition), JSON.stringify(copy), 'application/json');
  });
  // Last, so that a migration cut short is done again in full.
  const index: LegacyIndex = { format: 1, editions };
  await store.put(legacyRejectionsIndexKey, JSON.stringify(index), 'application/json');
  return byEdition;
}

async function readJson(store: Store, key: string): Promise<unknown> {
  const bytes = await store.get(key);
  if (!bytes) return null;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

function isIndex(value: unknown): value is LegacyIndex {
  const index = value as Partial<LegacyIndex> | null | undefined;
  return (
    index?.format === 1 &&
    Array.isArray(index.editions) &&
    index.editions.every((e) => typeof e === 'string')
  );
}

function isCopy(value: unknown): value is LegacyCopy {
  const copy = value as Partial<LegacyCopy> | null | undefined;
  return (
    copy?.format === 1 &&
    Array.isArray(copy.rejections) &&
    copy.rejections.every((record) => rejectionRecordShape(record))
  );
}

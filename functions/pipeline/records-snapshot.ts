import { recordsSnapshotKey } from '../store/bucket-layout';
import type { Store } from '../store/store';

/** Bumped whenever what an entry holds changes: a snapshot of another format is not used. */
export const snapshotFormat = 1;

/** Which listing an object came from, so an entry is reused only for the same kind of record. */
export type RecordKind = 'article' | 'carrier' | 'rejection';

/**
 * One object as the last compile read it: the key, the ETag and size of the bytes read, and
 * what they were (the record, or why they were none).
 */
export interface SnapshotEntry {
  key: string;
  etag: string;
  size: number;
  kind: RecordKind;
  record?: unknown;
  skipped?: string;
}

interface RecordsSnapshot {
  format: number;
  edition: string;
  entries: SnapshotEntry[];
}

/**
 * The records an edition's last compile read (`briefs/<edition>/records-snapshot.json`), by
 * key; empty when there is none. A snapshot that cannot be used (not JSON, another format or
 * edition, an entry of the wrong shape) is ignored with a warning: the compile then reads
 * every record, as without one. An entry counts only for an object listed with the same
 * ETag and size (see read-edition.ts), so a stale snapshot costs reads, never correctness.
 */
export async function loadSnapshot(
  store: Store,
  edition: string,
  warn: (message: string) => void,
): Promise<Map<string, SnapshotEntry>> {
  const key = recordsSnapshotKey(edition);
  const bytes = await store.get(key);
  if (!bytes) return new Map();
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    warn(`${key} ignored (not valid JSON: ${(error as Error).message}); every record is read`);
    return new Map();
  }
  const problem = snapshotProblem(data, edition);
  if (problem) {
    warn(`${key} ignored (${problem}); every record is read`);
    return new Map();
  }
  return new Map((data as RecordsSnapshot).entries.map((entry) => [entry.key, entry]));
}

/** Writes the snapshot of what this compile read. */
export async function saveSnapshot(
  store: Store,
  edition: string,
  entries: SnapshotEntry[],
): Promise<void> {
  const snapshot: RecordsSnapshot = { format: snapshotFormat, edition, entries };
  await store.put(recordsSnapshotKey(edition), JSON.stringify(snapshot), 'application/json');
}

function snapshotProblem(data: unknown, edition: string): string | null {
  if (typeof data !== 'object' || data === null) return 'not an object';
  const snapshot = data as Partial<RecordsSnapshot>;
  if (snapshot.format !== snapshotFormat)
    return `format ${String(snapshot.format)}, not ${snapshotFormat}`;
  if (snapshot.edition !== edition) return `of edition ${String(snapshot.edition)}`;
  if (!Array.isArray(snapshot.entries)) return 'no entries';
  const bad = snapshot.entries.findIndex((entry) => !isEntry(entry));
  return bad < 0 ? null : `entry ${bad} is malformed`;
}

const kinds: readonly unknown[] = ['article', 'carrier', 'rejection'] satisfies RecordKind[];

function isEntry(value: unknown): value is SnapshotEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<SnapshotEntry>;
  return (
    typeof entry.key === 'string' &&
    typeof entry.etag === 'string' &&
    typeof entry.size === 'number' &&
    kinds.includes(entry.kind) &&
    (typeof entry.skipped === 'string' ||
      (typeof entry.record === 'object' && entry.record !== null))
  );
}

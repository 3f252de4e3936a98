import { randomUUID } from 'node:crypto';
import { draftStateKey, pendingKey } from '../store/bucket-layout';
import type { Store } from '../store/store';

/**
 * The draft refresh of the current edition. Ingest writes a small marker object,
 * `articles/_pending/<edition>.json`, whenever an upload changes an edition (a new article or a
 * rejection). A short schedule invokes compile with `{"schedule":"draft"}`: it reads the
 * marker and `briefs/<edition>/draft-state.json` (the marker the last draft build consumed)
 * and rebuilds only when they differ. With nothing uploaded, a tick costs two GET requests
 * and a ~100 ms invocation.
 *
 * The marker lives under `articles/` because ingest may write only there and under
 * `rejected/<edition>/` (least privilege), and compile may read `articles/*`. Both keys are in
 * `store/bucket-layout.ts`.
 */
/**
 * Records that `key` changed `edition`. The content is unique per write (time and a random
 * nonce), so compile can tell a new marker from the one it already built, without comparing
 * clocks.
 */
export async function markEditionChanged(
  store: Store,
  edition: string,
  key: string,
  at: Date,
): Promise<void> {
  const marker = { edition, key, at: at.toISOString(), nonce: randomUUID() };
  await store.put(pendingKey(edition), JSON.stringify(marker), 'application/json');
}

/**
 * The marker to build from, when articles arrived for `edition` since the last draft build
 * consumed one; null when nothing is pending. Two GETs, nothing else.
 */
export async function pendingDraft(store: Store, edition: string): Promise<string | null> {
  const marker = await store.get(pendingKey(edition));
  if (!marker) return null;
  const consumed = await store.get(draftStateKey(edition));
  const text = new TextDecoder().decode(marker);
  return consumed && new TextDecoder().decode(consumed) === text ? null : text;
}

/** Remembers that the draft was built from `marker` (written after a successful build). */
export async function draftBuilt(store: Store, edition: string, marker: string): Promise<void> {
  await store.put(draftStateKey(edition), marker, 'application/json');
}

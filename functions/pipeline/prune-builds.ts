import { readManifest } from '../store/brief-manifest';
import { editionBuildsPrefix } from '../store/bucket-layout';
import type { Store } from '../store/store';

/**
 * How old a build must be before it is removed: a run still going on the same store may be
 * copying the files of a build another run has just replaced.
 */
export const pruneAfterMs = 60 * 60 * 1000;

/**
 * Removes the builds of an edition that no manifest points at (replaced or never published,
 * docs/design.md "Publishing") once they are `pruneAfterMs` old, with the filtered briefs of
 * their lists: each run of the local command writes a build (~1.4 MB for 1,000 articles), and
 * a desk runs it many times a day. The edition's published build and the one `latest` points
 * at are kept, whatever their age. Returns the builds removed.
 */
export async function pruneBuilds(store: Store, edition: string, now: Date): Promise<string[]> {
  const [published, latest, keys] = await Promise.all([
    readManifest(store, edition),
    readManifest(store, 'latest'),
    store.list(editionBuildsPrefix(edition)),
  ]);
  // Without a manifest, nothing tells which build is the brief: none is removed.
  if (!published) return [];
  const kept = new Set([published.manifest.build, latest?.manifest.build]);
  const builds = new Map<string, string[]>();
  for (const key of keys) {
    const build = key.slice(editionBuildsPrefix(edition).length).split('/')[0] ?? '';
    if (!kept.has(build)) builds.set(build, [...(builds.get(build) ?? []), key]);
  }
  const removed: string[] = [];
  for (const [build, files] of builds) {
    const made = await store.head(files[0] as string);
    if (!made || now.getTime() - made.modified.getTime() < pruneAfterMs) continue;
    for (const key of files) await store.delete(key);
    removed.push(build);
  }
  return removed;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { compile } from '../../functions/pipeline/compile';
import { ingest } from '../../functions/pipeline/ingest';
import { pruneAfterMs, pruneBuilds } from '../../functions/pipeline/prune-builds';
import { readManifest } from '../../functions/store/brief-manifest';
import {
  editionBuildsPrefix,
  latestManifestKey,
  listBriefKey,
} from '../../functions/store/bucket-layout';
import type { FsStore } from '../../functions/store/fs-store';
import { tempFsStore, testDeps } from '../helpers/pipeline';

/**
 * The local command's clean-up of old builds (pipeline/prune-builds.ts), on builds real
 * compiles made: one per seed added, as a desk's runs through the day leave them.
 */
const edition = '2026-11-22';
const seeds = readdirSync('test/fixtures/seeds').sort();

async function addSeedAndCompile(store: FsStore, index: number): Promise<string> {
  const deps = testDeps(store);
  const key = `incoming/${seeds[index]}`;
  await store.put(key, readFileSync(join('test/fixtures/seeds', seeds[index] as string)));
  await ingest(deps, key, { receivedAt: new Date(`${edition}T0${index}:00:00Z`), edition });
  await compile(deps, edition);
  return (await readManifest(store, edition))?.manifest.build as string;
}

const buildsIn = async (store: FsStore) =>
  [...new Set((await store.list(editionBuildsPrefix(edition))).map((key) => key.split('/')[3]))]
    .filter(Boolean)
    .sort();

describe('pruneBuilds', () => {
  let store: FsStore;
  let builds: string[];

  beforeEach(async () => {
    store = tempFsStore();
    builds = [];
    for (let index = 0; index < 3; index++) builds.push(await addSeedAndCompile(store, index));
    // A list's filtered brief of an old build goes with it.
    await store.put(listBriefKey(edition, builds[0] as string, 'ministers', 'pdf'), '%PDF-1.7');
  });

  const later = () => new Date(Date.now() + pruneAfterMs + 60_000);

  it('removes the builds no manifest points at once they are an hour old, files and folders', async () => {
    expect(new Set(builds).size).toBe(3);
    expect(await pruneBuilds(store, edition, new Date())).toEqual([]);
    expect(await buildsIn(store)).toEqual([...builds].sort());

    const removed = await pruneBuilds(store, edition, later());
    expect(removed.sort()).toEqual(builds.slice(0, 2).sort());
    expect(await buildsIn(store)).toEqual([builds[2]]);
    expect(readdirSync(join(store.root, 'briefs', edition, 'builds'))).toEqual([builds[2]]);
    // The published brief is whole, and the next compile finds nothing to repair.
    expect((await compile(testDeps(store), edition)).status).toBe('unchanged');
  });

  it('keeps the build `latest` points at, even when the edition published a newer one', async () => {
    const latest = await store.get(latestManifestKey);
    const older = JSON.parse(Buffer.from(latest ?? []).toString('utf8'));
    await store.put(latestManifestKey, JSON.stringify({ ...older, build: builds[1] }));
    expect((await pruneBuilds(store, edition, later())).sort()).toEqual([builds[0]]);
    expect(await buildsIn(store)).toEqual([builds[1], builds[2]].sort());
  });

  it('removes nothing from an edition without a manifest', async () => {
    expect(await pruneBuilds(store, '2026-11-23', later())).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { StoreError } from '../../functions/model/errors';
import { compile } from '../../functions/pipeline/compile';
import { ingest } from '../../functions/pipeline/ingest';
import type { PipelineDeps } from '../../functions/pipeline/pipeline-deps';
import { latestShouldMove, supersedes } from '../../functions/pipeline/publish';
import type { BriefManifest } from '../../functions/store/brief-manifest';
import { readManifest } from '../../functions/store/brief-manifest';
import { latestKeys } from '../../functions/store/bucket-layout';
import { syntheticArticles } from '../bench/synthetic-articles';
import { FaultyStore } from '../helpers/faulty-store';
import { tempFsStore, testDeps } from '../helpers/pipeline';
import { articleKeysOnce, expectOneBuild } from '../helpers/published';

/**
 * Publishing under races and failures (issue 12, items 1 and 2), over the folder store: the
 * same code paths as on S3, with the steps of two compiles ordered on purpose and single
 * writes failed on purpose (test/helpers/faulty-store.ts). The S3 runs with real concurrency
 * are test/reliability/load.test.ts (s3rver) and load.rgw.test.ts (radosgw).
 */
const edition = '2026-11-22';
const articles = syntheticArticles(30, edition);

function setUp(): { store: FaultyStore; deps: PipelineDeps } {
  const store = new FaultyStore(tempFsStore());
  return { store, deps: testDeps(store, new Date(`${edition}T18:00:00Z`)) };
}

async function upload(deps: PipelineDeps, from: number, to: number, day = edition) {
  for (const article of articles.slice(from, to)) {
    const key = `incoming/${day}/${article.name}`;
    await deps.store.put(key, article.body);
    await ingest(deps, key, { receivedAt: new Date(`${day}T12:00:00Z`) });
  }
}

describe('publishing a brief', () => {
  it('never lets a compile that read fewer records replace a newer build, whenever it finishes', async () => {
    const { store, deps } = setUp();
    await upload(deps, 0, 8);
    // Compile A reads 8 records, then stalls before writing its build.
    const stalled = store.hold('put', /\/builds\//);
    const slow = compile(deps, edition);
    await stalled.reached;
    await upload(deps, 8, 20);
    const fast = await compile(deps, edition);
    expect(fast).toMatchObject({ status: 'built' });
    expect(fast.model.articles).toHaveLength(20);
    stalled.release();
    const late = await slow;
    expect(late.status).toBe('superseded');
    // What A reports is the published brief, not its own stale one.
    expect(late.model.inputsHash).toBe(fast.model.inputsHash);
    const { model, manifest } = await expectOneBuild(store, edition);
    expect(articleKeysOnce(model)).toHaveLength(20);
    expect(manifest).toMatchObject({ articles: 20, generation: 1 });
    expect(await compile(deps, edition)).toMatchObject({ status: 'unchanged', keys: [] });
  });

  it('publishes one build when two compiles of the same inputs race', async () => {
    const { store, deps } = setUp();
    await upload(deps, 0, 6);
    const outcomes = await Promise.all([compile(deps, edition), compile(deps, edition)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['built', 'superseded']);
    const { manifest } = await expectOneBuild(store, edition);
    expect(manifest.generation).toBe(1);
  });

  it.each([
    ['a file of the build', 'put', /\/builds\/.*\.html$/],
    ["the edition's manifest", 'putIfMatch', /^briefs\/2026-11-22\/manifest\.json$/],
    ['the latest manifest', 'putIfMatch', /^briefs\/latest-manifest\.json$/],
    ["a copy of the edition's brief", 'put', /^briefs\/2026-11-22\/brief\.html$/],
    ['a copy of latest', 'put', /^briefs\/latest\.pdf$/],
  ] as const)(
    'repairs a publish whose write of %s failed at the next compile, never calling it unchanged',
    async (_what, operation, key) => {
      const { store, deps } = setUp();
      await upload(deps, 0, 4);
      expect((await compile(deps, edition)).status).toBe('built');
      await upload(deps, 4, 7);
      store.fail(operation, key);
      await expect(compile(deps, edition)).rejects.toThrow(StoreError);
      expect(store.injected).toBe(1);
      const retry = await compile(deps, edition);
      expect(['built', 'repaired']).toContain(retry.status);
      expect(retry.keys.length).toBeGreaterThan(0);
      const { model } = await expectOneBuild(store, edition);
      expect(articleKeysOnce(model)).toHaveLength(7);
      expect(await compile(deps, edition)).toMatchObject({ status: 'unchanged', keys: [] });
    },
  );

  it('rewrites a copy that no longer matches the published build', async () => {
    const { store, deps } = setUp();
    await upload(deps, 0, 3);
    await compile(deps, edition);
    await store.put(latestKeys.html, '<html>planted</html>');
    const outcome = await compile(deps, edition);
    expect(outcome).toMatchObject({ status: 'repaired', keys: [latestKeys.html] });
    await expectOneBuild(store, edition);
  });

  it('never moves latest back to an older edition, nor to an earlier build of the same one', async () => {
    const { store, deps } = setUp();
    const yesterday = '2026-11-21';
    await upload(deps, 0, 3, yesterday);
    await upload(deps, 3, 6);
    expect((await compile(deps, edition)).status).toBe('built');
    // The daily compile of yesterday finishes after today's draft.
    expect((await compile(deps, yesterday)).status).toBe('built');
    expect((await readManifest(store, 'latest'))?.manifest.edition).toBe(edition);
    await expectOneBuild(store, edition);
    await expectOneBuild(store, yesterday);
  });

  it('decides by records read, then by generation', () => {
    const current = { build: 'b1', inputs: 26, inputsHash: 'h1', generation: 3 } as BriefManifest;
    expect(supersedes({ build: 'b2', inputs: 101, inputsHash: 'h2' }, current, false)).toBe(true);
    expect(supersedes({ build: 'b2', inputs: 25, inputsHash: 'h2' }, current, true)).toBe(false);
    expect(supersedes({ build: 'b2', inputs: 26, inputsHash: 'h1' }, current, false)).toBe(false);
    expect(supersedes({ build: 'b2', inputs: 26, inputsHash: 'h1' }, current, true)).toBe(true);
    expect(supersedes({ build: 'b2', inputs: 26, inputsHash: 'h2' }, current, false)).toBe(true);
    expect(supersedes({ build: 'b1', inputs: 26, inputsHash: 'h1' }, current, true)).toBe(false);
    const today = { edition: '2026-11-22', build: 'b1', generation: 3 } as BriefManifest;
    expect(latestShouldMove(today, null)).toBe(true);
    expect(latestShouldMove(today, { ...today, edition: '2026-11-23' })).toBe(false);
    expect(latestShouldMove(today, { ...today, edition: '2026-11-21' })).toBe(true);
    expect(latestShouldMove(today, { ...today, build: 'b0', generation: 2 })).toBe(true);
    expect(latestShouldMove(today, { ...today, build: 'b4', generation: 4 })).toBe(false);
  });
});

import { expect } from 'vitest';
import type { makeIngestHandler } from '../../functions/handlers/ingest';
import { editionOf } from '../../functions/model/edition';
import { type CompileOutcome, compile } from '../../functions/pipeline/compile';
import { readManifest } from '../../functions/store/brief-manifest';
import type { S3Store } from '../../functions/store/s3-store';
import { syntheticArticles } from '../bench/synthetic-articles';
import { FaultyStore } from '../helpers/faulty-store';
import { testDeps } from '../helpers/pipeline';
import { articleKeysOnce, expectOneBuild } from '../helpers/published';

/** What a load run measured, for the README's "What happens when things go wrong". */
export interface LoadReport {
  puts: number;
  compiles: Record<string, number>;
  injectedFailures: number;
  /** Seconds from the last PUT until the final tick had published the complete brief. */
  settleSeconds: number;
  /** Times the latest manifest was seen going back (older edition, generation or fewer records). */
  latestWentBack: number;
  articles: number;
  beforeFinalTick: { articles: number; consistent: boolean };
}

export interface LoadTarget {
  store: S3Store;
  /** Resolves when ingest has handled the notifications of `puts` PUTs. */
  idle: (puts: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 12's load, against a real S3-compatible server whose notifications run ingest:
 * 100 distinct articles, 10 re-uploads of their texts under other names and 5 overwrites of
 * one key (115 PUTs, 16 at a time), while two draft "ticks" compile the edition over and over
 * (racing each other) and one write of a publish fails (`briefs/latest.html`, injected). Then
 * the next tick. Asserts that `latest` is one consistent build with every article once: the
 * 100 uploads and the overwritten key's last text.
 */
export async function runLoad(target: LoadTarget): Promise<LoadReport> {
  const edition = editionOf(new Date(), 'UTC');
  const pool: { body: string; title: string }[] = [];
  for (const article of syntheticArticles(130, edition, 42)) {
    if (pool.some((p) => p.body === article.body)) continue;
    pool.push({ body: article.body, title: (JSON.parse(article.body) as { title: string }).title });
  }
  const distinct = pool.slice(0, 100);
  const overwrites = pool.slice(100, 105).map((article, i) => {
    const parsed = JSON.parse(article.body) as Record<string, unknown>;
    const title = `Overwrite version ${i + 1}: ${parsed.title as string}`;
    return { body: JSON.stringify({ ...parsed, title }), title };
  });
  const puts: { key: string; body: string }[] = [
    ...distinct.map((article, i) => ({
      key: `incoming/load/${String(i).padStart(3, '0')}.json`,
      body: article.body,
    })),
    ...distinct
      .slice(0, 10)
      .map((article, i) => ({ key: `incoming/load/again/copy-${i}.json`, body: article.body })),
  ];
  // Spread the overwrites through the load, in order (each one's PUT after the previous one's).
  const overwriteKey = 'incoming/load/overwritten.json';

  const faulty = new FaultyStore(target.store);
  faulty.fail('put', /^briefs\/latest\.html$/, 1);
  const deps = testDeps(faulty);
  const compiles: Record<string, number> = {};
  const tick = async () => {
    try {
      const outcome: CompileOutcome = await compile(deps, edition);
      compiles[outcome.status] = (compiles[outcome.status] ?? 0) + 1;
    } catch {
      compiles.failed = (compiles.failed ?? 0) + 1;
    }
  };

  let loading = true;
  let latestWentBack = 0;
  const watcher = (async () => {
    let last: { edition: string; generation: number; inputs: number } | null = null;
    while (loading) {
      const latest = (await readManifest(target.store, 'latest').catch(() => null))?.manifest;
      if (latest && last) {
        const back =
          latest.edition < last.edition ||
          (latest.edition === last.edition &&
            (latest.generation < last.generation || latest.inputs < last.inputs));
        if (back) latestWentBack++;
      }
      if (latest)
        last = { edition: latest.edition, generation: latest.generation, inputs: latest.inputs };
      await sleep(100);
    }
  })();
  const tickers = [0, 1].map(async (n) => {
    await sleep(300 + n * 150);
    while (loading) {
      await tick();
      await sleep(150 + Math.floor(Math.random() * 250));
    }
  });

  // The overwrites go one after another, each PUT after the previous one's answer, spread
  // through the load (one after every 22nd upload): two overwrites of one key in flight at
  // once would leave the key holding either, and the expected text would be a guess.
  let next = 0;
  let overwritten = 0;
  let overwriting = Promise.resolve();
  const overwrite = () => {
    const body = overwrites[overwritten++]?.body as string;
    overwriting = overwriting.then(() => target.store.put(overwriteKey, body, 'application/json'));
    return overwriting;
  };
  const worker = async () => {
    while (next < puts.length) {
      const index = next++;
      const put = puts[index] as { key: string; body: string };
      await target.store.put(put.key, put.body, 'application/json');
      if ((index + 1) % 22 === 0 && overwritten < overwrites.length) await overwrite();
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  while (overwritten < overwrites.length) await overwrite();
  await overwriting;
  const lastPut = Date.now();
  await target.idle(puts.length + overwrites.length);
  loading = false;
  await Promise.all([...tickers, watcher]);

  const early = (await readManifest(target.store, edition))?.manifest;
  let consistentBefore = true;
  try {
    await expectOneBuild(target.store, edition);
  } catch {
    consistentBefore = false;
  }
  // The next tick (the draft schedule's, or Lambda's retry of the failed one).
  await tick();
  const settleSeconds = (Date.now() - lastPut) / 1000;

  const { model } = await expectOneBuild(target.store, edition);
  const keys = articleKeysOnce(model);
  expect(keys.sort()).toEqual([...puts.slice(0, 100).map((p) => p.key), overwriteKey].sort());
  const last = model.articles.find((article) => article.key === overwriteKey);
  const held = JSON.parse(
    new TextDecoder().decode((await target.store.get(overwriteKey)) ?? new Uint8Array()),
  ) as { title: string };
  expect(held.title).toBe(overwrites.at(-1)?.title);
  expect(last?.title).toBe(held.title);
  expect(faulty.injected).toBe(1);
  return {
    puts: puts.length + overwrites.length,
    compiles,
    injectedFailures: faulty.injected,
    settleSeconds,
    latestWentBack,
    articles: keys.length,
    beforeFinalTick: { articles: early?.articles ?? 0, consistent: consistentBefore },
  };
}

export type IngestHandler = ReturnType<typeof makeIngestHandler>;

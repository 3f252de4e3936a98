import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../functions/article/read-document';
import { collectInputs } from '../../functions/handlers/collect-inputs';
import { ingestInputs, runSequencer } from '../../functions/handlers/ingest-inputs';
import type { ArticleRecord } from '../../functions/model/types';
import { readArticle, readInThread } from '../../functions/pipeline/read-article';
import { makeArticlePool } from '../../functions/setup/article-pool';
import { tempDir, tempFsStore, testDeps } from '../helpers/pipeline';

const root = process.cwd();
const upload = (key: string) => ({
  key,
  edition: '2026-11-22',
  receivedAt: new Date('2026-11-22T08:00:00Z'),
});
const settings = { minWords: 30 };

/** The record, or the rejection's reason and whether it was an error of ours. */
async function outcomeOf(read: () => Promise<ArticleRecord>) {
  try {
    return { record: await read() };
  } catch (error) {
    return { rejected: (error as Error).message, name: (error as Error).constructor.name };
  }
}

const fixtures = ['seeds', 'formats', 'bad'].flatMap((folder) =>
  readdirSync(join(root, 'test/fixtures', folder))
    .filter((name) => !name.endsWith('.ts'))
    .map((name) => ({ name, path: join(root, 'test/fixtures', folder, name) })),
);

describe('the article pool (worker threads reading uploads)', () => {
  const reference = testDeps(tempFsStore()).reference;
  // As the CLI starts it: the reference built here, copied into the workers.
  const pool = makeArticlePool({ root, size: 2, ...settings, reference });
  afterAll(() => pool.close());

  it('reads the seeds and the formats fixtures exactly as this thread does, rejections included', async () => {
    expect(fixtures.length).toBeGreaterThan(20);
    const inPool = await Promise.all(
      fixtures.map(({ name, path }) =>
        outcomeOf(() => pool.read(readFileSync(path), upload(`incoming/${name}`))),
      ),
    );
    for (const [index, { name, path }] of fixtures.entries()) {
      const here = await outcomeOf(() =>
        readArticle(
          readFileSync(path),
          upload(`incoming/${name}`),
          reference,
          settings,
          readDocument,
        ),
      );
      expect(inPool[index], name).toEqual(here);
    }
    expect(inPool.filter((outcome) => outcome.record).length).toBeGreaterThan(10);
    expect(inPool.filter((outcome) => outcome.rejected).length).toBeGreaterThan(3);
  }, 120_000);
});

describe('a run through the pool', () => {
  it('rejects the one upload whose worker died, with the error, and ingests the others', async () => {
    const folder = tempDir('brief-inputs-');
    const seeds = join(root, 'test/fixtures/seeds');
    const names = readdirSync(seeds);
    for (const name of names) writeFileSync(join(folder, name), readFileSync(join(seeds, name)));
    // Real articles, so the failures are the worker's, not the files'.
    writeFileSync(join(folder, 'a-crash.txt'), readFileSync(join(seeds, names[0] as string)));
    writeFileSync(join(folder, 'b-exit.txt'), readFileSync(join(seeds, names[1] as string)));
    const pool = makeArticlePool({
      root,
      size: 2,
      ...settings,
      workerFile: join(root, 'test/helpers/failing-article-worker.ts'),
    });
    const deps = testDeps(tempFsStore());
    const inputs = await collectInputs([folder], root);
    const receivedAt = new Date('2026-11-22T08:00:00Z');
    const filing = { edition: '2026-11-22', receivedAt, sequencer: runSequencer(receivedAt) };
    const outcomes = await ingestInputs(deps, inputs, filing, { read: pool.read, inFlight: 4 });
    await pool.close();

    expect(outcomes.map((outcome) => outcome.key)).toEqual(inputs.map((input) => input.key));
    const byKey = (key: string) => outcomes.find((outcome) => outcome.key === key);
    expect(byKey('incoming/a-crash.txt')).toMatchObject({
      status: 'rejected',
      key: 'incoming/a-crash.txt',
      internal: true,
      reason: expect.stringMatching(
        /^incoming\/a-crash\.txt: the file could not be read \(Error: injected failure reading incoming\/a-crash\.txt\)/,
      ),
    });
    expect(byKey('incoming/b-exit.txt')).toMatchObject({
      status: 'rejected',
      key: 'incoming/b-exit.txt',
      internal: true,
      reason: expect.stringContaining('exit code 3'),
    });
    expect(names.map((name) => byKey(`incoming/${name}`)?.status)).toEqual(
      names.map(() => 'ingested'),
    );
  }, 120_000);

  it('gives the outcomes and records of a run in this thread, duplicates in input order', async () => {
    const folder = tempDir('brief-inputs-');
    const seeds = join(root, 'test/fixtures/seeds');
    for (const name of readdirSync(seeds)) {
      const text = readFileSync(join(seeds, name));
      // Each text three times: the first input claims it, the others are its duplicates.
      for (const copy of ['a', 'b', 'c']) writeFileSync(join(folder, `${copy}-${name}`), text);
    }
    writeFileSync(join(folder, 'photo.jpg'), 'not an article');
    const inputs = await collectInputs([folder], root);
    const receivedAt = new Date('2026-11-22T08:00:00Z');
    const filing = { edition: '2026-11-22', receivedAt, sequencer: runSequencer(receivedAt) };

    const sequentialStore = tempFsStore();
    const sequential = await ingestInputs(testDeps(sequentialStore), inputs, filing);
    const pooledStore = tempFsStore();
    const deps = testDeps(pooledStore);
    // One worker, and this thread reading too while it is busy, as the CLI runs on two cores.
    const pool = makeArticlePool({
      root,
      size: 1,
      ...settings,
      // As the CLI does: the reference built here, copied into the worker.
      reference: deps.reference,
      inThread: readInThread(deps),
    });
    const pooled = await ingestInputs(deps, inputs, filing, {
      read: pool.read,
      inFlight: 8,
    });
    await pool.close();

    expect(pooled).toEqual(sequential);
    expect(sequential.filter((outcome) => outcome.status === 'duplicate')).toHaveLength(10);
    expect(await snapshot(pooledStore.root)).toEqual(await snapshot(sequentialStore.root));
  }, 120_000);
});

/** Every file of a store folder, by path, with its text. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[path.slice(dir.length)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

describe('the process of a run', () => {
  it('exits once the reads are done, the pool closed or not', () => {
    const script = join(tempDir('brief-pool-'), 'run.ts');
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
import { makeArticlePool } from ${JSON.stringify(join(root, 'functions/setup/article-pool'))};
const pool = makeArticlePool({ root: ${JSON.stringify(root)}, size: 2, minWords: 30 });
const bytes = readFileSync(${JSON.stringify(join(root, 'test/fixtures/seeds/000_4c66cd66b4ac9d7a.txt'))});
pool.read(bytes, { key: 'incoming/a.txt', edition: '2026-11-22', receivedAt: new Date() }).then(async (record) => {
  console.log(record.title);
  if (process.argv[2] === 'close') await pool.close();
});
`,
    );
    for (const how of ['close', 'leave']) {
      const run = spawnSync(join(root, 'node_modules/.bin/tsx'), [script, how], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.error, how).toBeUndefined();
      expect(run.status, `${how}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toContain('UK recognizes need for cooperation');
    }
  }, 120_000);
});

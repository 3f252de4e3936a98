import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../functions/model/errors';
import type { BriefModel } from '../../functions/model/types';
import { compile } from '../../functions/pipeline/compile';
import { ingest } from '../../functions/pipeline/ingest';
import { startCompileThread } from '../../functions/setup/compile-thread';
import { configFromEnv, type RuntimeConfig } from '../../functions/setup/config';
import { makeDeps } from '../../functions/setup/make-deps';
import { publishedBriefKeys } from '../../functions/store/brief-manifest';
import { FsStore } from '../../functions/store/fs-store';
import { pdfToText } from '../helpers/pdf';
import { tempDir, testDeps } from '../helpers/pipeline';

const edition = '2026-11-22';
const root = process.cwd();
const seeds = join(root, 'test', 'fixtures', 'seeds');

/** A folder store holding the seeds (or the first `count`), uploaded and ingested into `edition`. */
async function storeWithSeeds(
  dir = tempDir('compile-thread-'),
  names = readdirSync(seeds),
): Promise<string> {
  const store = new FsStore(dir);
  const deps = testDeps(store);
  for (const name of names) {
    await store.put(`incoming/${name}`, readFileSync(join(seeds, name)));
    await ingest(deps, `incoming/${name}`, { edition });
  }
  return dir;
}

/** The model without the time it was built. */
const built = (model: BriefModel) => ({ ...model, generatedAt: '' });

const compileHere = async (config: RuntimeConfig, dir: string) =>
  compile(makeDeps(config, new FsStore(dir)), edition, { force: true });

describe('compiling in a thread of its own (the CLI after many inputs)', () => {
  it('builds and publishes the brief a compile in this thread builds', async () => {
    const dir = await storeWithSeeds();
    const config = configFromEnv({ BRIEF_ROOT: root });
    const there = await startCompileThread(config, dir).compile(edition, { force: true });
    expect(there.status).toBe('built');
    expect(there.model.articles).toHaveLength(readdirSync(seeds).length);

    const store = new FsStore(dir);
    const keys = await publishedBriefKeys(store, edition);
    const pdf = keys && (await store.get(keys.keys.pdf));
    expect(pdfToText(pdf ?? new Uint8Array())).toContain(there.model.articles[0]?.title);

    const here = await compileHere(config, dir);
    expect(built(there.model)).toEqual(built(here.model));
  }, 120_000);

  it('fails with our error and the message this thread gives when the brief cannot be built', async () => {
    const dir = await storeWithSeeds();
    const missing = join(tempDir('templates-'), 'missing');
    const config = configFromEnv({ BRIEF_ROOT: root, BRIEF_TEMPLATES_DIR: missing });
    const here = await compileHere(config, dir).catch((error: Error) => error);
    const there = await startCompileThread(config, dir)
      .compile(edition)
      .catch((error: Error) => error);
    expect(here).toBeInstanceOf(ConfigError);
    expect(there).toBeInstanceOf(ConfigError);
    expect((there as Error).message).toBe((here as Error).message);
    expect((there as Error).message).toContain(missing);
  }, 120_000);

  it('started before the records are written, compiles what the store holds when asked', async () => {
    const dir = tempDir('compile-thread-');
    const names = readdirSync(seeds);
    await storeWithSeeds(dir, names.slice(0, 2));
    const config = configFromEnv({ BRIEF_ROOT: root });
    const thread = startCompileThread(config, dir);
    // Written while the thread sets up, as the CLI's ingest does.
    await storeWithSeeds(dir, names.slice(2));
    const there = await thread.compile(edition, { force: true });
    expect(there.model.articles).toHaveLength(names.length);
    expect(built(there.model)).toEqual(built((await compileHere(config, dir)).model));
  }, 120_000);

  it('when never asked, stops on close', async () => {
    const thread = startCompileThread(configFromEnv({ BRIEF_ROOT: root }), await storeWithSeeds());
    await thread.close();
    await expect(thread.compile(edition)).rejects.toThrow(/compile thread stopped/);
  }, 120_000);
});

import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefModel } from '../../functions/model/types';
import { pdfToText } from '../helpers/pdf';
import { tempDir } from '../helpers/pipeline';

const run = promisify(execFile);
/** What `npm run brief` runs: the bundle of the sources infra/run-cli.cjs keeps up to date. */
const npmRunBrief = [process.execPath, join(process.cwd(), 'infra', 'run-cli.cjs')];
/** The same command from its TypeScript sources. */
const fromSource = [
  join(process.cwd(), 'node_modules', '.bin', 'tsx'),
  join(process.cwd(), 'functions', 'handlers', 'cli.ts'),
];

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a user would (a separate process, not a TTY), as `npm run brief` unless told. */
async function brief(
  args: string[],
  cwd = process.cwd(),
  env: Record<string, string> = {},
  [command, ...before] = npmRunBrief,
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(command as string, [...before, ...args], {
      cwd,
      env: { ...process.env, INIT_CWD: cwd, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const seedTitles = [
  'UK recognizes need for cooperation with Russia, China on Afghanistan — diplomatic sources',
  'Afghanistan crisis: US reaches out to Russia, China amid worries of them backing Taliban rule',
  'China And Russia Court Taliban As Western Powers Scramble To Flee Afghanistan',
  'Russia and China advocate a pragmatic rapprochement with the Taliban',
  'Russia, Central Asian states call for intra-Afghan talks — statement',
];

describe('npm run brief on the seeds', () => {
  let work: string;
  let result: CliResult;
  let model: BriefModel;

  beforeAll(async () => {
    work = tempDir('brief-cli-');
    result = await brief([
      'test/fixtures/seeds',
      '--out',
      join(work, 'out'),
      '--store',
      join(work, 'store'),
      '--edition',
      '2026-11-22',
    ]);
    model = JSON.parse(readFileSync(join(work, 'out', 'brief.json'), 'utf8')) as BriefModel;
  });

  it('exits 0 and prints where the three files are', () => {
    expect(result.code).toBe(0);
    for (const name of ['brief.html', 'brief.pdf', 'brief.json']) {
      expect(result.stdout).toContain(join(work, 'out', name));
    }
    expect(result.stdout).toContain('Brief for 2026-11-22: 5 articles');
  });

  it('shows progress as plain lines when not on a terminal', () => {
    expect(result.stderr).toContain('[5/5] 004_988fb0e90b57e848.txt');
  });

  it('writes brief.json with the contract fields of docs/design.md', () => {
    expect(model.edition).toBe('2026-11-22');
    expect(Date.parse(model.generatedAt)).not.toBeNaN();
    expect(model.articles.map((article) => article.title)).toEqual(seedTitles);
    expect(model.articles.map((article) => article.source)).toEqual([
      'TASS',
      null,
      'Forbes',
      null,
      'TASS',
    ]);
    expect(model.articles.map((article) => article.published)).toEqual([
      '2026-08-30',
      '2021-08-17',
      '2021-08-16',
      '2021-09-17',
      '2021-07-16',
    ]);
    expect(model.highlights.length).toBeGreaterThanOrEqual(3);
    expect(model.highlights.length).toBeLessThanOrEqual(7);
    expect(model.byActor.map((section) => section.id)).toEqual(
      expect.arrayContaining(['RUS', 'CHN', 'USA', 'GBR', 'AFG', 'TALIBAN']),
    );
    expect(model.byTheme.map((section) => section.id)).toEqual(
      expect.arrayContaining(['diplomacy', 'security']),
    );
    expect(model.rejected).toEqual([]);
  });

  it('cites an existing article for every item, and prints no text twice', () => {
    const ids = new Set(model.articles.map((article) => article.id));
    const items = [
      ...model.highlights,
      ...model.byActor.flatMap((section) => section.items),
      ...model.byTheme.flatMap((section) => section.items),
    ];
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) {
      expect(item.sources.length).toBeGreaterThan(0);
      for (const source of item.sources) expect(ids).toContain(source);
    }
    const texts = items.map((item) => item.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('quotes only sentences that occur in the articles', async () => {
    const store = join(work, 'store', 'articles', '2026-11-22');
    const bodies = model.articles
      .map(
        (article) =>
          JSON.parse(readFileSync(join(store, `${article.id}.json`), 'utf8')).text as string,
      )
      .join('\n');
    const flat = bodies.replace(/\s+/g, ' ');
    for (const item of model.byActor.flatMap((section) => section.items)) {
      // Items are at most lightly trimmed: a leading conjunction or a closing full stop.
      const core = item.text.replace(/\.$/, '').slice(1, 80);
      expect(flat).toContain(core);
    }
  });

  it('writes a PDF whose text holds every title, the section and actor headings', () => {
    const text = pdfToText(readFileSync(join(work, 'out', 'brief.pdf'))).replace(/\s+/g, ' ');
    for (const title of seedTitles) expect(text).toContain(title.replace(/\s+/g, ' ').slice(0, 40));
    for (const heading of [
      'Key developments',
      'By actor',
      'By theme',
      'Sources',
      '22 November 2026',
    ]) {
      expect(text).toContain(heading);
    }
    for (const actor of [
      'Russia',
      'China',
      'United States',
      'United Kingdom',
      'Afghanistan',
      'Taliban',
    ]) {
      expect(text).toContain(actor);
    }
  });

  it('writes a self-contained HTML file with the titles escaped in place', () => {
    const html = readFileSync(join(work, 'out', 'brief.html'), 'utf8');
    expect(html).toContain(
      'China And Russia Court Taliban As Western Powers Scramble To Flee Afghanistan',
    );
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
  });
});

describe('npm run brief with bad inputs', () => {
  it('prints one line per rejected input and still builds from the good ones', async () => {
    const work = tempDir('brief-cli-bad-');
    const inputs = join(work, 'in');
    mkdirSync(join(inputs, 'nested'), { recursive: true });
    copyFileSync(
      'test/fixtures/seeds/003_706deee163263184.txt',
      join(inputs, 'nested', 'good.txt'),
    );
    writeFileSync(join(inputs, 'empty.txt'), '');
    writeFileSync(join(inputs, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    writeFileSync(
      join(inputs, 'hostile.html'),
      '<html><body><script>alert(1)</script></body></html>',
    );

    const result = await brief(
      [inputs, '--out', join(work, 'out'), '--store', join(work, 'store')],
      work,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^rejected incoming\/empty\.txt: .*empty/m);
    expect(result.stdout).toMatch(/^rejected incoming\/photo\.jpg: .*not supported/m);
    expect(result.stdout).toMatch(/^rejected incoming\/hostile\.html: .*no article text/m);
    const model = JSON.parse(readFileSync(join(work, 'out', 'brief.json'), 'utf8')) as BriefModel;
    expect(model.articles.map((article) => article.key)).toEqual(['incoming/nested/good.txt']);
    expect(model.rejected.map((rejection) => rejection.key)).toEqual([
      'incoming/empty.txt',
      'incoming/hostile.html',
      'incoming/photo.jpg',
    ]);
    expect(readFileSync(join(inputs, 'photo.jpg'))).toEqual(
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
    );
  });

  it('exits non-zero when nothing could be built', async () => {
    const work = tempDir('brief-cli-none-');
    writeFileSync(join(work, 'empty.txt'), '');
    const result = await brief(['empty.txt', '--out', 'out', '--store', 'store'], work);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('rejected incoming/empty.txt');
    expect(result.stderr).toContain('none of the 1 inputs could be used');
  });

  it('names a missing input and exits non-zero', async () => {
    const result = await brief(['no/such/folder']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no/such/folder: no such file or folder');
  });
});

describe('npm run brief again on the same store', () => {
  /** The seeds in a folder of their own, a store and an output folder, and how to run on them. */
  const setUp = (name: string) => {
    const work = tempDir(`brief-cli-${name}-`);
    const inputs = join(work, 'in');
    mkdirSync(inputs);
    for (const file of readdirSync('test/fixtures/seeds'))
      copyFileSync(join('test/fixtures/seeds', file), join(inputs, file));
    const runOn = async (store: string, ...more: string[]) => {
      const out = join(work, `out-${Math.random().toString(36).slice(2)}`);
      const result = await brief([inputs, '--out', out, '--store', join(work, store), ...more]);
      expect(result.code, result.stderr).toBe(0);
      const model = JSON.parse(readFileSync(join(out, 'brief.json'), 'utf8')) as BriefModel;
      return { ...result, model: { ...model, generatedAt: '' } };
    };
    const storeFiles = (under: string) =>
      readdirSync(join(work, 'store', under), { recursive: true })
        .map(String)
        .sort();
    return { work, inputs, runOn, storeFiles };
  };

  it('reads none of the files again when they have not changed, and writes no record', async () => {
    const { runOn, storeFiles } = setUp('again');
    const first = await runOn('store');
    expect(first.stdout).toMatch(/^Brief for .*: 5 articles \(5 new\), 0 rejected\.$/m);
    const [articles, incoming] = [storeFiles('articles'), storeFiles('incoming')];
    const again = await runOn('store');
    expect(again.stdout).toMatch(
      /^Brief for .*: 5 articles \(0 new, 5 unchanged since an earlier run\), 0 rejected\.$/m,
    );
    expect(again.stdout).not.toMatch(/^\[\d\/5\] /m);
    expect(storeFiles('articles')).toEqual(articles);
    expect(storeFiles('incoming')).toEqual(incoming);
    expect(again.model).toEqual(first.model);
  }, 120_000);

  it('reads every file again once the actor file changed: it is what a fresh store gives', async () => {
    const { work, runOn } = setUp('actors');
    const actors = join(work, 'my-actors.yaml');
    writeFileSync(actors, 'organisations:\n  TASS: { name: TASS news agency, aliases: [TASS] }\n');
    const before = await runOn('store', '--edition', '2026-11-22');
    expect(before.model.articles.flatMap((article) => article.actors)).not.toContain('TASS');
    const after = await runOn('store', '--edition', '2026-11-22', '--actors', actors);
    expect(after.stdout).toMatch(
      /\(0 new, 5 read again: the program, its data or your files changed\)/,
    );
    const fresh = await runOn('fresh-store', '--edition', '2026-11-22', '--actors', actors);
    expect(after.model.articles.flatMap((article) => article.actors)).toContain('TASS');
    expect(after.model).toEqual(fresh.model);
    const once = await runOn('store', '--edition', '2026-11-22', '--actors', actors);
    expect(once.stdout).toMatch(/\(0 new, 5 unchanged since an earlier run\)/);
  }, 120_000);

  it('reads an edited file again, and only that one: the brief holds its new text', async () => {
    const { inputs, runOn } = setUp('edited');
    const first = await runOn('store', '--edition', '2026-11-22');
    const edited = join(inputs, '003_706deee163263184.txt');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n\nThe talks resume next week.\n`);
    const again = await runOn('store', '--edition', '2026-11-22');
    expect(again.stdout).toMatch(/\(1 new, 4 unchanged since an earlier run\)/);
    const idsByKey = (model: BriefModel) =>
      Object.fromEntries(model.articles.map((article) => [article.key, article.id]));
    const [before, after] = [idsByKey(first.model), idsByKey(again.model)];
    const changed = Object.keys(after).filter((key) => after[key] !== before[key]);
    expect(changed).toEqual(['incoming/003_706deee163263184.txt']);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  }, 120_000);
});

describe('npm run brief on many inputs (a worker pool, then a compile thread)', () => {
  const fixtures = ['seeds', 'formats', 'bad'].map((folder) => join('test', 'fixtures', folder));
  /** What a run says about the inputs and the brief, without its progress lines. */
  const outcomeLines = (stdout: string) =>
    stdout
      .split('\n')
      .filter((line) => /^(?:rejected|duplicate|not included|Brief for) /.test(line));
  const briefOf = (out: string) => {
    const model = JSON.parse(readFileSync(join(out, 'brief.json'), 'utf8')) as BriefModel;
    return { ...model, generatedAt: '' };
  };

  it('prints and builds what reading the files one after another in one thread, from the sources, gives', async () => {
    const work = tempDir('brief-cli-many-');
    const runWith = (name: string, workers: string, command = npmRunBrief) =>
      brief(
        [...fixtures, '--out', join(work, name), '--store', join(work, `${name}-store`)],
        process.cwd(),
        { BRIEF_INGEST_WORKERS: workers, BRIEF_CLI_TIMINGS: '1' },
        command,
      ).then((result) => ({ ...result, out: join(work, name) }));
    const [pooled, single] = await Promise.all([
      runWith('pooled', '1'),
      runWith('single', '0', fromSource),
    ]);
    expect(pooled.code, pooled.stderr).toBe(0);
    expect(single.code, single.stderr).toBe(0);
    const lines = outcomeLines(pooled.stdout);
    expect(lines.filter((line) => line.startsWith('rejected')).length).toBeGreaterThan(3);
    expect(lines).toEqual(outcomeLines(single.stdout));
    expect(briefOf(pooled.out)).toEqual(briefOf(single.out));
    expect(briefOf(pooled.out).articles.length).toBeGreaterThan(10);
    expect(readFileSync(join(pooled.out, 'brief.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 240_000);
});

describe('the bundle npm run brief runs (infra/run-cli.cjs)', () => {
  const { ensureBundle } = require('../../infra/run-cli.cjs') as {
    ensureBundle: (cacheDir: string) => string;
  };

  it('is built once for the current sources, beside the threads it starts, and replaces those long unused', () => {
    const cache = tempDir('brief-bundle-');
    const bundleOf = (name: string, hoursAgo: number) => {
      const dir = join(cache, name);
      mkdirSync(dir);
      writeFileSync(join(dir, 'cli.js'), '');
      const at = new Date(Date.now() - hoursAgo * 3_600_000);
      utimesSync(dir, at, at);
    };
    bundleOf('0123456789abcdef', 3);
    // A run may still be going on this one (and start a thread from it).
    bundleOf('fedcba9876543210', 0.1);
    const dir = ensureBundle(cache);
    for (const file of ['cli.js', 'article-worker.js', 'compile-thread.js'])
      expect(statSync(join(dir, file)).size, file).toBeGreaterThan(10_000);
    expect(readdirSync(cache).sort()).toEqual([basename(dir), 'fedcba9876543210'].sort());
    const built = statSync(join(dir, 'cli.js')).mtimeMs;
    expect(ensureBundle(cache)).toBe(dir);
    expect(statSync(join(dir, 'cli.js')).mtimeMs).toBe(built);
  }, 60_000);
});

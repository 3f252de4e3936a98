/**
 * The "hostile inputs" block of `npm run bench` (issue 12 items 3 and 5): how long each hostile
 * upload takes to be ingested or rejected, and the peak memory it costs. Each case runs in a
 * fresh process (`tsx test/bench/hostile.ts <case>`) through the real `ingest` over a folder
 * store, so its peak resident memory is its own: the process's peak after the case, and how
 * much it rose over the peak after start-up (reference data loaded). Nothing fails on these.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../functions/pipeline/ingest';
import { configFromEnv } from '../../functions/setup/config';
import { makeDeps } from '../../functions/setup/make-deps';
import { peakRssKb } from '../../functions/setup/peak-memory';
import { FsStore } from '../../functions/store/fs-store';
import { degenerateLine, goodArticle, nestedHtml } from '../reliability/hostile-inputs';

/** The cases, by name: the upload's name (its format) and its content. */
const cases: Record<string, () => { name: string; body: string }> = {
  'nested 100 deep (Readability)': () => ({ name: 'nested.html', body: nestedHtml(97) }),
  'nested 490 deep (own blocks)': () => ({ name: 'nested.html', body: nestedHtml(487) }),
  ...Object.fromEntries(
    [1_000, 2_000, 3_000, 5_000, 20_000].map((depth) => [
      `nested ${depth.toLocaleString('en-US')} deep`,
      () => ({ name: 'nested.html', body: nestedHtml(depth) }),
    ]),
  ),
  'page of 49,000 elements': () => ({
    name: 'wide.html',
    body: `<html><body>${Array.from({ length: 49_000 }, (_, i) => `<span>w${i}</span>`).join(' ')}</body></html>`,
  }),
  '49,000 unclosed <b> (nested)': () => ({ name: 'soup.html', body: '<b>x '.repeat(49_000) }),
  'page of 200,000 elements': () => ({
    name: 'huge.html',
    body: `<html><body>${'<span>w</span> '.repeat(200_000)}</body></html>`,
  }),
  'one phrase, 300 KB .txt': () => ({ name: 'same.txt', body: degenerateLine(300_000) }),
  'single line, 1.5 MB .txt': () => ({ name: 'line.txt', body: degenerateLine(1_500_000) }),
  'single line, 9 MB .txt': () => ({ name: 'line.txt', body: degenerateLine(9_000_000) }),
  'single line, 1.5 MB in a page': () => ({
    name: 'line.html',
    body: `<html><body><p>${degenerateLine(1_500_000)}</p></body></html>`,
  }),
};

interface CaseResult {
  ms: number;
  peakMB: number;
  riseMB: number;
  outcome: string;
}

const megabytes = (kilobytes: number) => kilobytes / 1024;

/** Child mode: runs one case and prints its result as JSON. */
async function runCase(name: string): Promise<void> {
  const make = cases[name];
  if (!make) throw new Error(`no case ${name}`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-hostile-'));
  try {
    const store = new FsStore(dir);
    const deps = makeDeps(configFromEnv({ BRIEF_ROOT: process.cwd() }), store);
    const { name: file, body } = make();
    const key = `incoming/${file}`;
    await store.put(key, body);
    // Warm up first (the sentence model and the rules load on first use), as a running function is.
    await store.put('incoming/warm-up.txt', goodArticle);
    await ingest(deps, 'incoming/warm-up.txt');
    const baseline = megabytes(peakRssKb());
    const start = performance.now();
    const outcome = await ingest(deps, key);
    const ms = performance.now() - start;
    const peak = megabytes(peakRssKb());
    const said =
      outcome.status === 'rejected'
        ? `rejected: ${outcome.reason.slice(key.length + 2, key.length + 92)}…`
        : outcome.status;
    const result: CaseResult = { ms, peakMB: peak, riseMB: peak - baseline, outcome: said };
    console.log(JSON.stringify(result));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Parent mode: every case in its own process; one line each. */
export function benchHostileInputs(root: string): void {
  console.log('hostile inputs (each in a fresh process, through ingest; nothing fails on these):');
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  for (const name of Object.keys(cases)) {
    const child = spawnSync(tsx, [join(root, 'test', 'bench', 'hostile.ts'), name], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, BRIEF_LOG: 'silent' },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 300_000,
    });
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    try {
      const result = JSON.parse(line) as CaseResult;
      console.log(
        `  ${name}: ${result.ms.toFixed(0)} ms, peak RSS ${result.peakMB.toFixed(0)} MB (+${result.riseMB.toFixed(0)} MB over start-up); ${result.outcome}`,
      );
    } catch {
      console.log(
        `  ${name}: failed (${(child.stderr || child.error?.message || '').trim().slice(0, 300)})`,
      );
    }
  }
}

if (require.main === module && process.argv[2]) {
  runCase(process.argv[2]).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

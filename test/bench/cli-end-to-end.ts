/**
 * The end-to-end figure of issue 11: `npm run brief` on a desk's day of 1,000 real-sized text
 * articles (test/bench/desk-folder.ts), as a user runs it: a fresh process, a fresh store each
 * run. Prints the wall time (median of the runs), the ingest and compile phases (the CLI says
 * them on stderr when BRIEF_CLI_TIMINGS is set) and the peak resident memory (`/usr/bin/time`,
 * or the process's own maxRSS when it is not installed). `npm run brief` runs a bundle of the
 * sources (infra/run-cli.cjs), built at the first run after a change: that build is timed
 * apart, before the runs, and so is one run from the sources through tsx for comparison. Last,
 * a desk's next run of the day: the folder with 1 % more files, run again on the same store
 * (only the new files are read: README "Running again").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDeskFolder } from './desk-folder';

interface Run {
  wallMs: number;
  peakMb: number;
  phases: Record<string, number>;
  stdout: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** What `npm run brief` runs, or the same command from its sources through tsx. */
const commandOf = (root: string, from: 'bundle' | 'source') =>
  from === 'bundle'
    ? [process.execPath, join(root, 'infra', 'run-cli.cjs')]
    : [join(root, 'node_modules', '.bin', 'tsx'), join(root, 'functions', 'handlers', 'cli.ts')];

/** One run on a fresh store, removed after it, unless a store to keep is given. */
function runCli(
  root: string,
  folder: string,
  work: string,
  from: 'bundle' | 'source',
  kept?: string,
): Run {
  const store = kept ?? mkdtempSync(join(work, 'store-'));
  const out = mkdtempSync(join(work, 'out-'));
  const [command, ...args] = [...commandOf(root, from), folder];
  args.push('--store', store, '--out', out, '--edition', '2026-11-22');
  const timeBin = '/usr/bin/time';
  const withTime = existsSync(timeBin);
  const start = performance.now();
  const run = spawnSync(
    withTime ? timeBin : (command as string),
    withTime ? ['-f', 'peak-kb %M', command as string, ...args] : args,
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, BRIEF_CLI_TIMINGS: '1', INIT_CWD: root },
    },
  );
  const wallMs = performance.now() - start;
  if (!kept) rmSync(store, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  if (run.status !== 0)
    throw new Error(`the CLI run failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const peakKb = Number(
    /peak-kb (\d+)/.exec(run.stderr)?.[1] ?? /maxrss-kb (\d+)/.exec(run.stderr)?.[1],
  );
  const phases: Record<string, number> = {};
  for (const [, name, value] of run.stderr.matchAll(/^timing (\w+) (\d+(?:\.\d+)?) ms$/gm))
    if (name && value) phases[name] = Number(value);
  return { wallMs, peakMb: peakKb / 1024, phases, stdout: run.stdout };
}

export function benchCliEndToEnd(root: string, count = 1000, runs = 3): void {
  const work = mkdtempSync(join(tmpdir(), 'brief-desk-'));
  try {
    const folder = join(work, 'desk');
    writeDeskFolder(root, folder, count);
    const start = performance.now();
    const { ensureBundle } = require('../../infra/run-cli.cjs') as {
      ensureBundle: () => string;
    };
    ensureBundle();
    console.log(
      `npm run brief: its bundle of the sources checked, or built after a change, in ${((performance.now() - start) / 1000).toFixed(2)} s`,
    );
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) results.push(runCli(root, folder, work, 'bundle'));
    const source = runCli(root, folder, work, 'source');
    const phase = (name: string) => median(results.map((run) => run.phases[name] ?? Number.NaN));
    const summary = results[0]?.stdout.split('\n').find((line) => line.startsWith('Brief for'));
    console.log(
      `npm run brief on ${count} text articles (2–6 KB), fresh process and store, median of ${runs}: ` +
        `${(median(results.map((run) => run.wallMs)) / 1000).toFixed(2)} s wall ` +
        `(ingest ${(phase('ingest') / 1000).toFixed(2)} s, compile ${(phase('compile') / 1000).toFixed(2)} s), ` +
        `peak ${median(results.map((run) => run.peakMb)).toFixed(0)} MB; target < 5 s, < 1 GB`,
    );
    console.log(
      `  the same from the sources through tsx (one run): ${(source.wallMs / 1000).toFixed(2)} s wall ` +
        `(ingest ${((source.phases.ingest ?? Number.NaN) / 1000).toFixed(2)} s, compile ${((source.phases.compile ?? Number.NaN) / 1000).toFixed(2)} s)`,
    );
    if (summary) console.log(`  ${summary}`);
    // A desk's next run of the day: the same folder with a few more files, on the same store.
    const store = mkdtempSync(join(work, 'store-kept-'));
    runCli(root, folder, work, 'bundle', store);
    const added = Math.max(1, Math.round(count / 100));
    writeDeskFolder(root, folder, count + added);
    const again = runCli(root, folder, work, 'bundle', store);
    const againSummary = again.stdout.split('\n').find((line) => line.startsWith('Brief for'));
    console.log(
      `  run again on the same store with ${added} files added: ${(again.wallMs / 1000).toFixed(2)} s wall ` +
        `(ingest ${((again.phases.ingest ?? Number.NaN) / 1000).toFixed(2)} s, compile ${((again.phases.compile ?? Number.NaN) / 1000).toFixed(2)} s)`,
    );
    if (againSummary) console.log(`  ${againSummary}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchCliEndToEnd(process.cwd(), Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 3));
}

'use strict';
/**
 * `npm run brief`: runs the local command from an esbuild bundle of its source, built on the
 * first run after the code or the installed packages change and kept under
 * node_modules/.cache/daily-brief/. From the TypeScript sources (tsx) each thread of a run (the
 * main one, the reading pool's, the compile thread) spends ~0.5–1 s loading hundreds of modules
 * through tsx's hooks; a bundle loads in a fraction of that (README "The local command"). The
 * sources stay the truth: `npx tsx functions/handlers/cli.ts` runs the same command unbundled.
 */
const { createHash } = require('node:crypto');
const {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** The command's entry points: the CLI and the two kinds of thread it starts, side by side. */
const entryPoints = {
  cli: 'functions/handlers/cli.ts',
  'article-worker': 'functions/setup/article-worker.ts',
  'compile-thread': 'functions/setup/compile-thread.ts',
};

/**
 * Required at run time from node_modules, as in the Lambda bundles (serverless.yml
 * custom.esbuild.exclude): the sentence model's JSON, pdf.js (an ES module loaded by import()),
 * iconv-lite's tables; tsx is only for runs from source.
 */
const external = ['wink-eng-lite-web-model', 'unpdf', 'iconv-lite', 'tsx'];

/** The data files, read at run time from the project (and rewritten by `npm run package`). */
const dataDir = path.join(root, 'functions', 'data');

/** Every file under `dir` but the data files, as [relative path, size, mtime], sorted. */
function filesUnder(dir) {
  const found = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (full === dataDir) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const { size, mtimeMs } = statSync(full);
        found.push([path.relative(root, full), size, mtimeMs]);
      }
    }
  };
  walk(dir);
  return found.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * What the bundle is made of: the sources (not the data files), the installed packages
 * (package-lock.json and node_modules' own lock, rewritten by every install), esbuild's version
 * and this file.
 */
function bundleKey() {
  const hash = createHash('sha256');
  const stamp = (file) => {
    const stats = statSync(path.join(root, file), { throwIfNoEntry: false });
    hash.update(`${file} ${stats?.size} ${stats?.mtimeMs}\n`);
  };
  for (const [file, size, mtime] of filesUnder(path.join(root, 'functions')))
    hash.update(`${file} ${size} ${mtime}\n`);
  for (const file of ['package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json'])
    stamp(file);
  hash.update(require('esbuild/package.json').version);
  hash.update(JSON.stringify({ entryPoints, external }));
  stamp(path.relative(root, __filename));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Other bundles are removed once unused for this long: a run still going on an older bundle
 * may yet start a thread from it (a reading worker that died is replaced).
 */
const keepUnusedMs = 60 * 60 * 1000;

/**
 * The folder of the bundle for the current sources, built there if missing (into a temporary
 * folder renamed into place, so two runs at once never see half a bundle). Bundles of other
 * sources unused for an hour are removed. `cacheDir` is node_modules/.cache/daily-brief unless
 * given (tests).
 */
function ensureBundle(cacheDir = path.join(root, 'node_modules', '.cache', 'daily-brief')) {
  const dir = path.join(cacheDir, bundleKey());
  if (existsSync(path.join(dir, 'cli.js'))) {
    // Marks it used, for the clean-up of a later build.
    const now = new Date();
    utimesSync(dir, now, now);
    return dir;
  }
  mkdirSync(cacheDir, { recursive: true });
  const building = `${dir}.${process.pid}.tmp`;
  require('esbuild').buildSync({
    absWorkingDir: root,
    entryPoints,
    outdir: building,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external,
    logLevel: 'error',
  });
  try {
    renameSync(building, dir);
  } catch (error) {
    // Another run put the same bundle in place first.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(path.join(dir, 'cli.js'))) throw error;
  }
  for (const entry of readdirSync(cacheDir)) {
    const other = path.join(cacheDir, entry);
    const used = statSync(other, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (other !== dir && Date.now() - used > keepUnusedMs)
      rmSync(other, { recursive: true, force: true });
  }
  return dir;
}

module.exports = { ensureBundle };

if (require.main === module) {
  let dir;
  try {
    dir = ensureBundle();
  } catch (error) {
    // esbuild has printed what it could not bundle, and where.
    console.error(
      `error: the command could not be bundled from functions/ (${error.message.split('\n')[0]})`,
    );
    process.exit(2);
  }
  // The data files, templates and fonts are read from the project, not from beside the bundle.
  // The bundle's key says what code reads the uploads (a re-run reuses what it read before).
  require(path.join(dir, 'cli.js')).main(root, path.basename(dir));
}

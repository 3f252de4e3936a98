/**
 * `npm run bench`: how fast the pipeline is, as numbers and ratios. Nothing here fails on
 * timing; read the output and compare runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { defaultBriefOptions } from '../../functions/brief/brief-options';
import { buildBrief } from '../../functions/brief/build-brief';
import type { ArticleRecord } from '../../functions/model/types';
import { loadReference } from '../../functions/reference/load-reference';
import { loadTemplates } from '../../functions/render/html/load-templates';
import { renderHtml } from '../../functions/render/html/render-html';
import { loadPdfFonts } from '../../functions/render/pdf/load-fonts';
import { renderPdf } from '../../functions/render/pdf/render-pdf';
import { recordOfText, recordsOfUploads } from '../helpers/parse';
import { benchBriefModel } from './brief-model';
import { benchCliEndToEnd } from './cli-end-to-end';
import { benchColdStart } from './cold-start';
import { benchCompileRadosgw, benchCompileS3 } from './compile-s3';
import { benchHostileInputs } from './hostile';
import { benchIngestFormats } from './ingest-formats';
import { syntheticArticles } from './synthetic-articles';

const root = process.cwd();
const receivedAt = new Date('2026-11-22T08:00:00Z');

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

const [reference, loadMs] = time(() => loadReference({ root }));
console.log(`reference data load (cold): ${ms(loadMs)}`);

function ingestSamples(
  bytes: Uint8Array,
  key: string,
  runs: number,
): { samples: number[]; record: ArticleRecord } {
  const context = { key, edition: '2026-11-22', receivedAt, reference, minWords: 30 };
  let record = recordOfText(bytes, context); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [next, elapsed] = time(() => recordOfText(bytes, context));
    record = next;
    samples.push(elapsed);
  }
  return { samples, record };
}

const seedDir = join(root, 'test', 'fixtures', 'seeds');
const seeds = readdirSync(seedDir).map((name) => ({
  name,
  bytes: readFileSync(join(seedDir, name)),
}));
const textSamples: number[] = [];
const records: ArticleRecord[] = [];
for (const seed of seeds) {
  const { samples, record } = ingestSamples(seed.bytes, `incoming/${seed.name}`, 40);
  textSamples.push(...samples);
  records.push(record);
}
const meanKb = seeds.reduce((sum, seed) => sum + seed.bytes.length, 0) / seeds.length / 1024;
console.log(
  `ingest, text article (~${meanKb.toFixed(1)} KB, warm): p50 ${ms(percentile(textSamples, 50))}, p95 ${ms(percentile(textSamples, 95))}`,
);

const corpus = join(root, '..', 'shared', 'corpus', 'extraction', 'html');
let htmlPage: { name: string; bytes: Uint8Array } | null = null;
try {
  // The page closest to 100 KB, as the "typical 100 KB HTML page".
  const pages = readdirSync(corpus).map((name) => ({
    name,
    bytes: gunzipSync(readFileSync(join(corpus, name))),
  }));
  htmlPage =
    pages.sort(
      (a, b) => Math.abs(a.bytes.length - 100_000) - Math.abs(b.bytes.length - 100_000),
    )[0] ?? null;
} catch {
  console.log(`ingest, HTML page: skipped (${corpus} not found)`);
}
if (htmlPage) {
  const { samples } = ingestSamples(
    htmlPage.bytes,
    `incoming/${htmlPage.name.replace(/\.gz$/, '')}`,
    20,
  );
  const p50 = percentile(samples, 50);
  console.log(
    `ingest, HTML page (${(htmlPage.bytes.length / 1024).toFixed(0)} KB, warm): p50 ${ms(p50)}, p95 ${ms(percentile(samples, 95))}, ${(htmlPage.bytes.length / 1024 / (p50 / 1000)).toFixed(0)} KB/s`,
  );
}

// Editions of 20, 200 and 2,000 distinct synthetic articles (stories told by several outlets
// among them), compiled and rendered; Chromium prints the same HTML for comparison.
async function chromiumPrint(
  html: string,
  label: string,
): Promise<{ ms: number; pages: number } | null> {
  const chromium = '/usr/bin/chromium';
  if (!existsSync(chromium)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'brief-chromium-'));
  try {
    const page = join(dir, `${label}.html`);
    const out = join(dir, `${label}.pdf`);
    writeFileSync(page, html);
    const start = performance.now();
    const run = spawnSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${out}`,
        pathToFileURL(page).href,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const elapsed = performance.now() - start;
    if (run.status !== 0 || !existsSync(out)) return null;
    return { ms: elapsed, pages: await pageCount(readFileSync(out)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Chromium's warm print: the median of three, as the machine is shared and one run is noisy. */
async function warmPrint(
  html: string,
  label: string,
): Promise<{ ms: number; pages: number } | null> {
  const prints: { ms: number; pages: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const print = await chromiumPrint(html, label);
    if (!print) return null;
    prints.push(print);
  }
  const sorted = prints.sort((a, b) => a.ms - b.ms);
  return sorted[1] ?? null;
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

/** Median of `runs` timed runs after one warm-up: the machine is shared, single runs are noisy. */
async function medianTime<T>(runs: number, run: () => Promise<T> | T): Promise<[T, number]> {
  let result = await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await run();
    samples.push(performance.now() - start);
  }
  return [result, percentile(samples, 50)];
}

async function benchCompile(): Promise<void> {
  const templates = loadTemplates(join(root, 'templates'));
  const fonts = loadPdfFonts(root);
  const edition = '2026-11-22';
  const uploads = syntheticArticles(2000, edition);
  const [pool, ingestMs] = time(() =>
    recordsOfUploads(uploads, { edition, receivedAt, reference, minWords: 30 }),
  );
  console.log(`ingest of 2000 synthetic articles (setup): ${ms(ingestMs)}`);
  const perArticle: number[] = [];
  const ratios: string[] = [];
  for (const size of [20, 200, 2000]) {
    const articles = pool.slice(0, size);
    const build = () =>
      buildBrief({
        edition,
        generatedAt: receivedAt,
        articles,
        rejected: [],
        reference,
        options: defaultBriefOptions,
      });
    const [model, buildMs] = await medianTime(3, build);
    const [html, htmlMs] = await medianTime(3, () => renderHtml(model, templates));
    const [pdf, pdfMs] = await medianTime(9, () => renderPdf(model, fonts));
    perArticle.push(buildMs / size);
    const stories = model.stories?.length ?? 0;
    const grouped = (model.stories ?? []).reduce((sum, story) => sum + story.articles.length, 0);
    console.log(
      `compile ${String(size).padStart(4)} articles (median of runs): model ${ms(buildMs)} (${stories} multi-source stories grouping ${grouped} articles; ${model.omitted?.items ?? 0} items cut to ${model.omitted?.pages ?? '-'} pages), HTML ${ms(htmlMs)} (${(html.length / 1024).toFixed(0)} KB), PDF ${ms(pdfMs)} (${(pdf.length / 1024).toFixed(0)} KB, ${await pageCount(pdf)} pages); compile + render ${ms(buildMs + htmlMs + pdfMs)}`,
    );
    const cold = await chromiumPrint(html, `brief-${size}`);
    const warm = cold && (await warmPrint(html, `brief-${size}`));
    if (!cold || !warm) {
      console.log('  Chromium print: skipped (/usr/bin/chromium not found or failed)');
      continue;
    }
    const ratio = warm.ms / pdfMs;
    ratios.push(`${size}: ×${ratio.toFixed(1)}`);
    console.log(
      `  Chromium --print-to-pdf of the same HTML: first ${ms(cold.ms)}, again ${ms(warm.ms)} (median of 3; ${warm.pages} pages); our tagged PDF ${ms(pdfMs)} is ×${ratio.toFixed(1)} faster (target ≥ ×10)`,
    );
  }
  const [small = 1, , large = 1] = perArticle;
  console.log(
    `model cost per article, 2000 vs 20 articles: ×${(large / small).toFixed(2)} (1.0 = linear); target: 2000 articles under 5 s`,
  );
  if (ratios.length) console.log(`our PDF vs Chromium print (warm): ${ratios.join(', ')}`);
  benchBriefModel(pool, reference, edition, receivedAt);
}

benchIngestFormats(root, reference)
  .then(benchCompile)
  .then(() => benchHostileInputs(root))
  .then(() => benchCompileS3(root, reference))
  .then(() => benchCompileRadosgw(root, reference))
  .then(() => benchColdStart(root, reference))
  .then(() => benchCliEndToEnd(root))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });

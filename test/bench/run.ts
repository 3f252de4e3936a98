/**
 * `npm run bench`: how fast the pipeline is, as numbers and ratios. Nothing here fails on
 * timing; read the output and compare runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseArticle } from '../../functions/article/parse-article';
import { defaultBriefOptions } from '../../functions/brief/brief-options';
import { buildBrief } from '../../functions/brief/build-brief';
import type { ArticleRecord } from '../../functions/core/types';
import { loadReference } from '../../functions/reference/load-reference';
import { loadPdfFonts } from '../../functions/render/load-fonts';
import { loadTemplates } from '../../functions/render/load-templates';
import { renderPdf } from '../../functions/render/pdf/render-pdf';
import { renderHtml } from '../../functions/render/render-html';

const root = process.cwd();
const receivedAt = new Date('2026-11-22T08:00:00Z');

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

async function timeAsync<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
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
  let record = parseArticle(bytes, context); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [next, elapsed] = time(() => parseArticle(bytes, context));
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

// Editions of 5, 20 and 200 articles: the seeds under distinct ids and keys.
async function benchCompile(): Promise<void> {
  const templates = loadTemplates(join(root, 'templates'));
  const fonts = loadPdfFonts(root);
  const perArticle: number[] = [];
  for (const size of [5, 20, 200]) {
    const articles = Array.from({ length: size }, (_, i) => {
      const base = records[i % records.length] as ArticleRecord;
      return { ...base, id: `${base.id}-${i}`, key: `incoming/${i}-${base.key.slice(9)}` };
    });
    const [model, buildMs] = time(() =>
      buildBrief({
        edition: '2026-11-22',
        generatedAt: receivedAt,
        articles,
        rejected: [],
        reference,
        options: defaultBriefOptions,
      }),
    );
    const [html, htmlMs] = time(() => renderHtml(model, templates));
    const [pdf, pdfMs] = await timeAsync(() => renderPdf(model, fonts));
    perArticle.push(buildMs / size);
    console.log(
      `compile ${String(size).padStart(3)} articles: model ${ms(buildMs)}, HTML ${ms(htmlMs)} (${(html.length / 1024).toFixed(0)} KB), PDF ${ms(pdfMs)} (${(pdf.length / 1024).toFixed(0)} KB)`,
    );
  }
  const [small = 1, , large = 1] = perArticle;
  console.log(
    `model cost per article, 200 vs 5 articles: ×${(large / small).toFixed(2)} (1.0 = linear)`,
  );
}

benchCompile().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

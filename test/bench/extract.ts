/**
 * `npm run bench:extract`: how well our HTML body extraction does on the 92 hand-checked pages
 * of ../shared/corpus/extraction, side by side with Readability.js (over linkedom, textContent)
 * run in the same process on the same pages. The score is the benchmark's own (README there):
 * `\w+` tokens (Unicode word characters, as Python reads `\w`), 4-token shingles, per-page
 * multiset true/false positives and negatives, precision and recall averaged over pages, F1 from
 * the two averages. (Run this way, Readability.js scores the published 0.939.)
 *
 * `--verbose` lists the pages where our extractor scores lowest, to see what to work on;
 * `--worse` the pages where it scores below Readability.js.
 * Nothing here fails on a score; read the numbers and compare runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeText } from '../../functions/article/decode';
import { parseHtml } from '../../functions/article/parse-html';

const corpus = join(process.cwd(), '..', 'shared', 'corpus', 'extraction');
const verbose = process.argv.includes('--verbose');

interface Page {
  name: string;
  html: string;
  expected: string;
}

interface Score {
  precision: number;
  recall: number;
}

function loadPages(): Page[] {
  const truth = JSON.parse(readFileSync(join(corpus, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  return readdirSync(join(corpus, 'html'))
    .filter((name) => name.endsWith('.html.gz'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.html\.gz$/, '');
      const bytes = gunzipSync(readFileSync(join(corpus, 'html', file)));
      return {
        name,
        html: decodeText(bytes, file).text,
        expected: truth[name]?.articleBody ?? '',
      };
    });
}

function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i + 4 <= Math.max(tokens.length, 4); i++) {
    const shingle = tokens.slice(i, i + 4).join(' ');
    if (!shingle) continue;
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** Per-page precision and recall over shingle multisets; an empty side scores as the benchmark does. */
function score(extracted: string, expected: string): Score {
  const got = shingles(extracted);
  const want = shingles(expected);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [shingle, count] of got) {
    const wanted = want.get(shingle) ?? 0;
    tp += Math.min(count, wanted);
    fp += Math.max(0, count - wanted);
  }
  for (const [shingle, count] of want) fn += Math.max(0, count - (got.get(shingle) ?? 0));
  if (tp + fp + fn === 0) return { precision: 1, recall: 1 };
  return {
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: tp + fn === 0 ? 0 : tp / (tp + fn),
  };
}

function readabilityText(html: string): string {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(
      document as unknown as ConstructorParameters<typeof Readability>[0],
    ).parse();
    return article?.textContent ?? '';
  } catch {
    return '';
  }
}

function ourText(html: string): string {
  return parseHtml(html).paragraphs.join('\n\n');
}

function run(name: string, pages: Page[], extract: (html: string) => string) {
  extract(pages[0]?.html ?? ''); // warm-up
  const scores: Array<Score & { page: string }> = [];
  const start = performance.now();
  const outputs = pages.map((page) => extract(page.html));
  const seconds = (performance.now() - start) / 1000;
  pages.forEach((page, i) => {
    scores.push({ page: page.name, ...score(outputs[i] ?? '', page.expected) });
  });
  const precision = scores.reduce((sum, s) => sum + s.precision, 0) / scores.length;
  const recall = scores.reduce((sum, s) => sum + s.recall, 0) / scores.length;
  const f1 = (2 * precision * recall) / (precision + recall);
  console.log(
    `${name.padEnd(16)} F1 ${f1.toFixed(3)}  precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  ${(pages.length / seconds).toFixed(1)} pages/s`,
  );
  return scores;
}

const pages = loadPages();
console.log(`${pages.length} pages from ${corpus}`);
const ours = run('ours', pages, ourText);
const theirs = run('Readability.js', pages, readabilityText);
if (verbose) {
  const rows = ours
    .map((s, i) => ({
      ...s,
      f1: (2 * s.precision * s.recall) / (s.precision + s.recall || 1),
      other: theirs[i],
    }))
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, 25);
  for (const row of rows) {
    console.log(
      `${row.page.slice(0, 12)}  ours p ${row.precision.toFixed(2)} r ${row.recall.toFixed(2)}  readability p ${row.other?.precision.toFixed(2)} r ${row.other?.recall.toFixed(2)}`,
    );
  }
}
if (process.argv.includes('--worse')) {
  ours.forEach((s, i) => {
    const o = theirs[i];
    if (o && (s.recall < o.recall - 0.02 || s.precision < o.precision - 0.02))
      console.log(
        `${s.page.slice(0, 12)} ours p ${s.precision.toFixed(2)} r ${s.recall.toFixed(2)}  readability p ${o.precision.toFixed(2)} r ${o.recall.toFixed(2)}`,
      );
  });
}

/**
 * Ingest timings for uploads beyond the seeds and the 100 KB page, printed by `npm run bench`:
 * a ~5 KB pasted text article, and the PDF, Word and e-mail fixtures through `parseUpload`
 * (warm, per upload, p50/p95).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceData } from '../../functions/reference/reference-data';
import { recordOfUpload } from '../helpers/parse';

const receivedAt = new Date('2026-11-22T08:00:00Z');

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function samplesOf(bytes: Uint8Array, key: string, reference: ReferenceData, runs: number) {
  const context = { key, edition: '2026-11-22', receivedAt, reference, minWords: 30 };
  await recordOfUpload(bytes, context); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await recordOfUpload(bytes, context);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Two seed articles run together as one pasted text of about 5 KB. */
function fiveKilobyteText(root: string): Uint8Array {
  const seeds = join(root, 'test', 'fixtures', 'seeds');
  const first = readFileSync(join(seeds, '004_988fb0e90b57e848.txt'), 'utf8');
  const second = readFileSync(join(seeds, '002_856ab6164a846721.txt'), 'utf8');
  // The second article's body only (its first line is its title).
  return Buffer.from(`${first.trim()}\n\n${second.split('\n').slice(1).join('\n').trim()}\n`);
}

export async function benchIngestFormats(root: string, reference: ReferenceData): Promise<void> {
  const formats = join(root, 'test', 'fixtures', 'formats');
  const uploads: Array<[string, Uint8Array, number]> = [
    ['text article', fiveKilobyteText(root), 40],
    ['PDF statement', readFileSync(join(formats, 'statement.pdf')), 20],
    ['Word statement', readFileSync(join(formats, 'statement.docx')), 20],
    ['forwarded e-mail', readFileSync(join(formats, 'forwarded.eml')), 20],
  ];
  const keys = ['article.txt', 'statement.pdf', 'statement.docx', 'forwarded.eml'];
  for (const [index, [label, bytes, runs]] of uploads.entries()) {
    const samples = await samplesOf(bytes, `incoming/${keys[index]}`, reference, runs);
    console.log(
      `ingest, ${label} (${(bytes.length / 1024).toFixed(1)} KB, warm): p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms`,
    );
  }
}

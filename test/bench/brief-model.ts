/**
 * The brief model alone (`buildBrief`) for 1,000 of the synthetic articles, the size of a
 * desk's day in issue 11: wall and CPU time, medians of runs after a warm-up. CPU time is
 * printed too because the bench machine is shared: other processes stretch the wall time, less
 * the CPU time.
 */
import { defaultBriefOptions } from '../../functions/brief/brief-options';
import { buildBrief } from '../../functions/brief/build-brief';
import type { ArticleRecord } from '../../functions/model/types';
import type { ReferenceData } from '../../functions/reference/reference-data';

const runs = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function benchBriefModel(
  pool: ArticleRecord[],
  reference: ReferenceData,
  edition: string,
  generatedAt: Date,
  size = 1000,
): void {
  const articles = pool.slice(0, size);
  const build = () =>
    buildBrief({
      edition,
      generatedAt,
      articles,
      rejected: [],
      reference,
      options: defaultBriefOptions,
    });
  build();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const before = process.cpuUsage();
    build();
    const used = process.cpuUsage(before);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  console.log(
    `model of ${articles.length} articles (median of ${runs}): ${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU (${(median(wall) / articles.length).toFixed(2)} ms an article)`,
  );
}

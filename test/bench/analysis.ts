/**
 * `npm run bench:analysis`: how well and how fast actors and themes are found, against the
 * hand-labelled set of test/fixtures/analysis/labels.yaml. Prints the misses per article so a
 * change to the rules or the data can be judged; then the themes of the held-out real dev set
 * (bench/editorial/devset.json, pages in /work/devset/pages or `--pages DIR`), which no rule was
 * tuned on. Nothing here fails; read and compare runs.
 */
import { cpus, loadavg } from 'node:os';
import { analyseArticle } from '../../functions/analysis/analyse-article';
import { loadReference } from '../../functions/reference/load-reference';
import {
  analyseLabelled,
  loadHeldOutSet,
  loadLabelledSet,
  scoreLabelledSet,
} from '../helpers/labelled-set';

const targets = {
  recall: 0.95,
  precision: 0.9,
  themeRecall: 0.8,
  heldOutThemeRecall: 0.85,
  thousandWordsMs: 10,
};
const reference = loadReference({ root: process.cwd() });
const set = loadLabelledSet();
const verbose = process.argv.includes('--verbose');

const score = scoreLabelledSet(set, reference); // also warms up the analysis
for (const article of score.articles) {
  const problems = [
    article.missedCore.length ? `missed core ${article.missedCore.join(' ')}` : '',
    article.wrongActors.length ? `wrong ${article.wrongActors.join(' ')}` : '',
    article.missedThemes.length ? `missed themes ${article.missedThemes.join(' ')}` : '',
    verbose && article.extraThemes.length ? `extra themes ${article.extraThemes.join(' ')}` : '',
  ].filter(Boolean);
  if (problems.length || verbose) console.log(`  ${article.file}: ${problems.join('; ') || 'ok'}`);
}

const mark = (ok: boolean) => (ok ? 'ok' : 'BELOW TARGET');
const fixed = (value: number) => value.toFixed(3);
console.log(`labelled articles: ${set.length}`);
console.log(
  `actor recall (core):              ${fixed(score.actorRecall)}  target ≥ ${targets.recall}  ${mark(score.actorRecall >= targets.recall)}`,
);
console.log(
  `actor precision (core+mentioned): ${fixed(score.actorPrecision)}  target ≥ ${targets.precision}  ${mark(score.actorPrecision >= targets.precision)}`,
);
console.log(
  `theme recall:                     ${fixed(score.themeRecall)}  target ≥ ${targets.themeRecall}  ${mark(score.themeRecall >= targets.themeRecall)}`,
);
console.log(`theme precision (for reading):    ${fixed(score.themePrecision)}`);

// Held out: the real dev set's English pages, theme-labelled before any cue was tuned and never
// tuned on (bench/editorial/devset.json; the texts live outside the repository).
const pagesArg = process.argv.indexOf('--pages');
const heldOut = loadHeldOutSet(pagesArg >= 0 ? process.argv[pagesArg + 1] : undefined);
if (heldOut.length) {
  const held = scoreLabelledSet(heldOut, reference);
  for (const article of held.articles) {
    const problems = [
      article.missedThemes.length ? `missed themes ${article.missedThemes.join(' ')}` : '',
      verbose && article.extraThemes.length ? `extra themes ${article.extraThemes.join(' ')}` : '',
    ].filter(Boolean);
    if (problems.length) console.log(`  held-out ${article.file}: ${problems.join('; ')}`);
  }
  console.log(`held-out dev-set pages (not tuned on): ${heldOut.length}`);
  console.log(
    `held-out theme recall:            ${fixed(held.themeRecall)}  target ≥ ${targets.heldOutThemeRecall}  ${mark(held.themeRecall >= targets.heldOutThemeRecall)}`,
  );
  console.log(`held-out theme precision:         ${fixed(held.themePrecision)}`);
  console.log(`held-out actor recall (main actors, for reading): ${fixed(held.actorRecall)}`);
} else console.log('held-out dev-set pages: none found (pass --pages DIR)');

// Whole pipeline per article (parse + analyse), warm.
const rounds = 5;
let start = performance.now();
for (let round = 0; round < rounds; round++)
  for (const article of set) analyseLabelled(article, reference);
const perSecond = (rounds * set.length) / ((performance.now() - start) / 1000);
console.log(`articles per second (parse + analyse, warm): ${perSecond.toFixed(0)}`);

// A real 1,000-word article: paragraphs of the labelled corpus pages, in order, to 1,000 words.
const paragraphs: string[] = [];
let words = 0;
for (const entry of score.articles) {
  for (const paragraph of entry.record.text.split(/\n\n+/)) {
    if (words >= 1000) break;
    const take = paragraph.split(/\s+/).slice(0, 1000 - words);
    paragraphs.push(take.join(' '));
    words += take.length;
  }
}
const title = score.articles[0]?.record.title ?? '';
for (let i = 0; i < 20; i++) analyseArticle(title, paragraphs, reference);
// Wall time counts waiting for a core on a shared machine; CPU time is the analysis' own cost.
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < 100; i++) {
  start = performance.now();
  const before = process.cpuUsage();
  analyseArticle(title, paragraphs, reference);
  const used = process.cpuUsage(before);
  wall.push(performance.now() - start);
  cpu.push((used.user + used.system) / 1000);
}
const median = (samples: number[]) =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
const cpuMedian = median(cpu);
console.log(
  `analyse a 1,000-word article (warm): CPU median ${cpuMedian.toFixed(2)} ms, wall median ${median(wall).toFixed(2)} ms (load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)  target < ${targets.thousandWordsMs} ms  ${mark(cpuMedian < targets.thousandWordsMs)}`,
);

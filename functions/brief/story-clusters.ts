import type { ArticleRecord, Story } from '../model/types';
import type { NewsValue } from '../reference/reference-data';
import { statedTime } from '../text/calendar';
import type { Candidate } from './candidate-items';
import { forEachShingle } from './candidate-items';
import {
  clusterEvents,
  contentWords,
  defaultEventClusterOptions,
  type EventClusterOptions,
  stemEnglish,
} from './event-clusters';
import { reliability } from './news-signals';

const hashes = 48;
const rows = 4;
const bands = hashes / rows;
/** Estimated Jaccard of word 4-shingles above which two articles are copies of one text. */
const sameText = 0.45;
/** Near-duplicate sentences two articles must share to be rewrites of one story… */
const sharedSentences = 2;
/** …that are also this share of the shorter article's sentences. */
const sharedShare = 0.2;
/** A sentence carried by more articles than this is boilerplate, not evidence of one story. */
const maxSentenceSpread = 25;
/** A band bucket keeps this many articles to compare later ones with. */
const maxBucket = 32;

/**
 * Groups the articles that report the same event. First the texts that are one: syndicated
 * copies (found by MinHash with locality-sensitive hashing over word shingles) and rewrites
 * (found through the near-duplicate sentences they share, which `collectCandidates` has
 * already merged); then, with those as seeds, the reports of one event however they are
 * worded (`clusterEvents`: words, names, numbers, actors and days). Every step only compares
 * articles that share a bucket, a sentence or a strong term, so the cost grows near-linearly
 * with the edition. Returns every article's story id, and the stories (see `toStory`).
 */
export function clusterStories(
  articles: ArticleRecord[],
  candidates: Candidate[],
  news?: NewsValue,
  events: EventClusterOptions = defaultEventClusterOptions,
): { storyOf: Map<string, string>; stories: Story[] } {
  const seed = copiesAndRewrites(articles, candidates);
  const leads = leadSentenceCounts(candidates);
  const stories = clusterEvents(articles, seed, events)
    .map((members) => members.sort((a, b) => a - b).map((i) => articles[i] as ArticleRecord))
    .sort((a, b) => (a[0] as ArticleRecord).key.localeCompare((b[0] as ArticleRecord).key))
    .map((members) => toStory(members, leads, news));
  const storyOf = new Map<string, string>();
  for (const story of stories) for (const article of story.articles) storyOf.set(article, story.id);
  return { storyOf, stories };
}

/** Groups of articles (by position) that are one text: syndicated copies and rewrites. */
export function copiesAndRewrites(articles: ArticleRecord[], candidates: Candidate[]): number[][] {
  const groups = new ArticleGroups(articles.length);
  joinCopies(articles, groups);
  joinRewrites(articles, candidates, groups);
  return [...groups.indices(articles.length).values()];
}

/** Union-find over the articles' positions; a group's root is its earliest article. */
class ArticleGroups {
  private readonly parent: number[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }

  find(i: number): number {
    const parent = this.parent;
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  /** The positions in each group, by root. */
  indices(size: number): Map<number, number[]> {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < size; i++) {
      const root = this.find(i);
      const group = byRoot.get(root);
      if (group) group.push(i);
      else byRoot.set(root, [i]);
    }
    return byRoot;
  }
}

/** Copies: articles whose MinHash signatures share a band and are alike enough overall. */
function joinCopies(articles: ArticleRecord[], groups: ArticleGroups): void {
  const signatures = articles.map((article) => minhash(article.text));
  const buckets = new Map<string, number[]>();
  signatures.forEach((signature, i) => {
    for (let band = 0; band < bands; band++) {
      const key = `${band}:${signature.slice(band * rows, band * rows + rows).join(',')}`;
      const list = buckets.get(key);
      if (!list) buckets.set(key, [i]);
      else {
        for (const j of list) {
          if (estimatedJaccard(signature, signatures[j] as Uint32Array) >= sameText)
            groups.union(i, j);
        }
        if (list.length < maxBucket) list.push(i);
      }
    }
  });
}

/** Rewrites: articles sharing enough near-duplicate sentences, for their length. */
function joinRewrites(
  articles: ArticleRecord[],
  candidates: Candidate[],
  groups: ArticleGroups,
): void {
  const sentenceCount = articles.map((article) => Math.max(1, article.sentences.length));
  for (const [key, count] of sharedSentenceCounts(articles, candidates)) {
    const [i, j] = key.split(':').map(Number) as [number, number];
    const smaller = Math.min(sentenceCount[i] as number, sentenceCount[j] as number);
    // Two stock sentences ("The ministry did not respond…") do not make one story.
    if (count >= sharedSentences && count / smaller >= sharedShare) groups.union(i, j);
  }
}

/** Near-duplicate sentences each pair of articles shares, by "i:j" (their positions, i < j). */
function sharedSentenceCounts(
  articles: ArticleRecord[],
  candidates: Candidate[],
): Map<string, number> {
  const position = new Map(articles.map((article, i) => [article.id, i]));
  const shared = new Map<string, number>();
  for (const candidate of candidates) {
    const sources = candidate.sources;
    if (sources.length < 2 || sources.length > maxSentenceSpread) continue;
    for (let a = 0; a < sources.length; a++) {
      for (let b = a + 1; b < sources.length; b++) {
        const i = position.get(sources[a] as string) as number;
        const j = position.get(sources[b] as string) as number;
        const key = i < j ? `${i}:${j}` : `${j}:${i}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  return shared;
}

/** How many lead-paragraph sentences each article carries. */
function leadSentenceCounts(candidates: Candidate[]): Map<string, number> {
  const leads = new Map<string, number>();
  for (const candidate of candidates) {
    if (candidate.paragraph === 0) {
      for (const source of candidate.sources) leads.set(source, (leads.get(source) ?? 0) + 1);
    }
  }
  return leads;
}

/**
 * A story of its articles. The lead article is the most reliable report (a news agency's, then
 * a named outlet's), then the earliest, then the one whose sentences lead most often, then the
 * earliest key. The headline is the best real title (`headlineOf`); the first and last report
 * are the articles' publication days, or the days they were received when unknown.
 */
function toStory(group: ArticleRecord[], leads: Map<string, number>, news?: NewsValue): Story {
  const trust = (article: ArticleRecord) =>
    news ? reliability(article, news) : article.source ? 1 : 0;
  const lead = [...group].sort(
    (a, b) =>
      trust(b) - trust(a) ||
      reportDay(a).localeCompare(reportDay(b)) ||
      (leads.get(b.id) ?? 0) - (leads.get(a.id) ?? 0) ||
      a.key.localeCompare(b.key),
  )[0] as ArticleRecord;
  const members = [lead, ...group.filter((article) => article !== lead)];
  const byDay = [...members].sort(
    (a, b) => reportDay(a).localeCompare(reportDay(b)) || a.key.localeCompare(b.key),
  );
  const outlets: string[] = [];
  const seen = new Set<string>();
  for (const article of byDay) {
    const name = article.source?.trim();
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      outlets.push(name);
    }
  }
  const { headline, fromLead } = headlineOf(members, lead, trust);
  return {
    id: `story-${lead.id}`,
    headline,
    ...(fromLead ? { headlineFromLead: true } : {}),
    articles: members.map((article) => article.id),
    independentSources: independentSources(members),
    outlets,
    firstReport: byDay[0] ? reportDay(byDay[0]) : null,
    lastReport: byDay.length ? reportDay(byDay[byDay.length - 1] as ArticleRecord) : null,
  };
}

/** An article's report day: its publication day, else the day it was received. */
export function reportDay(article: ArticleRecord): string {
  return article.published ?? article.receivedAt.slice(0, 10);
}

/**
 * The best real title among a story's articles: not one cut from the lead, nor a date, a
 * timestamp or a handle. Among real titles, the one most like the others' titles and leads
 * (it names what they all report), from a known source, of a headline's length. When no
 * article has a real title, the lead article's (cut from its lead) is used and flagged.
 */
function headlineOf(
  members: ArticleRecord[],
  lead: ArticleRecord,
  trust: (article: ArticleRecord) => number,
): { headline: string; fromLead: boolean } {
  const real = members.filter(hasRealTitle);
  if (real.length === 0)
    return { headline: tidyTitle(lead.title), fromLead: lead.provenance.title === 'lead-sentence' };
  const likeness = titleLikeness(members);
  const position = new Map(members.map((article, i) => [article, i]));
  const score = (article: ArticleRecord) => {
    const mean =
      (likeness[position.get(article) as number] as number) / Math.max(1, members.length - 1);
    const length = tidyTitle(article.title).split(/\s+/).length;
    const fit = length >= 5 && length <= 16 ? 1 : length >= 3 && length <= 24 ? 0.5 : 0;
    return mean + 0.25 * Math.min(trust(article), 1) + 0.25 * fit;
  };
  // Scored once each: a comparator that scored would redo every article's likeness to all
  // others at every comparison (seconds for a story of hundreds of reports).
  const scores = new Map(real.map((article) => [article, score(article)]));
  const scoreOf = (article: ArticleRecord) => scores.get(article) as number;
  const best = [...real].sort((a, b) => scoreOf(b) - scoreOf(a) || a.key.localeCompare(b.key))[0];
  return { headline: tidyTitle((best as ArticleRecord).title), fromLead: false };
}

/** A title the upload gave (not one cut from the lead) that reads as a headline. */
export function hasRealTitle(article: ArticleRecord): boolean {
  return article.provenance.title !== 'lead-sentence' && !isNoTitle(article.title);
}

/**
 * A line that is no headline: a date or timestamp ("Monday, July 17, 2023", "Last update: …
 * 00:56", "1 hour ago"), a handle ("(@name)"), one or two words.
 */
export function isNoTitle(title: string): boolean {
  const text = tidyTitle(title);
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < 3) return true;
  if (/^\(?@\w+\)?$/.test(text)) return true;
  if (/\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b/i.test(text)) return true;
  if (/^(?:last\s+)?(?:updated?|published|posted)\b/i.test(text)) return true;
  const time = statedTime(text, 'en');
  if (time.dates.length + time.weekdays.length > 0) {
    const rest = words.filter(
      (word) =>
        !/^\d+(?:st|nd|rd|th)?$/i.test(word) && !/^(?:am|pm|gmt|utc|at|of|the|on)$/i.test(word),
    );
    // What is left once the date's words go: a month and a weekday at most.
    if (rest.length <= 3) return true;
  }
  return false;
}

/** A title without a leading bullet or dash ("- UN chief…"). */
function tidyTitle(title: string): string {
  return title.replace(/^[\s\-–—•·*|]+/, '').trim();
}

function titleWords(article: ArticleRecord): Set<string> {
  const lead = article.sentences[0]?.text ?? '';
  const english = article.language === 'en';
  return new Set(
    contentWords(`${article.title} ${lead}`, article.language)
      .filter((word) => word.length > 2)
      .map((word) => (english ? stemEnglish(word) : word)),
  );
}

/**
 * For each member, the summed overlap of its title words with every other member's (`overlap`),
 * added up in the members' order. Each pair is compared once, on the words as sorted numbers:
 * a story of hundreds of reports has tens of thousands of pairs.
 */
function titleLikeness(members: ArticleRecord[]): Float64Array {
  const ids = new Map<string, number>();
  const words = members.map((article) =>
    Int32Array.from(titleWords(article), (word) => {
      let id = ids.get(word);
      if (id === undefined) {
        id = ids.size;
        ids.set(word, id);
      }
      return id;
    }).sort(),
  );
  const likeness = new Float64Array(members.length);
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) {
      const shared = overlap(words[i] as Int32Array, words[j] as Int32Array);
      likeness[i] = (likeness[i] as number) + shared;
      likeness[j] = (likeness[j] as number) + shared;
    }
  return likeness;
}

/** Shared words over the smaller set's size (both sorted, without repeats). */
function overlap(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / Math.min(a.length, b.length);
}

/** Distinct outlets; every article of unknown source counts as its own outlet. */
export function independentSources(articles: ArticleRecord[]): number {
  const known = new Set(
    articles.flatMap((article) => (article.source ? [article.source.trim().toLowerCase()] : [])),
  );
  return known.size + articles.filter((article) => !article.source).length;
}

const seeds = new Uint32Array(hashes * 2);
for (let k = 0; k < hashes; k++) {
  seeds[2 * k] = (Math.imul(k + 1, 0x9e3779b1) | 1) >>> 0;
  seeds[2 * k + 1] = Math.imul(k + 7, 0x85ebca6b) >>> 0;
}

/** The MinHash signature of a text's word 4-shingles. */
function minhash(text: string): Uint32Array {
  const signature = new Uint32Array(hashes).fill(0xffffffff);
  forEachShingle(text, 4, (h) => {
    const mixed = h >>> 15;
    for (let k = 0; k < hashes; k++) {
      const value =
        (Math.imul(h ^ (seeds[2 * k + 1] as number), seeds[2 * k] as number) ^ mixed) >>> 0;
      if (value < (signature[k] as number)) signature[k] = value;
    }
  });
  return signature;
}

function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < hashes; k++) if (a[k] === b[k]) same++;
  return same / hashes;
}

import type { ArticleRecord, Story } from '../model/types';
import type { Candidate } from './candidate-items';
import { shingleSet } from './candidate-items';

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
 * Groups the articles that tell the same story: syndicated copies (found by MinHash with
 * locality-sensitive hashing over word shingles) and rewrites (found through the near-duplicate
 * sentences they share, which `collectCandidates` has already merged). Both only ever compare
 * articles that share a bucket or a sentence, so the cost grows near-linearly with the edition.
 * Returns every article's story id, and the stories (lead article first: the one whose
 * sentences lead most often, then the earliest key).
 */
export function clusterStories(
  articles: ArticleRecord[],
  candidates: Candidate[],
): { storyOf: Map<string, string>; stories: Story[] } {
  const groups = new ArticleGroups(articles.length);
  joinCopies(articles, groups);
  joinRewrites(articles, candidates, groups);
  const leads = leadSentenceCounts(candidates);
  const stories = groups.members(articles).map((members) => toStory(members, leads));
  const storyOf = new Map<string, string>();
  for (const story of stories) for (const article of story.articles) storyOf.set(article, story.id);
  return { storyOf, stories };
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

  /** The articles of each group, groups in the order of their earliest article. */
  members(articles: ArticleRecord[]): ArticleRecord[][] {
    const byRoot = new Map<number, ArticleRecord[]>();
    articles.forEach((article, i) => {
      const root = this.find(i);
      const group = byRoot.get(root);
      if (group) group.push(article);
      else byRoot.set(root, [article]);
    });
    return [...byRoot.values()];
  }
}

/** Copies: articles whose MinHash signatures share a band and are alike enough overall. */
function joinCopies(articles: ArticleRecord[], groups: ArticleGroups): void {
  const signatures = articles.map((article) => minhash(shingleSet(article.text, 4)));
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

/** The article with the richest lead heads the story; ties go to the earliest key. */
function toStory(group: ArticleRecord[], leads: Map<string, number>): Story {
  const lead = [...group].sort(
    (a, b) => (leads.get(b.id) ?? 0) - (leads.get(a.id) ?? 0) || a.key.localeCompare(b.key),
  )[0] as ArticleRecord;
  const members = [lead, ...group.filter((article) => article !== lead)];
  return {
    id: `story-${lead.id}`,
    headline: lead.title,
    articles: members.map((article) => article.id),
    independentSources: independentSources(members),
  };
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

function minhash(shingles: Set<number>): Uint32Array {
  const signature = new Uint32Array(hashes).fill(0xffffffff);
  for (const h of shingles) {
    const mixed = h >>> 15;
    for (let k = 0; k < hashes; k++) {
      const value =
        (Math.imul(h ^ (seeds[2 * k + 1] as number), seeds[2 * k] as number) ^ mixed) >>> 0;
      if (value < (signature[k] as number)) signature[k] = value;
    }
  }
  return signature;
}

function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < hashes; k++) if (a[k] === b[k]) same++;
  return same / hashes;
}

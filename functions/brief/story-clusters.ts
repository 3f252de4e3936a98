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
  const position = new Map(articles.map((article, i) => [article.id, i]));
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  // Copies: MinHash signatures, banded.
  const signatures = articles.map((article) => minhash(shingleSet(article.text, 4)));
  const buckets = new Map<string, number[]>();
  signatures.forEach((signature, i) => {
    for (let band = 0; band < bands; band++) {
      const key = `${band}:${signature.slice(band * rows, band * rows + rows).join(',')}`;
      const list = buckets.get(key);
      if (!list) buckets.set(key, [i]);
      else {
        for (const j of list) {
          if (estimatedJaccard(signature, signatures[j] as Uint32Array) >= sameText) union(i, j);
        }
        if (list.length < 32) list.push(i);
      }
    }
  });

  // Rewrites: pairs of articles sharing near-duplicate sentences.
  const sentenceCount = articles.map((article) => Math.max(1, article.sentences.length));
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
  for (const [key, count] of shared) {
    const [i, j] = key.split(':').map(Number) as [number, number];
    const smaller = Math.min(sentenceCount[i] as number, sentenceCount[j] as number);
    // Two stock sentences ("The ministry did not respond…") do not make one story.
    if (count >= sharedSentences && count / smaller >= sharedShare) union(i, j);
  }

  const leads = new Map<string, number>();
  for (const candidate of candidates) {
    if (candidate.paragraph === 0) {
      for (const source of candidate.sources) leads.set(source, (leads.get(source) ?? 0) + 1);
    }
  }
  const groups = new Map<number, ArticleRecord[]>();
  articles.forEach((article, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(article);
    else groups.set(root, [article]);
  });
  const storyOf = new Map<string, string>();
  const stories: Story[] = [];
  for (const group of groups.values()) {
    // The article with a title and the richest lead heads the story; ties keep upload order.
    const lead = [...group].sort(
      (a, b) => (leads.get(b.id) ?? 0) - (leads.get(a.id) ?? 0) || a.key.localeCompare(b.key),
    )[0] as ArticleRecord;
    const members = [lead, ...group.filter((article) => article !== lead)];
    const id = `story-${lead.id}`;
    for (const article of members) storyOf.set(article.id, id);
    stories.push({
      id,
      headline: lead.title,
      articles: members.map((article) => article.id),
      independentSources: independentSources(members),
    });
  }
  return { storyOf, stories };
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

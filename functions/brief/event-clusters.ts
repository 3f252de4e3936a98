import { removeStopwords } from 'stopword';
import stem from 'wink-porter2-stemmer';
import type { ArticleRecord } from '../model/types';
import { stopwordsOf } from '../text/stopwords';

/** What decides that two articles report one event. */
export interface EventClusterOptions {
  /** Average-link similarity two groups must reach to be one event. */
  threshold: number;
  /** Reports further apart than this many days are told apart (when both dates are known). */
  maxDaysApart: number;
}

export const defaultEventClusterOptions: EventClusterOptions = { threshold: 0.2, maxDaysApart: 3 };

/** Terms an article is indexed under for finding candidate pairs (its rarest strong terms). */
const blockingTerms = 12;
/** A blocking term shared by more articles than this says nothing about one event. */
const maxPosting = 60;
/** Title words weigh as much as this many body occurrences: a headline names the event. */
const titleWeight = 3;
/** Only the first words of an article are read: the event is told at the top. */
const leadWords = 400;
/** Share of the similarity of two articles in one language that comes from their names. */
const nameWeight = 0.3;
/** Names alone, across languages, count for a little less than words and names together. */
const nameWeightAcross = 0.8;

type Vector = Map<string, number>;

/**
 * Groups articles that report the same event, however they are worded: each article is a
 * TF-IDF vector of its title and lead (stemmed words in any language the stop-word lists know,
 * its actors and the numbers it gives), candidate pairs come only from shared rare terms
 * (blocking, so the cost stays near-linear), and groups are merged by average link while their
 * mean similarity reaches `threshold`. Groups given in `seed` (copies and rewrites already found)
 * start together. Returns groups of indices into `articles`.
 */
export function clusterEvents(
  articles: ArticleRecord[],
  seed: number[][] = articles.map((_, i) => [i]),
  options: EventClusterOptions = defaultEventClusterOptions,
): number[][] {
  const vectors = tfidf(articles.map(termsOf));
  const names = tfidf(articles.map(namesOf));
  const languages = articles.map((article) => article.language);
  const days = articles.map((article) =>
    article.published ? Date.parse(`${article.published}T00:00:00Z`) / 86_400_000 : null,
  );
  const similarity = (i: number, j: number): number => {
    const a = days[i];
    const b = days[j];
    if (a != null && b != null && Math.abs(a - b) > options.maxDaysApart) return 0;
    const byNames = cosine(names[i] as Vector, names[j] as Vector);
    // Across languages the words differ; the names, actors and numbers do not.
    if (languages[i] !== languages[j]) return nameWeightAcross * byNames;
    return (
      (1 - nameWeight) * cosine(vectors[i] as Vector, vectors[j] as Vector) + nameWeight * byNames
    );
  };
  const pairs = new Set<number>();
  const n = articles.length;
  for (const [i, j] of [...candidatePairs(vectors), ...candidatePairs(names)]) pairs.add(i * n + j);
  const candidates = [...pairs].map((key): [number, number] => [Math.floor(key / n), key % n]);
  return averageLink(seed, candidates, similarity, options.threshold);
}

/** The weighted terms of an article: stems of its title and lead, its actors, its numbers. */
function termsOf(article: ArticleRecord): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  const stopwords = stopwordsOf(article.language);
  const words = (text: string) =>
    removeStopwords(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [], stopwords).filter(
      (word) => word.length > 2 || /^\d+$/.test(word),
    );
  for (const word of words(article.title)) add(stemOf(word, article.language), titleWeight);
  for (const word of words(article.text).slice(0, leadWords))
    add(stemOf(word, article.language), 1);
  for (const actor of article.actors) add(`@${actor}`, 1);
  return counts;
}

/** The names (capitalised words), actors and numbers of an article's title and lead. */
function namesOf(article: ArticleRecord): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  const stopwords = new Set(stopwordsOf(article.language));
  const read = (text: string, weight: number) => {
    for (const word of text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.slice(0, leadWords) ?? []) {
      if (/^\d{2,}/.test(word)) add(`#${word}`, weight);
      else if (/^\p{Lu}/u.test(word) && word.length > 2 && !stopwords.has(word.toLowerCase()))
        add(word.toLowerCase().replace(/['’]s$/, ''), weight);
    }
  };
  read(article.title, titleWeight);
  read(article.text, 1);
  for (const actor of article.actors) add(`@${actor}`, 2);
  return counts;
}

function stemOf(word: string, language: string): string {
  if (/^\d/.test(word)) return `#${word}`;
  return language === 'en' || language === 'eng' ? stem(word) : word;
}

function tfidf(documents: Map<string, number>[]): Vector[] {
  const df = new Map<string, number>();
  for (const document of documents)
    for (const term of document.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = documents.length;
  return documents.map((document) => {
    const vector: Vector = new Map();
    let norm = 0;
    for (const [term, count] of document) {
      const seen = df.get(term) ?? 1;
      // A term in one article only cannot link it to another; it only dilutes the vector.
      if (seen < 2) continue;
      const weight = (1 + Math.log(count)) * Math.log((n + 1) / seen);
      if (weight <= 0) continue;
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}

/** Pairs of articles that share one of their strongest terms; never all pairs. */
function candidatePairs(vectors: Vector[]): [number, number][] {
  const postings = new Map<string, number[]>();
  vectors.forEach((vector, i) => {
    const strongest = [...vector].sort((a, b) => b[1] - a[1]).slice(0, blockingTerms);
    for (const [term] of strongest) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  const pairs = new Set<number>();
  const n = vectors.length;
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > maxPosting) continue;
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++)
        pairs.add((list[a] as number) * n + (list[b] as number));
  }
  return [...pairs].map((key) => [Math.floor(key / n), key % n]);
}

/**
 * Average-link agglomeration over the candidate pairs: repeatedly merges the two groups with
 * the highest mean pairwise similarity (every cross pair counted, not only candidates) while
 * it reaches `threshold`.
 */
function averageLink(
  seed: number[][],
  pairs: [number, number][],
  similarity: (i: number, j: number) => number,
  threshold: number,
): number[][] {
  const groups = new Map<number, number[]>(seed.map((members, g) => [g, [...members]]));
  const groupOf = new Map<number, number>();
  seed.forEach((members, g) => {
    for (const i of members) groupOf.set(i, g);
  });
  const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const linked = new Map<string, [number, number]>();
  for (const [i, j] of pairs) {
    const a = groupOf.get(i) as number;
    const b = groupOf.get(j) as number;
    if (a !== b) linked.set(pairKey(a, b), a < b ? [a, b] : [b, a]);
  }
  const meanCache = new Map<string, number>();
  const mean = (a: number, b: number): number => {
    const key = pairKey(a, b);
    const known = meanCache.get(key);
    if (known !== undefined) return known;
    const left = groups.get(a) as number[];
    const right = groups.get(b) as number[];
    let sum = 0;
    for (const i of left) for (const j of right) sum += similarity(i, j);
    const value = sum / (left.length * right.length);
    meanCache.set(key, value);
    return value;
  };
  for (;;) {
    let best: [number, number] | null = null;
    let bestValue = threshold;
    for (const [a, b] of linked.values()) {
      const value = mean(a, b);
      if (value >= bestValue) {
        bestValue = value;
        best = [a, b];
      }
    }
    if (!best) break;
    const [keep, gone] = best;
    (groups.get(keep) as number[]).push(...(groups.get(gone) as number[]));
    groups.delete(gone);
    const neighbours = new Set<number>();
    for (const [key, [a, b]] of linked) {
      if (a === keep || b === keep || a === gone || b === gone) {
        linked.delete(key);
        meanCache.delete(key);
        const other = a === keep || a === gone ? b : a;
        if (other !== keep && other !== gone) neighbours.add(other);
      }
    }
    for (const other of neighbours)
      linked.set(pairKey(keep, other), keep < other ? [keep, other] : [other, keep]);
  }
  return [...groups.values()];
}

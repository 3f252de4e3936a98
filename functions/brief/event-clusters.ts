import stem from 'wink-porter2-stemmer';
import type { ArticleRecord } from '../model/types';
import { statedTime } from '../text/calendar';
import { calendarWords } from '../text/function-words';
import { startsUpper, withoutMarks } from '../text/letter-tests';
import { stopwordsOf } from '../text/stopwords';
import { dot, type SparseVector, sparseVector, TermIds } from './sparse-vector';

/** What decides that two articles report one event. */
export interface EventClusterOptions {
  /** Average-link similarity two groups must reach to be one event. */
  threshold: number;
  /**
   * Reports whose event days (or, when only those are known, weekdays) are further apart than
   * this many days are told apart: one event is reported on its day or the next.
   */
  maxDaysApart: number;
}

export const defaultEventClusterOptions: EventClusterOptions = { threshold: 0.16, maxDaysApart: 1 };

/** Terms an article is indexed under for finding candidate pairs (its strongest terms). */
const blockingTerms = 12;
/** A blocking term shared by more articles than this says nothing about one event. */
const maxPosting = 60;
/** Title words weigh as much as this many body occurrences: a headline names the event. */
const titleWeight = 3;
/** Only the first words of an article are read: the event is told at the top. */
const leadWords = 400;
/** The words in which a report states when its event happened ("on Monday", "on 17 July"). */
const timeLeadWords = 80;
/** Share of the similarity of two articles in one language that comes from their names. */
const nameWeight = 0.3;
/** Names are compared across languages by their letter triples: "Odessa" and "Odesa" are one place. */
const gramSize = 3;

type Vector = Map<string, number>;

/** When an article's event happened, as far as its text and metadata tell. */
export interface EventTime {
  /** Day number (days since 1970-01-01), or null when unknown. */
  day: number | null;
  /** Weekday (0 = Sunday), or null when unknown. */
  weekday: number | null;
}

/**
 * Groups articles that report the same event, however they are worded. Each article is read
 * as a TF-IDF vector of its title and lead (stemmed words in any language the stop-word lists
 * know), a vector of the names, actors and numbers it gives (across languages: their letter
 * triples, so "Odessa" meets "Odesa"), and the day or weekday it says its event happened.
 * Candidate pairs come only from shared strong terms (blocking, so the cost stays
 * near-linear); reports of days further apart than `maxDaysApart` never match, and a shared
 * day raises the similarity as much as that day is rare in the edition. Groups are merged by
 * average link while their mean similarity reaches `threshold`. Groups given in `seed` (copies
 * and rewrites already found) start together. Returns groups of indices into `articles`.
 */
export function clusterEvents(
  articles: ArticleRecord[],
  seed: number[][] = articles.map((_, i) => [i]),
  options: EventClusterOptions = defaultEventClusterOptions,
): number[][] {
  const { similarity, candidates } = eventSimilarity(articles, options);
  return averageLink(seed, candidates, similarity, options.threshold);
}

/** The similarity of two articles (by position, i < j) and the candidate pairs worth comparing. */
export function eventSimilarity(
  articles: ArticleRecord[],
  options: EventClusterOptions = defaultEventClusterOptions,
): { similarity: (i: number, j: number) => number; candidates: [number, number][] } {
  const words = tfidf(articles.map(termsOf));
  const memo = newNameMemo();
  const nameCounts = articles.map((article) => namesOf(article, memo));
  const names = tfidf(nameCounts);
  const languages = articles.map((article) => article.language);
  // Letter triples serve only across languages: an edition in one language needs none.
  const severalLanguages = new Set(languages).size > 1;
  const grams = severalLanguages ? tfidf(nameCounts.map(lettersOf)) : [];
  // The same vectors packed for the many dot products of the pairs.
  const packed = (vectors: Vector[]) => {
    const ids = new TermIds();
    return vectors.map((vector) => sparseVector(vector, ids));
  };
  const wordVectors = packed(words);
  const nameVectors = packed(names);
  const gramVectors = packed(grams);
  const named = articles.map(namedActors);
  const leading = articles.map(leadActors);
  const times = articles.map(eventTimeOf);
  const dayShare = informativeness(times.map((time) => time.day));
  const weekdayShare = informativeness(times.map((time) => time.weekday));

  // Across languages only some names can be shared (a language writes "Ucrania", the other
  // "Ukraine"): the part of each vector made of letter triples the other language ever uses is
  // what the two can agree on.
  const usedIn = new Map<string, Set<string>>();
  grams.forEach((vector, i) => {
    const used = usedIn.get(languages[i] as string) ?? new Set<string>();
    for (const term of vector.keys()) used.add(term);
    usedIn.set(languages[i] as string, used);
  });
  /** By language, each article's norm over that language's triples (NaN: not worked out yet). */
  const comparableNorms = new Map<string, Float64Array>();
  const comparable = (i: number, language: string) => {
    let norms = comparableNorms.get(language);
    if (!norms) {
      norms = new Float64Array(articles.length).fill(Number.NaN);
      comparableNorms.set(language, norms);
    }
    let norm = norms[i] as number;
    if (Number.isNaN(norm)) {
      const used = usedIn.get(language) as Set<string>;
      let sum = 0;
      for (const [term, weight] of grams[i] as Vector) if (used.has(term)) sum += weight * weight;
      norm = Math.sqrt(sum);
      norms[i] = norm;
    }
    return norm;
  };
  /**
   * The geometric mean of the plain cosine of the names' letter triples and their cosine
   * over the comparable part alone: the first undercounts what two languages can share, the
   * second overcounts a match on little.
   */
  const acrossLanguages = (i: number, j: number) => {
    const plain = dot(gramVectors[i] as SparseVector, gramVectors[j] as SparseVector);
    const a = comparable(i, languages[j] as string);
    const b = comparable(j, languages[i] as string);
    return a > 0 && b > 0 ? plain / Math.sqrt(a * b) : 0;
  };
  /** Each lead names an actor the other report never names: two events, not one. */
  const apart = (i: number, j: number): boolean =>
    languages[i] === languages[j] &&
    namesOneUnnamedBy(leading[i] as Set<string>, named[j] as Set<string>) &&
    namesOneUnnamedBy(leading[j] as Set<string>, named[i] as Set<string>);
  const similarity = (i: number, j: number): number => {
    const a = times[i] as EventTime;
    const b = times[j] as EventTime;
    let sameDay = 0;
    if (a.day !== null && b.day !== null) {
      const apart = Math.abs(a.day - b.day);
      if (apart > options.maxDaysApart) return 0;
      if (apart === 0) sameDay = dayShare(a.day);
    } else if (a.weekday !== null && b.weekday !== null) {
      const apart = Math.abs(a.weekday - b.weekday);
      if (Math.min(apart, 7 - apart) > options.maxDaysApart) return 0;
      if (apart === 0) sameDay = weekdayShare(a.weekday);
    }
    if (apart(i, j)) return 0;
    const text =
      languages[i] === languages[j]
        ? (1 - nameWeight) * dot(wordVectors[i] as SparseVector, wordVectors[j] as SparseVector) +
          nameWeight * dot(nameVectors[i] as SparseVector, nameVectors[j] as SparseVector)
        : // Across languages the words differ; the names, actors and numbers do not.
          acrossLanguages(i, j);
    return text * (1 + sameDay);
  };
  const pairs = new Set<number>();
  const n = articles.length;
  for (const vectors of [words, names])
    for (const [i, j] of candidatePairs(vectors)) pairs.add(i * n + j);
  for (const [i, j] of candidatePairs(grams))
    if (languages[i] !== languages[j]) pairs.add(i * n + j);
  const candidates = [...pairs].map((key): [number, number] => [Math.floor(key / n), key % n]);
  return { similarity, candidates };
}

/**
 * The day an article's event happened: a date its title or lead states ("on 17 July"), else
 * the weekday it names ("on Monday") taken as the last such day up to its publication, else
 * its publication day. A stated date with another year than the edition's is history or a
 * file photo, not the event. Without a publication date, a named weekday is still known.
 */
export function eventTimeOf(article: ArticleRecord): EventTime {
  const lead = `${article.title}\n${firstWords(article.text, timeLeadWords)}`;
  const stated = statedTime(lead, article.language);
  const editionDay = dayNumber(article.edition);
  const editionYear = Number(article.edition.slice(0, 4));
  let day: number | null = null;
  for (const date of stated.dates) {
    if (date.year !== null && date.year !== editionYear) continue;
    let candidate = Date.UTC(editionYear, date.month, date.day) / 86_400_000;
    // "30 December" read in a January edition is last year's.
    if (editionDay !== null && candidate > editionDay + 31)
      candidate = Date.UTC(editionYear - 1, date.month, date.day) / 86_400_000;
    day = candidate;
    break;
  }
  if (day !== null) return { day, weekday: weekdayOf(day) };
  const weekday = stated.weekdays[0] ?? null;
  const published = article.published ? dayNumber(article.published) : null;
  if (published === null) return { day: null, weekday };
  if (weekday === null) return { day: published, weekday: weekdayOf(published) };
  return { day: published - ((weekdayOf(published) - weekday + 7) % 7), weekday };
}

function dayNumber(isoDay: string): number | null {
  const time = Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? null : time / 86_400_000;
}

/** Every actor an article names, in any sentence. */
function namedActors(article: ArticleRecord): Set<string> {
  const actors = new Set(article.actors);
  for (const sentence of article.sentences) for (const actor of sentence.actors) actors.add(actor);
  return actors;
}

/** The actors of an article's lead paragraph: who its event is about. */
function leadActors(article: ArticleRecord): Set<string> {
  const actors = new Set<string>();
  for (const sentence of article.sentences)
    if (sentence.paragraph === 0) for (const actor of sentence.actors) actors.add(actor);
  return actors;
}

function namesOneUnnamedBy(lead: Set<string>, other: Set<string>): boolean {
  for (const actor of lead) if (!other.has(actor)) return true;
  return false;
}

/** 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * How much sharing a value says, 0…1: the inverse document frequency of the value among the
 * articles that have one, over its largest possible value. In an edition of one day, sharing
 * that day says nothing; in an edition of three weeks, it says much.
 */
function informativeness(values: (number | null)[]): (value: number) => number {
  const known = values.filter((value): value is number => value !== null);
  const counts = new Map<number, number>();
  for (const value of known) counts.set(value, (counts.get(value) ?? 0) + 1);
  const n = known.length;
  // Add-one smoothing: in a small edition a rare day is weak evidence.
  return (value) =>
    n < 2 ? 0 : Math.log((n + 1) / ((counts.get(value) ?? n) + 1)) / Math.log(n + 1);
}

/** A term worth indexing: a content word of three letters or more, or a number; no day or month. */
const keep = (word: string) => (word.length > 2 || /^\d+$/.test(word)) && !calendarWords.has(word);

/** The weighted terms of an article: stems of its title and lead, its actors, its numbers. */
function termsOf(article: ArticleRecord): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  for (const word of contentWords(headlineOf(article), article.language, keep))
    add(stemOf(word, article.language), titleWeight);
  for (const word of contentWords(article.text, article.language, keep, leadWords))
    add(stemOf(word, article.language), 1);
  for (const actor of article.actors) add(`@${actor}`, 1);
  return counts;
}

/** Words the article writes in lower case, which are then no names. */
const lowerCaseWord = /(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{N}]*/gu;
/** A number read whole ("60,000", "2.5") or a word with its apostrophes and hyphens. */
const nameToken = /\p{N}[\p{N},.]*\p{N}|\p{N}|\p{L}[\p{L}\p{N}'’-]*/gu;
const numberFirst = /^\p{N}/u;

interface NameMemo {
  /** By language, a word → the word in lower case when it can be a name, else null. */
  names: Map<string, Map<string, string | null>>;
  /** A name in lower case → without its accents ("são" → "sao"). */
  bare: Map<string, string>;
}

const newNameMemo = (): NameMemo => ({ names: new Map(), bare: new Map() });

/**
 * The names, actors and numbers of an article's title and lead. A name is a capitalised word
 * that the article never writes in lower case (so "Minister" or a sentence's first word is no
 * name), and neither a stop word nor a day or month; numbers are read whole ("60,000").
 * `memo` keeps what the words of one call's articles are indexed as: the same words recur in
 * every report of a day.
 */
function namesOf(article: ArticleRecord, memo: NameMemo): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  const stopwords = stopwordSet(article.language);
  const body = firstWords(article.text, leadWords);
  const lowered = new Set(`${article.title} ${body}`.match(lowerCaseWord) ?? []);
  let names = memo.names.get(article.language);
  if (!names) {
    names = new Map();
    memo.names.set(article.language, names);
  }
  const nameOf = (word: string): string | null => {
    let name = names.get(word);
    if (name === undefined) {
      const lower = word.toLowerCase();
      name =
        !startsUpper(word) || word.length < 3 || stopwords.has(lower) || calendarWords.has(lower)
          ? null
          : lower;
      names.set(word, name);
    }
    return name;
  };
  const read = (text: string, weight: number) => {
    for (const token of text.match(nameToken) ?? []) {
      if (numberFirst.test(token)) {
        const number = token.replace(/[,.](?=\d{3}(?:\D|$))/g, '');
        if (number.length >= 2) add(`#${number}`, weight);
        continue;
      }
      // "Russia's" is "Russia"; the test before the pattern spares most tokens a new string.
      const possessive = token.endsWith('s') && /['’]s$/.test(token);
      const lower = nameOf(possessive ? token.slice(0, -2) : token);
      if (lower === null || lowered.has(lower)) continue;
      let bare = memo.bare.get(lower);
      if (bare === undefined) {
        bare = withoutMarks(lower.normalize('NFD'));
        memo.bare.set(lower, bare);
      }
      add(bare, weight);
    }
  };
  read(headlineOf(article), titleWeight);
  read(body, 1);
  for (const actor of article.actors) add(`@${actor}`, 2);
  return counts;
}

/** Names as letter triples ("^od", "ode", "des", …), actors and numbers as they are. */
function lettersOf(names: Map<string, number>): Map<string, number> {
  const grams = new Map<string, number>();
  const add = (term: string, weight: number) => grams.set(term, (grams.get(term) ?? 0) + weight);
  for (const [name, weight] of names) {
    if (name.startsWith('@') || name.startsWith('#')) {
      add(name, weight);
      continue;
    }
    const padded = `^${name}$`;
    for (let k = 0; k + gramSize <= padded.length; k++) add(padded.slice(k, k + gramSize), weight);
  }
  return grams;
}

/**
 * The title an upload gave, weighed as a headline; none when the title was cut from the lead
 * (the lead is read as text already: counting it again would make it the whole article).
 */
function headlineOf(article: ArticleRecord): string {
  return article.provenance.title === 'lead-sentence' ? '' : article.title;
}

function stemOf(word: string, language: string): string {
  if (/^\d/.test(word)) return `#${word}`;
  return language === 'en' || language === 'eng' ? stemEnglish(word) : word;
}

const stems = new Map<string, string>();

/** The Porter2 stem of an English word, remembered (an edition repeats its words). */
export function stemEnglish(word: string): string {
  let known = stems.get(word);
  if (known === undefined) {
    known = stem(word);
    if (stems.size > 200_000) stems.clear();
    stems.set(word, known);
  }
  return known;
}

const stopwordSets = new Map<string, Set<string>>();

/** The stop words of a language as a set, built once per language. */
function stopwordSet(language: string): Set<string> {
  let stopwords = stopwordSets.get(language);
  if (!stopwords) {
    stopwords = new Set(stopwordsOf(language));
    stopwordSets.set(language, stopwords);
  }
  return stopwords;
}

/**
 * The content words of a text in its language: lower case, no stop words; only those `keep`
 * accepts, and the first `limit` of them (the rest of the text is not read).
 */
export function contentWords(
  text: string,
  language: string,
  keep?: (word: string) => boolean,
  limit = Number.POSITIVE_INFINITY,
): string[] {
  const stopwords = stopwordSet(language);
  const words: string[] = [];
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (words.length >= limit) break;
    if (!stopwords.has(word) && (!keep || keep(word))) words.push(word);
  }
  return words;
}

/**
 * The text's first `count` words, joined by single spaces: `text.split(/\s+/, count).join(' ')`
 * without splitting the rest of a long text.
 */
export function firstWords(text: string, count: number): string {
  let end = text.length;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    if (++seen === count) {
      end = i;
      break;
    }
    while (i + 1 < text.length && isSpace(text.charCodeAt(i + 1))) i++;
  }
  return text.slice(0, end).replace(/\s+/g, ' ');
}

/** What `\s` matches: ECMAScript white space and line terminators (Unicode Zs, tabs, breaks, BOM). */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
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

/**
 * The `count` heaviest terms of a vector, heaviest first, a tie in the vector's order: what a
 * stable sort by weight would put first, without sorting the whole vector.
 */
function strongestTerms(vector: Vector, count: number): string[] {
  const terms: string[] = [];
  const weights: number[] = [];
  for (const [term, weight] of vector) {
    if (terms.length === count && weight <= (weights[count - 1] as number)) continue;
    let at = terms.length;
    while (at > 0 && (weights[at - 1] as number) < weight) at--;
    terms.splice(at, 0, term);
    weights.splice(at, 0, weight);
    if (terms.length > count) {
      terms.pop();
      weights.pop();
    }
  }
  return terms;
}

/** Pairs of articles that share one of their strongest terms; never all pairs. */
function candidatePairs(vectors: Vector[]): [number, number][] {
  const postings = new Map<string, number[]>();
  vectors.forEach((vector, i) => {
    for (const term of strongestTerms(vector, blockingTerms)) {
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
 * Average-link agglomeration: repeatedly merges the two groups with the highest mean pairwise
 * similarity while it reaches `threshold`. Groups that share a candidate pair are linked; for
 * each linked pair of groups the sum of similarities over every cross pair is kept, and a
 * merge adds the sums (Lance–Williams), computing only the cross pairs not summed yet. The
 * best link comes from a heap, so the cost grows with the links, not with all pairs.
 */
function averageLink(
  seed: number[][],
  pairs: [number, number][],
  similarity: (i: number, j: number) => number,
  threshold: number,
): number[][] {
  // Groups by number (their position in `seed`); a merged group keeps the lower-numbered
  // side's number. A group merged away is dead: its links are dropped from its neighbours'
  // maps lazily (skipped when read), as deleting them one by one cost more than the merges.
  const members: number[][] = seed.map((group) => [...group]);
  const alive = new Uint8Array(members.length).fill(1);
  const groupOf: number[] = [];
  seed.forEach((group, g) => {
    for (const i of group) groupOf[i] = g;
  });
  const crossSum = (a: number, b: number): number => {
    let sum = 0;
    for (const x of members[a] as number[])
      for (const y of members[b] as number[]) sum += x < y ? similarity(x, y) : similarity(y, x);
    return sum;
  };
  const sums: Map<number, number>[] = members.map(() => new Map());
  for (const [i, j] of pairs) {
    const a = groupOf[i] as number;
    const b = groupOf[j] as number;
    const linksA = sums[a] as Map<number, number>;
    if (a === b || linksA.has(b)) continue;
    const sum = crossSum(a, b);
    linksA.set(b, sum);
    sums[b]?.set(a, sum);
  }
  /** Each group's version: a merge makes the links weighed before it stale (-1: dead). */
  const version = new Int32Array(members.length);
  const heap = new LinkHeap();
  const push = (a: number, b: number) => {
    const sum = sums[a]?.get(b) ?? 0;
    const mean = sum / ((members[a] as number[]).length * (members[b] as number[]).length);
    if (mean >= threshold)
      heap.push({ mean, a, b, va: version[a] as number, vb: version[b] as number });
  };
  sums.forEach((links, a) => {
    for (const b of links.keys()) if (a < b) push(a, b);
  });
  for (;;) {
    const link = heap.pop();
    if (!link) break;
    const { a, b } = link;
    if (version[a] !== link.va || version[b] !== link.vb) continue;
    const linksA = sums[a] as Map<number, number>;
    const linksB = sums[b] as Map<number, number>;
    // Each neighbour's sum with the merged group: what was kept, plus the side never summed.
    const merged = new Map<number, number>();
    linksA.forEach((sum, other) => {
      if (other === b || !alive[other]) return;
      merged.set(other, sum + (linksB.get(other) ?? crossSum(b, other)));
    });
    linksB.forEach((sum, other) => {
      if (other === a || !alive[other] || linksA.has(other)) return;
      merged.set(other, crossSum(a, other) + sum);
    });
    const into = members[a] as number[];
    for (const i of members[b] as number[]) into.push(i);
    members[b] = [];
    alive[b] = 0;
    version[b] = -1;
    sums[b] = new Map();
    version[a] = (version[a] as number) + 1;
    sums[a] = merged;
    merged.forEach((sum, other) => {
      sums[other]?.set(a, sum);
      push(Math.min(a, other), Math.max(a, other));
    });
  }
  return members.filter((_, g) => alive[g]);
}

interface Link {
  mean: number;
  a: number;
  b: number;
  /** Versions of the two groups when the link was weighed; a merge makes it stale. */
  va: number;
  vb: number;
}

/** A max-heap of links by mean similarity (ties: lower group ids first, for stable results). */
class LinkHeap {
  private readonly items: Link[] = [];

  push(link: Link): void {
    const items = this.items;
    items.push(link);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(items[i] as Link, items[parent] as Link)) break;
      [items[i], items[parent]] = [items[parent] as Link, items[i] as Link];
      i = parent;
    }
  }

  pop(): Link | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < items.length && this.above(items[left] as Link, items[best] as Link))
          best = left;
        if (right < items.length && this.above(items[right] as Link, items[best] as Link))
          best = right;
        if (best === i) break;
        [items[i], items[best]] = [items[best] as Link, items[i] as Link];
        i = best;
      }
    }
    return top;
  }

  private above(x: Link, y: Link): boolean {
    return x.mean > y.mean || (x.mean === y.mean && (x.a < y.a || (x.a === y.a && x.b < y.b)));
  }
}

import { createHash } from 'node:crypto';
import type { ActorId, ArticleRecord, BriefItem, ThemeId } from '../model/types';

/** A sentence of the edition, merged across the articles that carry it. */
export interface Candidate {
  id: string;
  text: string;
  actors: ActorId[];
  themes: ThemeId[];
  principal: ActorId | null;
  sources: string[];
  score: number;
  /** Best (lowest) paragraph index among its sources: 0 is a lead. */
  paragraph: number;
  /** False for sentences that cannot stand alone (bare pronoun subject, lower-case start, low score). */
  quotable: boolean;
}

/** A bare pronoun subject ("He said…", "This is…"); "This agreement…" names its subject. */
const barePronounSubject =
  /^(?:[“"‘']\s*)?(?:(?:he|she|it|they|his|her|its|their)\b|(?:this|these|those|that)\s+(?:is|was|are|were|has|have|had|will|would|could|can|may|might|should|means|meant|comes|came|shows|showed)\b)/i;
const leadingConjunction = /^(?:and|but|so|also|meanwhile|however|moreover),?\s+/i;
/** "LONDON, August 30. /TASS/." or "MOSCOW (Reuters) -" left at the start of a sentence. */
const dateline =
  /^\p{Lu}[\p{Lu} .'-]{1,40}(?:,\s*[\p{L}]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\.\s*)?(?:\/[\p{L} -]{2,20}\/\.?|\([\p{L} -]{2,20}\)\s*[-–—])\s*/u;
/** A bare-pronoun attribution tail: ", he said." / ", she added." (a named speaker is kept). */
const pronounTail =
  /,\s*(?:he|she|they|it)\s+(?:said|says|added|noted|stressed|told reporters|explained)\s*([.!?])$/i;
const shingleSize = 3;
const sameSentence = 0.7;
/** A shingle shared by more sentences than this is boilerplate and does not find twins. */
const maxPosting = 32;

/**
 * Every sentence of the edition, with near-duplicates (the same sentence in wire copy and its
 * rewrites, a standfirst repeated in the body) merged into one candidate citing all its
 * sources. Near-duplicates are found through a shingle index with capped posting lists, so the
 * cost grows with the number of sentences, not with its square. Every sentence takes part in
 * the merging (so stories can be told apart by what they share); only `quotable` ones are
 * ever printed.
 */
export function collectCandidates(articles: ArticleRecord[], minScore: number): Candidate[] {
  const candidates: Candidate[] = [];
  const shingles: Set<number>[] = [];
  const keys: Set<string>[] = [];
  const index = new Map<number, number[]>();
  for (const article of articles) {
    for (const sentence of article.sentences) {
      const text = tidy(sentence.text);
      const own = shingleSet(text);
      const ownKeys = keyTokens(text);
      const quotable =
        sentence.score >= minScore && !barePronounSubject.test(text) && !/^\p{Ll}/u.test(text);
      const twin = findTwin(own, ownKeys, shingles, keys, index);
      if (twin !== null) {
        const existing = candidates[twin] as Candidate;
        if (!existing.sources.includes(article.id)) existing.sources.push(article.id);
        // The better-scoring wording of the two is the one printed.
        if (quotable && (!existing.quotable || sentence.score > existing.score)) {
          existing.text = text;
          existing.actors = sentence.actors;
          existing.themes = sentence.themes;
          existing.principal = sentence.principal;
        }
        existing.quotable ||= quotable;
        existing.score = Math.max(existing.score, sentence.score);
        existing.paragraph = Math.min(existing.paragraph, sentence.paragraph);
        continue;
      }
      const position = candidates.length;
      candidates.push({
        id: itemId(text),
        text,
        actors: sentence.actors,
        themes: sentence.themes,
        principal: sentence.principal,
        sources: [article.id],
        score: sentence.score,
        paragraph: sentence.paragraph,
        quotable,
      });
      shingles.push(own);
      keys.push(ownKeys);
      for (const shingle of own) {
        const list = index.get(shingle);
        if (!list) index.set(shingle, [position]);
        else if (list.length < maxPosting) list.push(position);
      }
    }
  }
  return candidates;
}

/**
 * Light, faithful trimming, never adding words: a dateline left at the start, a leading
 * conjunction, a bare ", he said" tail; a closing full stop on standfirsts.
 */
export function tidy(text: string): string {
  let tidied = text.trim().replace(dateline, '').replace(leadingConjunction, '');
  // A quote keeps its tail: without it the quote would have no speaker at all.
  if (!/[“"]/.test(tidied)) tidied = tidied.replace(pronounTail, '$1');
  tidied = tidied.charAt(0).toUpperCase() + tidied.slice(1);
  return /[.!?…"”’)]$/.test(tidied) ? tidied : `${tidied}.`;
}

/** Shared-shingle counts per candidate, reused across sentences (reset after each lookup). */
let counts = new Uint16Array(1024);

function findTwin(
  own: Set<number>,
  ownKeys: Set<string>,
  shingles: Set<number>[],
  keys: Set<string>[],
  index: Map<number, number[]>,
): number | null {
  if (counts.length < shingles.length) counts = new Uint16Array(shingles.length * 2);
  const touched: number[] = [];
  for (const shingle of own) {
    const list = index.get(shingle);
    if (!list) continue;
    for (const position of list) {
      if (counts[position] === 0) touched.push(position);
      counts[position] = (counts[position] as number) + 1;
    }
  }
  let twin: number | null = null;
  for (const position of touched) {
    const shared = counts[position] as number;
    counts[position] = 0;
    if (twin !== null) continue;
    const other = shingles[position] as Set<number>;
    // Containment, not plain Jaccard: a standfirst is often a shortened copy of a body sentence.
    if (shared / Math.min(own.size, other.size) < sameSentence) continue;
    if (sameFacts(ownKeys, keys[position] as Set<string>)) twin = position;
  }
  return twin;
}

/**
 * Numbers and names of a sentence: two sentences that differ in them ("pledged 285 million"
 * and "pledged 385 million", "in Kyiv" and "in Tokyo") are different facts, however alike the
 * rest of the wording.
 */
function keyTokens(text: string): Set<string> {
  const tokens = text.match(/\p{N}[\p{N}.,]*|(?<!^)\p{Lu}[\p{L}'-]+/gu) ?? [];
  return new Set(tokens.map((token) => token.replace(/[.,]$/, '').toLowerCase()));
}

/** The shorter sentence's numbers and names all appear in the longer one (a standfirst may drop some). */
function sameFacts(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const token of small) if (!large.has(token)) return false;
  return true;
}

/**
 * Hashed word shingles of a text (32-bit FNV-1a of each word, combined over `size` words):
 * numbers, not strings, so indexing 100,000 sentences stays cheap. A collision costs at most
 * one shingle of overlap.
 */
export function shingleSet(text: string, size = shingleSize): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const hashes = words.map(fnv1a);
  const set = new Set<number>();
  for (let i = 0; i + size <= hashes.length; i++) {
    let h = 0x9747b28c;
    for (let k = 0; k < size; k++) h = Math.imul(h ^ (hashes[i + k] as number), 0x5bd1e995) >>> 0;
    set.add(h);
  }
  if (set.size === 0 && words.length) set.add(fnv1a(words.join(' ')));
  return set;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function itemId(text: string): string {
  const normalised = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 12);
}

/** The item a candidate is printed as; its lead theme heads it in an actor section. */
export function toItem(candidate: Candidate): BriefItem {
  return {
    id: candidate.id,
    text: candidate.text,
    actors: candidate.actors,
    themes: candidate.themes,
    sources: candidate.sources,
    theme: candidate.themes[0] ?? null,
  };
}

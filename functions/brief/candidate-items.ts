import { createHash } from 'node:crypto';
import type { ActorId, ArticleRecord, ThemeId } from '../core/types';

/** A sentence worth quoting, merged across the articles that carry it. */
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
}

const pronounStart = /^(?:[“"‘']\s*)?(he|she|it|they|this|these|those|his|her|its|their)\b/i;
const leadingConjunction = /^(?:and|but|so|also)\s+/i;
const shingleSize = 3;
const sameSentence = 0.7;

/**
 * Every quotable sentence of the edition, with near-duplicates (the same sentence in wire copy
 * and its rewrites, a standfirst repeated in the body) merged into one candidate citing all its
 * sources. Near-duplicates are found through a shingle index, so the cost grows with the number
 * of sentences, not with its square.
 */
export function collectCandidates(articles: ArticleRecord[], minScore: number): Candidate[] {
  const candidates: Candidate[] = [];
  const shingles: Set<string>[] = [];
  const index = new Map<string, number[]>();
  for (const article of articles) {
    for (const sentence of article.sentences) {
      if (
        sentence.score < minScore ||
        pronounStart.test(sentence.text) ||
        /^\p{Ll}/u.test(sentence.text)
      )
        continue;
      const text = tidy(sentence.text);
      const own = shingleSet(text);
      const twin = findTwin(own, shingles, index);
      if (twin !== null) {
        const existing = candidates[twin] as Candidate;
        if (!existing.sources.includes(article.id)) existing.sources.push(article.id);
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
      });
      shingles.push(own);
      for (const shingle of own) {
        const list = index.get(shingle) ?? [];
        list.push(position);
        index.set(shingle, list);
      }
    }
  }
  return candidates;
}

/** Light, faithful trimming: no leading conjunction, a closing full stop on standfirsts. */
export function tidy(text: string): string {
  let tidied = text.trim().replace(leadingConjunction, '');
  tidied = tidied.charAt(0).toUpperCase() + tidied.slice(1);
  return /[.!?…"”’)]$/.test(tidied) ? tidied : `${tidied}.`;
}

function findTwin(
  own: Set<string>,
  shingles: Set<string>[],
  index: Map<string, number[]>,
): number | null {
  const overlap = new Map<number, number>();
  for (const shingle of own) {
    for (const position of index.get(shingle) ?? [])
      overlap.set(position, (overlap.get(position) ?? 0) + 1);
  }
  for (const [position, shared] of overlap) {
    const other = shingles[position] as Set<string>;
    // Containment, not plain Jaccard: a standfirst is often a shortened copy of a body sentence.
    if (shared / Math.min(own.size, other.size) >= sameSentence) return position;
  }
  return null;
}

function shingleSet(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const set = new Set<string>();
  for (let i = 0; i + shingleSize <= words.length; i++)
    set.add(words.slice(i, i + shingleSize).join(' '));
  if (set.size === 0 && words.length) set.add(words.join(' '));
  return set;
}

export function itemId(text: string): string {
  const normalised = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 12);
}

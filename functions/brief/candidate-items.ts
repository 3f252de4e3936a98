import { createHash } from 'node:crypto';
import stem from 'wink-porter2-stemmer';
import type { ActorId, ArticleRecord, BriefItem, SentenceRecord, ThemeId } from '../model/types';
import type { Lexicon } from '../reference/reference-data';
import { Postings } from './postings';
import {
  hasPronounAttribution,
  quoteMarks,
  type Unquotable,
  unquotableIn,
  type WordingChecks,
  wordingChecks,
} from './quotable';

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
  /**
   * False for text that is never printed: a low score, a bare pronoun subject, page furniture,
   * a fragment, and the rest `quotable.ts` lists (`reason` says which).
   */
  quotable: boolean;
  /** Why the printed wording is not quotable, when it is not; for diagnostics. */
  reason: Unquotable | 'low score' | 'pronoun subject' | null;
  /** The speaker a pronoun stands for ("…,” he stressed" → "Imran Khan"), named before. */
  speaker: string | null;
}

/** What decides whether a sentence may be quoted. */
export interface QuotingRules {
  /** Sentences scoring below this are never quoted. */
  minScore: number;
  /** Longer sentences (or quotations joined over sentences) are never quoted. */
  maxWords: number;
  lexicon: Lexicon;
}

/** A bare pronoun subject ("He said…", "This is…"); "This agreement…" names its subject. */
const barePronounSubject =
  /^(?:[“"‘']\s*)?(?:(?:he|she|it|they|his|her|its|their)\b|(?:this|these|those|that)\s+(?:is|was|are|were|has|have|had|will|would|could|can|may|might|should|means|meant|comes|came|shows|showed)\b)/i;
const leadingConjunction = /^(?:and|but|so|also|meanwhile|however|moreover),?\s+/i;
/** A place in a dateline: "MOSCOW", "UNITED NATIONS", "Berlin", "New Delhi". */
const place = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}`;
/** A place written in capitals, as datelines print it: "MOSCOW", "UNITED NATIONS". */
const capitals = String.raw`\p{Lu}{2,}(?:[\s.'’-]+\p{Lu}{2,}){0,3}`;
/** "July 18", "Aug. 2", "02nd August, 2023", "Nov 21, 2026". */
const day = String.raw`(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+\p{Lu}\p{Ll}{2,8})(?:,?\s*\d{4})?`;
/** The place (with its country) and day a dateline may open with. */
const placeAndDay = String.raw`${place}(?:\s*\[${place}\])?(?:,\s*${place})?(?:,\s*${day})?`;
/**
 * A dateline left at the start of a sentence, with the outlet it names: "LONDON, August 30.
 * /TASS/.", "ASTANA, Nov 21 (Reuters) -", "(Reuters) -", "UNITED NATIONS (Outlet News / Agency -
 * 31st August, 2021)", "Moscow [Russia], July 18 :", "Berlin, Germany | Xinhua |",
 * "DUBAI, United Arab Emirates —". Each is anchored and bounded, so it costs nothing on a long line.
 */
const datelines: RegExp[] = [
  new RegExp(String.raw`^${placeAndDay}\s*(?:\.\s*)?\/[\p{L} -]{2,20}\/\.?\s*`, 'u'),
  new RegExp(
    String.raw`^(?:${capitals}(?:,\s*${place})?(?:,\s*${day})?\s*)?\((?=[^()]*\p{Lu})[^()]{2,60}\)\s*[-–—:]\s*`,
    'u',
  ),
  new RegExp(
    String.raw`^${capitals}(?:,\s*${place})?\s*\((?=[^()]*(?:\d{4}|\/|\bNews\b|\bAgency\b))[^()]{2,80}\)\s*[-–—:]?\s*`,
    'u',
  ),
  new RegExp(String.raw`^${place}\s*\[${place}\],\s*${day}\s*[:–—-]\s*`, 'u'),
  new RegExp(String.raw`^${place}(?:,\s*${place})?\s*\|\s*[^|]{2,40}\|\s*`, 'u'),
  new RegExp(String.raw`^${capitals},\s*(?:${place}|${day})\s+[–—]\s*`, 'u'),
];
/** A bare-pronoun attribution tail: ", he said." / ", she added." (a named speaker is kept). */
const pronounTail =
  /,\s*(?:he|she|they|it)\s+(?:said|says|added|noted|stressed|told reporters|explained)\s*([.!?])$/i;
const shingleSize = 3;
/** Shingle containment above which two sentences (with the same facts) are one. */
const sameSentence = 0.7;
/** A shingle shared by more sentences than this is boilerplate and does not find twins. */
const maxPosting = 32;

/**
 * Every sentence of the edition, with near-duplicates (the same sentence in wire copy and its
 * rewrites, a standfirst repeated in the body, the same statement with curly or straight quotes
 * and "termed it" for "terming it") merged into one candidate citing all its sources.
 * Near-duplicates are found through an index of stemmed word shingles with capped posting
 * lists, so the cost grows with the number of sentences, not with its square. A quotation
 * that runs over sentences ("“… destroyed. Fires were registered …,” X said.") prints as one
 * item. Every sentence takes part in the merging (so stories can be told apart by what they
 * share); only `quotable` ones are ever printed (`quotable.ts` says what is not).
 */
export function collectCandidates(articles: ArticleRecord[], rules: QuotingRules): Candidate[] {
  const candidates: Candidate[] = [];
  const index: TwinIndex = { sizes: [], keys: [], postings: new Postings(maxPosting) };
  // Copies carry the same sentences: what depends on a text alone is worked out once per text.
  const wordings = new Map<string, TextWording>();
  const fingerprints = new Map<string, Fingerprint>();
  const add = (article: ArticleRecord, said: string, unit: Unit, wording: Wording) => {
    // Merged by the sentence's own words (`said`, tidied), so copies and rewrites meet
    // sentence by sentence.
    let fingerprint = fingerprints.get(said);
    if (!fingerprint) {
      fingerprint = { own: shinglesOf(sentenceWords(said)), keys: keyTokens(said) };
      fingerprints.set(said, fingerprint);
    }
    const { own, keys: ownKeys } = fingerprint;
    const twin = findTwin(own, ownKeys, index);
    if (twin !== null) {
      const existing = candidates[twin] as Candidate;
      if (!existing.sources.includes(article.id)) existing.sources.push(article.id);
      // The better-scoring wording of the two is the one printed.
      if (wording.quotable && (!existing.quotable || unit.score > existing.score)) {
        existing.text = wording.text;
        existing.actors = unit.actors;
        existing.themes = unit.themes;
        existing.principal = unit.principal;
        existing.speaker = wording.speaker;
        existing.reason = null;
      }
      existing.quotable ||= wording.quotable;
      existing.score = Math.max(existing.score, unit.score);
      existing.paragraph = Math.min(existing.paragraph, unit.paragraph);
      return;
    }
    const position = candidates.length;
    candidates.push({
      id: itemId(wording.text),
      text: wording.text,
      actors: unit.actors,
      themes: unit.themes,
      principal: unit.principal,
      sources: [article.id],
      score: unit.score,
      paragraph: unit.paragraph,
      quotable: wording.quotable,
      reason: wording.reason,
      speaker: wording.speaker,
    });
    index.sizes.push(own.size);
    index.keys.push(ownKeys);
    for (const shingle of own) index.postings.add(shingle, position);
  };
  for (const article of articles) {
    const { sentences } = article;
    for (let i = 0; i < sentences.length; ) {
      const span = quotationSpan(sentences, i);
      // A quotation over sentences prints whole from its first sentence; the sentences it
      // continues with take part in merging but are never printed on their own.
      const first = sentences[i] as SentenceRecord;
      const unit = unitOf(sentences.slice(i, i + span));
      let textWording = wordings.get(unit.raw);
      if (!textWording) {
        textWording = wordingOfText(unit.raw, rules);
        wordings.set(unit.raw, textWording);
      }
      const wording = wordingOf(unit, article, rules, textWording);
      add(article, span === 1 ? wording.text : tidy(first.text), unit, wording);
      for (let k = i + 1; k < i + span; k++) {
        const inside = unitOf([sentences[k] as SentenceRecord]);
        const text = tidy(inside.raw);
        add(article, text, inside, {
          text,
          quotable: false,
          reason: 'open quotation',
          speaker: null,
        });
      }
      i += span;
    }
  }
  return candidates;
}

/** A sentence, or a quotation over consecutive sentences, as one candidate. */
interface Unit {
  /** The text as the article has it (sentences joined by a space). */
  raw: string;
  actors: ActorId[];
  themes: ThemeId[];
  principal: ActorId | null;
  score: number;
  paragraph: number;
  /** The speaker of the sentence that closes the quotation (or of the sentence). */
  speaker: SentenceRecord['speaker'];
}

/** A quotation runs over at most this many sentences to be printed as one item. */
const maxQuotationSentences = 4;

/**
 * How many sentences from `i` one quotation spans: 1 unless it opens at `i` and closes in one
 * of the next three (the sentences between hold no quotation mark; copied pages often break a
 * quotation into lines, so it may cross a paragraph break).
 */
function quotationSpan(sentences: SentenceRecord[], i: number): number {
  const first = sentences[i] as SentenceRecord;
  const opening = quoteMarks(first.text);
  if (!opening.opensUnclosed || opening.closesUnopened) return 1;
  for (let j = i + 1; j < sentences.length && j - i < maxQuotationSentences; j++) {
    const next = sentences[j] as SentenceRecord;
    const marks = quoteMarks(next.text);
    if (marks.closesUnopened && !marks.opensUnclosed) return j - i + 1;
    if (marks.any) return 1;
  }
  return 1;
}

function unitOf(records: SentenceRecord[]): Unit {
  const first = records[0] as SentenceRecord;
  const last = records[records.length - 1] as SentenceRecord;
  if (records.length === 1) {
    const { text, actors, themes, principal, score, paragraph, speaker } = first;
    return { raw: text, actors, themes, principal, score, paragraph, speaker };
  }
  const speaker = last.speaker ?? first.speaker;
  return {
    raw: records.map((record) => record.text.trim()).join(' '),
    actors: unique(records.flatMap((record) => record.actors)),
    themes: unique(records.flatMap((record) => record.themes)),
    principal: speaker?.actor ?? first.principal ?? last.principal,
    score: Math.max(...records.map((record) => record.score)),
    paragraph: first.paragraph,
    speaker,
  };
}

interface Wording {
  text: string;
  quotable: boolean;
  reason: Candidate['reason'];
  speaker: string | null;
}

/**
 * How a unit prints: tidied; quotable unless it is furniture, a fragment, too long, repetitive,
 * opens on a bare pronoun, scores too low, or gives its speaker only as a pronoun that the
 * article did not name just before (when it did, the name is the item's `speaker`).
 */
function wordingOf(
  unit: Unit,
  article: ArticleRecord,
  rules: QuotingRules,
  wording: TextWording,
): Wording {
  const { text } = wording;
  const { speaker } = unit;
  const named = speaker?.carried === 'name' ? speaker.name : null;
  // "X said … he added": a speaker named in the sentence itself is who the pronoun is.
  const pronoun = wording.pronounInRaw && !!speaker?.carried;
  const unnamed = !speaker || speaker.carried === 'actor';
  let reason: Candidate['reason'] = unit.score < rules.minScore ? 'low score' : null;
  if (!reason && wording.barePronoun) reason = 'pronoun subject';
  reason ??= unquotableIn(wording.checks, unit.raw, article);
  if (!reason && unnamed && wording.pronounInText) reason = 'unnamed speaker';
  return { text, quotable: reason === null, reason, speaker: pronoun ? named : null };
}

/** What `wordingOf` reads from a unit's raw text alone, the same in every copy of it. */
interface TextWording {
  /** The text tidied for print. */
  text: string;
  pronounInRaw: boolean;
  pronounInText: boolean;
  barePronoun: boolean;
  checks: WordingChecks;
}

function wordingOfText(raw: string, rules: QuotingRules): TextWording {
  const text = tidy(raw);
  return {
    text,
    pronounInRaw: hasPronounAttribution(raw, rules.lexicon),
    pronounInText: hasPronounAttribution(text, rules.lexicon),
    barePronoun: barePronounSubject.test(text),
    checks: wordingChecks(raw, text, rules),
  };
}

/** A sentence as near-duplicates are found: its shingles and its facts. */
interface Fingerprint {
  own: Set<number>;
  keys: Set<string>;
}

/**
 * Light, faithful trimming, never adding words: a dateline left at the start, a leading
 * conjunction, a bare ", he said" tail; a closing full stop on standfirsts.
 */
export function tidy(text: string): string {
  let tidied = text.trim();
  for (const dateline of datelines) {
    const trimmed = tidied.replace(dateline, '');
    if (trimmed !== tidied && /[\p{L}\p{N}]/u.test(trimmed)) {
      tidied = trimmed;
      break;
    }
  }
  tidied = tidied.replace(leadingConjunction, '');
  // A quote keeps its tail: without it the quote would have no speaker at all.
  if (!/[“"]/.test(tidied)) tidied = tidied.replace(pronounTail, '$1');
  tidied = tidied.charAt(0).toUpperCase() + tidied.slice(1);
  return /[.!?…"”’)]$/.test(tidied) ? tidied : `${tidied}.`;
}

/** What near-duplicates are looked up in: each candidate's shingles and facts. */
interface TwinIndex {
  /** How many shingles each candidate has (numbers, not the sets: the lookup reads only these). */
  sizes: number[];
  keys: Set<string>[];
  /** Candidates by shingle (capped lists). */
  postings: Postings;
}

/** Shared-shingle counts per candidate, reused across sentences (reset after each lookup). */
let counts = new Uint16Array(1024);
/** The candidates a lookup met, in the order it met them (reused like `counts`). */
let touched = new Int32Array(1024);

/**
 * The earlier candidate that says the same thing, or null: most of the shorter one's stemmed
 * word shingles are in the other (a standfirst is often a shortened copy of a body sentence,
 * an attribution may lead one wording and close the other), and the same numbers and names.
 */
function findTwin(own: Set<number>, ownKeys: Set<string>, index: TwinIndex): number | null {
  if (counts.length < index.sizes.length) counts = new Uint16Array(index.sizes.length * 2);
  // Each candidate is met once: there are never more than there are candidates.
  if (touched.length < index.sizes.length) touched = new Int32Array(index.sizes.length * 2);
  let met = 0;
  for (const shingle of own) {
    const list = index.postings.get(shingle);
    if (!list) continue;
    for (const position of list) {
      if (counts[position] === 0) touched[met++] = position;
      counts[position] = (counts[position] as number) + 1;
    }
  }
  let twin: number | null = null;
  for (let k = 0; k < met; k++) {
    const position = touched[k] as number;
    const shared = counts[position] as number;
    counts[position] = 0;
    if (twin !== null) continue;
    if (shared / Math.min(own.size, index.sizes[position] as number) < sameSentence) continue;
    if (sameFacts(ownKeys, index.keys[position] as Set<string>)) twin = position;
  }
  return twin;
}

/**
 * Numbers and names of a sentence: two sentences that differ in them ("pledged 285 million"
 * and "pledged 385 million", "in Kyiv" and "in Tokyo") are different facts, however alike the
 * rest of the wording. Written the same whatever the typist: curly or straight quotes, a
 * possessive, an accent, a hyphen ("UN Secretary-General António" = "UN Secretary General
 * Antonio"). A sentence that is mostly a quotation is compared on the quoted words, so the same
 * words attributed "…,” Putin said" and "…," he said on Thursday" are one statement.
 */
function keyTokens(text: string): Set<string> {
  const plain = plainLetters(text)
    .replace(/[“”«»]/gu, '"')
    .replace(/[‘’]/gu, "'");
  const quoted = [...plain.matchAll(/"([^"]{10,})"/gu)].map((match) => match[1] as string);
  const quotedLength = quoted.reduce((sum, quote) => sum + quote.length, 0);
  // Each quotation opens like a sentence: its first word is no name, as at the start.
  const facts = quotedLength >= 0.6 * plain.length ? quoted.join(' \n ') : plain;
  const tokens = facts.match(/\p{N}[\p{N}.,]*|(?<!^["(]?|\n )\p{Lu}[\p{L}']+/gu) ?? [];
  return new Set(
    tokens.map((token) =>
      token
        .replace(/[.,]$/, '')
        .replace(/'s$/i, '')
        .replace(/(?<=\d),(?=\d{3})/g, '')
        .toLowerCase(),
    ),
  );
}

/** Letters without their accents: "António" → "Antonio". */
function plainLetters(text: string): string {
  return /[^ -~]/u.test(text) ? text.normalize('NFD').replace(/\p{M}+/gu, '') : text;
}

/** The shorter sentence's numbers and names all appear in the longer one (a standfirst may drop some). */
function sameFacts(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const token of small) if (!large.has(token)) return false;
  return true;
}

const stems = new Map<string, string>();

/** A word's Porter2 stem, remembered: an edition repeats its vocabulary many times over. */
function stemOf(word: string): string {
  let found = stems.get(word);
  if (found === undefined) {
    found = /^\p{N}/u.test(word) ? word : stem(word);
    if (stems.size < 200_000) stems.set(word, found);
  }
  return found;
}

function sentenceWords(text: string): string[] {
  return (
    plainLetters(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).map(stemOf);
}

/** Stemmed word shingles of a sentence: "termed it" and "terming it" share theirs. */
function shinglesOf(words: string[]): Set<number> {
  const set = hashedShingles(words.map(fnv1a), words.length, shingleSize);
  // A sentence shorter than a shingle is one shingle of all its words.
  if (set.size === 0 && words.length) set.add(fnv1a(words.join(' ')));
  return set;
}

/**
 * Hashed word shingles of a text (32-bit FNV-1a of each word, combined over `size` words):
 * numbers, not strings, so indexing 100,000 sentences stays cheap. A collision costs at most
 * one shingle of overlap.
 */
export function shingleSet(text: string, size = shingleSize): Set<number> {
  const set = new Set<number>();
  forEachShingle(text, size, (shingle) => set.add(shingle));
  return set;
}

/**
 * Each hashed word shingle of a text, as `shingleSet` has them, but one by one and repeats
 * included: for what needs no set (a MinHash signature is the same over repeats).
 */
export function forEachShingle(text: string, size: number, visit: (shingle: number) => void) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const hashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) hashes[i] = fnv1a(words[i] as string);
  for (let i = 0; i + size <= words.length; i++) {
    let h = 0x9747b28c;
    for (let k = 0; k < size; k++) h = Math.imul(h ^ (hashes[i + k] as number), 0x5bd1e995) >>> 0;
    visit(h);
  }
  // A text shorter than a shingle is one shingle of all its words.
  if (words.length > 0 && words.length < size) visit(fnv1a(words.join(' ')));
}

function hashedShingles(hashes: number[], count: number, size: number): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i + size <= count; i++) {
    let h = 0x9747b28c;
    for (let k = 0; k < size; k++) h = Math.imul(h ^ (hashes[i + k] as number), 0x5bd1e995) >>> 0;
    set.add(h);
  }
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
    ...(candidate.speaker ? { speaker: candidate.speaker } : {}),
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

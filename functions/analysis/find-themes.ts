import type { ThemeId } from '../model/types';
import type { ReferenceData, Theme, ThemeCue } from '../reference/reference-data';
import { stemOf, wordParts } from '../text/stem';
import { type Token, tokenize } from '../text/tokenize';

export interface ThemeMatch {
  theme: ThemeId;
  weight: number;
  /** The cues that fired, so a reader can see why the theme was given. */
  cues: string[];
  /** The weight of the strongest cue that fired: one weak cue never makes a theme. */
  strongest: number;
}

interface IndexedCue {
  theme: Theme;
  cue: ThemeCue;
  negative: boolean;
}

/**
 * Cues by their first word: by its stem, as written ("=" cues) or as a prefix ("terror*"),
 * built once per reference.
 */
interface CueIndex {
  byStem: Map<string, IndexedCue[]>;
  byWord: Map<string, IndexedCue[]>;
  byPrefix: Map<string, IndexedCue[]>;
  shortestPrefix: number;
}

const indexes = new WeakMap<ReferenceData, CueIndex>();

/**
 * Themes whose cue weights in the sentence reach the taxonomy's threshold, strongest first.
 */
export function findThemes(
  sentence: string,
  reference: ReferenceData,
  tokens: Token[] = tokenize(sentence),
): ThemeMatch[] {
  return weighThemes(sentence, reference, tokens).filter(
    (match) => match.weight >= reference.themeThreshold - 1e-9,
  );
}

/**
 * Every theme with a cue in the sentence, with the summed weight of its cues (negative cues
 * subtracted; each cue counts once per sentence), strongest first, whether or not it reaches
 * the sentence threshold: an article adds these up. Words match cues by their stem ("talks",
 * "talked"), "=" cues as written and "*" cues as prefixes. Only the cues whose first word
 * occurs in the sentence are tried.
 */
export function weighThemes(
  _sentence: string,
  reference: ReferenceData,
  tokens: Token[] = tokenize(_sentence),
): ThemeMatch[] {
  const index = cueIndex(reference);
  const words = tokens.flatMap((token) => wordParts(token.lower));
  const stems = words.map(stemOf);
  const fired = new Set<IndexedCue>();
  // The strongest cue of a theme on each stretch of words: "visits" fires one of "visit" and
  // "visits", never both.
  const spans = new Map<string, IndexedCue>();
  // One function for the sentence, not one per word (a closure made per word is costly).
  const tryCue = (indexed: IndexedCue, i: number) => {
    if (fired.has(indexed) || !matchesAt(indexed.cue, words, stems, i)) return;
    const span = `${indexed.theme.id} ${indexed.negative} ${i} ${indexed.cue.words.length}`;
    const other = spans.get(span);
    if (other && other.cue.weight >= indexed.cue.weight) return;
    if (other) fired.delete(other);
    spans.set(span, indexed);
    fired.add(indexed);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    for (const indexed of index.byStem.get(stems[i] ?? '') ?? []) tryCue(indexed, i);
    for (const indexed of index.byWord.get(word) ?? []) tryCue(indexed, i);
    for (let length = index.shortestPrefix; length <= word.length; length++) {
      for (const indexed of index.byPrefix.get(word.slice(0, length)) ?? []) tryCue(indexed, i);
    }
  }
  const byTheme = new Map<Theme, { weight: number; cues: string[]; strongest: number }>();
  for (const { theme, cue, negative } of fired) {
    const entry = byTheme.get(theme) ?? { weight: 0, cues: [], strongest: 0 };
    if (negative) entry.weight -= cue.weight;
    else {
      entry.weight += cue.weight;
      entry.cues.push(cue.cue);
      entry.strongest = Math.max(entry.strongest, cue.weight);
    }
    byTheme.set(theme, entry);
  }
  const matches: ThemeMatch[] = [];
  // Taxonomy order, so the cues and ties read the same on every run.
  for (const theme of reference.themes) {
    const entry = byTheme.get(theme);
    if (entry && entry.weight > 1e-9 && entry.cues.length)
      matches.push({ theme: theme.id, ...entry });
  }
  return matches.sort((a, b) => b.weight - a.weight);
}

/** Whether the cue's words match the sentence's words from position `at`. */
function matchesAt(cue: ThemeCue, words: string[], stems: string[], at: number): boolean {
  if (at + cue.words.length > words.length) return false;
  return cue.words.every((cueWord, k) => {
    const word = words[at + k] ?? '';
    if (cue.prefix && k === cue.words.length - 1) return word.startsWith(cueWord);
    return cue.exact ? word === cueWord : stems[at + k] === cue.stems[k];
  });
}

function cueIndex(reference: ReferenceData): CueIndex {
  const cached = indexes.get(reference);
  if (cached) return cached;
  const index: CueIndex = {
    byStem: new Map(),
    byWord: new Map(),
    byPrefix: new Map(),
    shortestPrefix: 99,
  };
  const add = (theme: Theme, cue: ThemeCue, negative: boolean) => {
    const first = cue.words[0];
    if (!first) return;
    const prefix = cue.prefix && cue.words.length === 1;
    const [map, key] = prefix
      ? [index.byPrefix, first]
      : cue.exact
        ? [index.byWord, first]
        : [index.byStem, cue.stems[0] ?? first];
    const list = map.get(key) ?? [];
    list.push({ theme, cue, negative });
    map.set(key, list);
    if (prefix) index.shortestPrefix = Math.min(index.shortestPrefix, first.length);
  };
  for (const theme of reference.themes) {
    for (const cue of theme.cues) add(theme, cue, false);
    for (const cue of theme.negative) add(theme, cue, true);
  }
  indexes.set(reference, index);
  return index;
}

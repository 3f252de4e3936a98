import type { ThemeId } from '../model/types';
import type { ReferenceData, Theme, ThemeCue } from '../reference/reference-data';
import { type Token, tokenize } from '../text/tokenize';

export interface ThemeMatch {
  theme: ThemeId;
  weight: number;
  /** The cues that fired, so a reader can see why the theme was given. */
  cues: string[];
}

interface IndexedCue {
  theme: Theme;
  cue: ThemeCue;
  negative: boolean;
}

/** Cues by their first word (exact) or first-word prefix ("negotiat*"), built once per reference. */
interface CueIndex {
  byWord: Map<string, IndexedCue[]>;
  byPrefix: Map<string, IndexedCue[]>;
  shortestPrefix: number;
}

const indexes = new WeakMap<ReferenceData, CueIndex>();

/**
 * Themes whose cue weights in the sentence reach the taxonomy's threshold, strongest first.
 * Only the cues whose first word occurs in the sentence are tried, so a taxonomy of hundreds
 * of cues costs a few regular-expression tests per sentence.
 */
export function findThemes(
  sentence: string,
  reference: ReferenceData,
  tokens: Token[] = tokenize(sentence),
): ThemeMatch[] {
  const index = cueIndex(reference);
  const candidates = new Set<IndexedCue>();
  const words = new Set<string>();
  for (const token of tokens) {
    words.add(token.lower);
    // "trade-war" holds the cue "war" too.
    if (token.lower.includes('-')) for (const part of token.lower.split('-')) words.add(part);
  }
  for (const word of words) {
    for (const cue of index.byWord.get(word) ?? []) candidates.add(cue);
    for (let length = index.shortestPrefix; length <= word.length; length++) {
      for (const cue of index.byPrefix.get(word.slice(0, length)) ?? []) candidates.add(cue);
    }
  }
  const byTheme = new Map<Theme, { weight: number; cues: string[] }>();
  for (const { theme, cue, negative } of candidates) {
    cue.pattern.lastIndex = 0;
    if (!cue.pattern.test(sentence)) continue;
    const entry = byTheme.get(theme) ?? { weight: 0, cues: [] };
    if (negative) entry.weight -= cue.weight;
    else {
      entry.weight += cue.weight;
      entry.cues.push(cue.cue);
    }
    byTheme.set(theme, entry);
  }
  const matches: ThemeMatch[] = [];
  // Taxonomy order, so the cues and ties read the same on every run.
  for (const theme of reference.themes) {
    const entry = byTheme.get(theme);
    if (entry && entry.weight >= reference.themeThreshold - 1e-9)
      matches.push({ theme: theme.id, weight: entry.weight, cues: entry.cues });
  }
  return matches.sort((a, b) => b.weight - a.weight);
}

function cueIndex(reference: ReferenceData): CueIndex {
  const cached = indexes.get(reference);
  if (cached) return cached;
  const index: CueIndex = { byWord: new Map(), byPrefix: new Map(), shortestPrefix: 99 };
  const add = (theme: Theme, cue: ThemeCue, negative: boolean) => {
    const words = tokenize(cue.cue.replace(/\*$/, ''));
    const first = words[0]?.lower;
    if (!first) return;
    const prefix = words.length === 1 && cue.cue.endsWith('*');
    const map = prefix ? index.byPrefix : index.byWord;
    const list = map.get(first) ?? [];
    list.push({ theme, cue, negative });
    map.set(first, list);
    if (prefix) index.shortestPrefix = Math.min(index.shortestPrefix, first.length);
  };
  for (const theme of reference.themes) {
    for (const cue of theme.cues) add(theme, cue, false);
    for (const cue of theme.negative) add(theme, cue, true);
  }
  indexes.set(reference, index);
  return index;
}

import type { ArticleRecord, OffTopicArticle } from '../model/types';
import type { OffTopicCue, ReferenceData } from '../reference/reference-data';
import { wordEnd, wordStartMatches } from '../text/word-start-matches';
import type { OffTopicOptions } from './brief-options';

/** How many of the cues that fired an entry names. */
const shownCues = 4;

/** How an article weighs up: its off-topic kinds against its diplomatic cues. */
export interface OffTopicWeights {
  /** Summed cue weight per off-topic kind (`sport`: 14). */
  kinds: Map<string, { weight: number; cues: Map<string, number> }>;
  /** Summed theme-cue weight of the sentences in which a state, organisation or group acts. */
  diplomatic: number;
}

/** Per reference: each kind's cues as one pattern (longest first), and theme cue weights. */
interface Compiled {
  kinds: { id: string; cues: OffTopicCue[]; pattern: RegExp }[];
  themeCueWeight: Map<string, number>;
}
const compiledFor = new WeakMap<ReferenceData, Compiled>();

function compile(reference: ReferenceData): Compiled {
  const known = compiledFor.get(reference);
  if (known) return known;
  const kinds = (reference.offTopic ?? []).map((kind) => {
    // One scan per kind: the cues as alternatives, the longest first, so "premier league" is
    // one cue and not also "league"; the group that matched tells which cue it was. The end
    // of a word is checked once after the alternatives, not in each (with a look-behind in
    // each, every position of the text tried every cue: ~80 ms for a 5 KB article), and its
    // start by `wordStartMatches`.
    const cues = [...kind.cues].sort((a, b) => b.cue.length - a.cue.length);
    const alternatives = cues.map((cue) => `(${cue.words})`).join('|');
    const pattern = new RegExp(`(?:${alternatives})${wordEnd}`, 'giu');
    return { id: kind.id, cues, pattern };
  });
  const themeCueWeight = new Map<string, number>();
  for (const theme of reference.themes)
    for (const cue of theme.cues) themeCueWeight.set(`${theme.id}\u0000${cue.cue}`, cue.weight);
  const compiled = { kinds, themeCueWeight };
  compiledFor.set(reference, compiled);
  return compiled;
}

/**
 * Weighs an article's off-topic cues (title and text; where two cues overlap, the longer one
 * counts) against its diplomatic ones.
 */
export function weighOffTopic(article: ArticleRecord, reference: ReferenceData): OffTopicWeights {
  const text = `${article.title}\n${article.text}`;
  const { kinds: compiled, themeCueWeight } = compile(reference);
  const kinds = new Map<string, { weight: number; cues: Map<string, number> }>();
  for (const kind of compiled) {
    const fired = new Map<string, number>();
    let weight = 0;
    for (const match of wordStartMatches(text, kind.pattern)) {
      const index = match.findIndex((group, i) => i > 0 && group !== undefined);
      const cue = kind.cues[index - 1];
      if (!cue) continue;
      weight += cue.weight;
      fired.set(cue.cue, (fired.get(cue.cue) ?? 0) + cue.weight);
    }
    kinds.set(kind.id, { weight, cues: fired });
  }
  let diplomatic = 0;
  for (const sentence of article.sentences) {
    if (!sentence.principal || !reference.actors.has(sentence.principal)) continue;
    if (!sentence.cues) {
      diplomatic += sentence.themes.length;
      continue;
    }
    for (const [theme, cues] of Object.entries(sentence.cues))
      for (const cue of cues) diplomatic += themeCueWeight.get(`${theme}\u0000${cue}`) ?? 1;
  }
  return { kinds, diplomatic };
}

/**
 * Splits the edition's articles into those the brief uses and those it lists as off-topic: an
 * article whose heaviest off-topic kind (functions/data/off-topic.yaml: sport, entertainment,
 * lifestyle) weighs at least `minCues` and at least `ratio` times its diplomatic cues (theme
 * cues of sentences in which a state, organisation or armed group acts). The reason says which
 * kind, and either that no actor acts on a theme or how the two weighed.
 */
export function splitOffTopic(
  articles: ArticleRecord[],
  reference: ReferenceData,
  options: OffTopicOptions,
): { kept: ArticleRecord[]; offTopic: OffTopicArticle[] } {
  if (!options.enabled || !reference.offTopic?.length) return { kept: articles, offTopic: [] };
  const kept: ArticleRecord[] = [];
  const offTopic: OffTopicArticle[] = [];
  for (const article of articles) {
    const entry = offTopicEntry(article, reference, options);
    if (entry) offTopic.push(entry);
    else kept.push(article);
  }
  return { kept, offTopic };
}

function offTopicEntry(
  article: ArticleRecord,
  reference: ReferenceData,
  options: OffTopicOptions,
): OffTopicArticle | null {
  const { kinds, diplomatic } = weighOffTopic(article, reference);
  let best: { id: string; weight: number; cues: Map<string, number> } | null = null;
  for (const [id, kind] of kinds) if (!best || kind.weight > best.weight) best = { id, ...kind };
  if (!best || best.weight === 0 || best.weight < options.minCues) return null;
  if (best.weight < options.ratio * diplomatic) return null;
  const label = reference.offTopic?.find((kind) => kind.id === best.id)?.label ?? best.id;
  const why =
    diplomatic === 0
      ? 'no state or organisation acting'
      : `${label} cues weigh ${round(best.weight)}, diplomatic cues ${round(diplomatic)}`;
  return {
    id: article.id,
    key: article.key,
    title: article.title,
    source: article.source,
    kind: best.id,
    reason: `off-topic: ${label} (${why})`,
    cues: [...best.cues]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, shownCues)
      .map(([cue]) => cue.replace(/\*$/, '')),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

import type { ActorId, SentenceRecord, ThemeId } from '../core/types';
import type { ReferenceData } from '../reference/reference-data';
import { tokenize } from '../reference/tokenize';
import { type ActorMention, findActorMentions } from './find-actors';
import { findThemes } from './find-themes';
import { scoreSentence } from './score-sentence';
import { splitSentences } from './split-sentences';

export interface ArticleAnalysis {
  sentences: SentenceRecord[];
  /** Actors ranked by salience in the article. */
  actors: ActorId[];
  /** Themes ranked by weight in the article. */
  themes: ThemeId[];
}

const speechVerbs = new Set([
  'said',
  'says',
  'added',
  'stressed',
  'noted',
  'told',
  'stated',
  'warned',
  'announced',
  'declared',
  'urged',
  'insisted',
  'explained',
  'emphasized',
  'emphasised',
  'according',
]);

/**
 * Splits the body into sentences and tags each with its actors, themes, principal actor and
 * score; then ranks the article's actors (title and lead weigh more) and themes.
 */
export function analyseArticle(
  title: string,
  paragraphs: string[],
  reference: ReferenceData,
): ArticleAnalysis {
  const salience = new Map<ActorId, number>();
  const themeWeight = new Map<ThemeId, number>();
  const bump = (actor: ActorId, by: number) => salience.set(actor, (salience.get(actor) ?? 0) + by);

  for (const mention of findActorMentions(title, reference)) bump(mention.actor, 3);

  const sentences: SentenceRecord[] = [];
  paragraphs.forEach((paragraph, index) => {
    for (const text of splitSentences(paragraph)) {
      const mentions = findActorMentions(text, reference);
      const themes = findThemes(text, reference);
      const actors = unique(mentions.map((mention) => mention.actor));
      const speaker = speakerOf(text, mentions);
      const principal = speaker ?? mentions[0]?.actor ?? null;
      for (const actor of actors) bump(actor, index === 0 ? 2 : 1);
      if (principal) bump(principal, 0.5);
      for (const match of themes)
        themeWeight.set(match.theme, (themeWeight.get(match.theme) ?? 0) + match.weight);
      sentences.push({
        text,
        actors,
        themes: themes.map((match) => match.theme),
        principal,
        paragraph: index,
        score: scoreSentence({
          text,
          paragraph: index,
          actorCount: actors.length,
          themeCount: themes.length,
          hasSpeaker: speaker !== null,
        }),
      });
    }
  });
  return { sentences, actors: rank(salience), themes: rank(themeWeight) };
}

/** The actor of the mention next to a speech verb ("…, Putin said", "said Lavrov"). */
function speakerOf(text: string, mentions: ActorMention[]): ActorId | null {
  const tokens = tokenize(text);
  const verb = tokens.findIndex((token) => speechVerbs.has(token.lower));
  if (verb < 0) return null;
  // "according to X": the source follows; "X said" / "said X": it is next to the verb.
  const [before, after] = tokens[verb]?.lower === 'according' ? [0, 9] : [8, 4];
  const near = mentions
    .filter((mention) => mention.to <= verb + after && mention.from >= verb - before)
    .sort((a, b) => distance(a, verb) - distance(b, verb));
  return near[0]?.actor ?? null;
}

function distance(mention: ActorMention, at: number): number {
  return mention.to <= at ? at - mention.to : mention.from - at;
}

function rank<K>(weights: Map<K, number>): K[] {
  return [...weights.entries()].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

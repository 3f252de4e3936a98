import type { ActorId, SentenceRecord, ThemeId } from '../core/types';
import type { Alias, ReferenceData } from '../reference/reference-data';
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
  const learned = new Map<string, Alias>();
  let previousPrincipal: ActorId | null = null;
  paragraphs.forEach((paragraph, index) => {
    for (const text of splitSentences(paragraph)) {
      const mentions = findActorMentions(text, reference, learned);
      learnNames(mentions, learned);
      const themes = findThemes(text, reference);
      const speaker = speakerOf(text, mentions);
      // "…," he said: the speaker is the one the previous sentence was about.
      const resolved = speaker === pronounSpeaker ? previousPrincipal : speaker;
      const actors = unique([
        ...(resolved ? [resolved] : []),
        ...mentions.map((mention) => mention.actor),
      ]);
      const principal = resolved ?? mentions[0]?.actor ?? null;
      previousPrincipal = principal;
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
          hasSpeaker: resolved !== null,
        }),
      });
    }
  });
  return { sentences, actors: rank(salience), themes: rank(themeWeight) };
}

const pronounSpeaker = Symbol('pronoun speaker');
const pronouns = new Set(['he', 'she', 'they']);

/**
 * After "Hua Chunying" or "Imran Khan", the first and last names alone refer to the same
 * person for the rest of the article ("Hua would not be drawn", "Khan stressed").
 */
function learnNames(mentions: ActorMention[], learned: Map<string, Alias>): void {
  for (const mention of mentions) {
    if (mention.kind !== 'person' || !mention.person) continue;
    const words = tokenize(mention.person).map((token) => token.text);
    if (words.length < 2) continue;
    for (const word of [words[0], words[words.length - 1]]) {
      if (word && word.length >= 3) {
        learned.set(word.toLowerCase(), {
          tokens: [word],
          actor: mention.actor,
          kind: 'person',
          exactCase: false,
          person: mention.person,
        });
      }
    }
  }
}

/**
 * The actor of the mention next to a speech verb ("…, Putin said", "said Lavrov"), or
 * `pronounSpeaker` when the speaker is only "he" or "she".
 */
function speakerOf(text: string, mentions: ActorMention[]): ActorId | typeof pronounSpeaker | null {
  const tokens = tokenize(text);
  const verb = tokens.findIndex((token) => speechVerbs.has(token.lower));
  if (verb < 0) return null;
  // "he said" names no one; in "X said he …" the pronoun starts the reported clause instead.
  if (pronouns.has(tokens[verb - 1]?.lower ?? '')) return pronounSpeaker;
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

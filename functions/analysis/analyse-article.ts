import type { ActorId, SentenceRecord, ThemeId } from '../model/types';
import type { Alias, Lexicon, ReferenceData } from '../reference/reference-data';
import { articles, objectPrepositions } from '../text/function-words';
import { indexBefore, type Token, tokenize } from '../text/tokenize';
import { type ActorMention, findActorMentions, findSentenceActors } from './find-actors';
import { findSpeech, type Speaker } from './find-speaker';
import { findThemes } from './find-themes';
import { findTitledPeople } from './learn-people';
import { scoreSentence } from './score-sentence';
import { splitSentences } from './split-sentences';

export interface ArticleAnalysis {
  sentences: SentenceRecord[];
  /** Actors ranked by salience in the article. */
  actors: ActorId[];
  /** Themes ranked by weight in the article. */
  themes: ThemeId[];
}

// Salience: the title and the lead weigh more; acting or speaking counts on top of a mention.
const weights = { title: 3, lead: 2, body: 1, principal: 0.5, speaker: 0.5 };

/**
 * Splits the body into sentences and tags each with its actors, themes (with the cues that
 * fired), principal actor, speaker and quote, and score; then ranks the article's actors
 * (title and lead weigh more, acting and speaking count) and keeps the themes that carry
 * weight across the article.
 */
export function analyseArticle(
  title: string,
  paragraphs: string[],
  reference: ReferenceData,
): ArticleAnalysis {
  const salience = new Map<ActorId, number>();
  const themeWeight = new Map<ThemeId, number>();
  const bump = (actor: ActorId, by: number) => salience.set(actor, (salience.get(actor) ?? 0) + by);
  const addTheme = (theme: ThemeId, by: number) =>
    themeWeight.set(theme, (themeWeight.get(theme) ?? 0) + by);

  for (const actor of new Set(findActorMentions(title, reference).map((m) => m.actor)))
    bump(actor, weights.title);
  for (const match of findThemes(title, reference)) addTheme(match.theme, 2 * match.weight);

  const sentences: SentenceRecord[] = [];
  const learned = new Map<string, Alias>();
  let lastInstitution: ActorId | null = null;
  let previous: Previous = { principal: null, speaker: null, lastSpeaker: null, age: 0 };
  paragraphs.forEach((paragraph, index) => {
    const first = sentences.length;
    for (const text of splitSentences(paragraph)) {
      const { tokens, mentions } = findSentenceActors(text, reference, learned);
      for (const person of findTitledPeople(text, tokens, mentions, lastInstitution, reference)) {
        mentions.push({
          actor: person.actor,
          kind: 'person',
          from: person.from,
          to: person.to,
          person: person.name,
        });
        learnName(person.name, person.actor, learned, reference.lexicon);
      }
      mentions.sort((a, b) => a.from - b.from);
      for (const mention of mentions) {
        if (mention.kind === 'person' && mention.person)
          learnName(mention.person, mention.actor, learned, reference.lexicon);
        if (mention.kind === 'seat' || mention.kind === 'demonym') lastInstitution = mention.actor;
      }
      const speech = findSpeech(text, tokens, mentions, reference.lexicon);
      const speaker = resolveSpeaker(speech.speaker, previous, reference);
      // A named speaker we cannot attribute leaves the principal open rather than guessed.
      const principal = speaker ? speaker.actor : subjectOf(tokens, mentions);
      const actors = unique([
        ...(speaker?.actor ? [speaker.actor] : []),
        ...mentions.map((mention) => mention.actor),
      ]);
      const lastSpeaker = speaker?.actor ? speaker : previous.age < 3 ? previous.lastSpeaker : null;
      previous = { principal, speaker, lastSpeaker, age: speaker?.actor ? 0 : previous.age + 1 };
      const weight = index === 0 ? weights.lead : weights.body;
      for (const actor of actors) bump(actor, weight);
      if (principal) bump(principal, weights.principal);
      if (speaker?.actor) bump(speaker.actor, weights.speaker);

      const themes = findThemes(text, reference, tokens);
      for (const match of themes) addTheme(match.theme, match.weight);
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
        ...(speaker ? { speaker } : {}),
        ...(speaker && speech.quote ? { quote: speech.quote } : {}),
        ...(themes.length
          ? { cues: Object.fromEntries(themes.map((match) => [match.theme, match.cues])) }
          : {}),
      });
    }
    attributeOpenQuotes(sentences.slice(first));
  });
  return { sentences, actors: rank(salience), themes: articleThemes(themeWeight, reference) };
}

const opening = /[“"«]/gu;
const closing = /[”"»]/gu;

/**
 * A quotation over several sentences ("“Attempts … must be rejected. We believe …,” Imran
 * Khan said.") belongs to the speaker named where it closes: the sentences it opens with get
 * that speaker and their words as the quote.
 */
function attributeOpenQuotes(paragraph: SentenceRecord[]): void {
  let open: SentenceRecord[] = [];
  for (const record of paragraph) {
    const opens = (record.text.match(opening) ?? []).length;
    const closes = (record.text.match(closing) ?? []).length;
    // Straight quotes both open and close: an odd count leaves the quotation open or closes it.
    const straight = (record.text.match(/"/gu) ?? []).length;
    const balance = straight ? straight % 2 : opens - closes;
    if (open.length === 0) {
      if (balance > 0 && !record.speaker) open.push(record);
      continue;
    }
    if (!record.speaker && balance === 0 && !/[”"»]/u.test(record.text)) {
      open.push(record);
      continue;
    }
    if (record.speaker)
      for (const inside of open) {
        inside.speaker = record.speaker;
        inside.quote = inside.text.replace(/^[“"«]\s*/u, '').trim();
        if (record.speaker.actor) {
          inside.principal = record.speaker.actor;
          if (!inside.actors.includes(record.speaker.actor))
            inside.actors = [record.speaker.actor, ...inside.actors];
        }
      }
    open = [];
  }
}

/** What the sentences before say about who is speaking. */
interface Previous {
  principal: ActorId | null;
  speaker: Speaker | null;
  /** The last speaker with an actor, `age` sentences ago. */
  lastSpeaker: Speaker | null;
  age: number;
}

/**
 * "he said" and "the ministry said" point back to the previous sentence's speaker, or to the
 * actor it was about.
 */
function resolveSpeaker(
  found: Speaker | 'pronoun' | null,
  previous: Previous,
  reference: ReferenceData,
): Speaker | null {
  const referBack = (): Speaker | null => {
    if (previous.speaker?.actor) return previous.speaker;
    if (previous.lastSpeaker?.actor) return previous.lastSpeaker;
    if (!previous.principal) return null;
    const name = reference.actors.get(previous.principal)?.name ?? previous.principal;
    return { name, actor: previous.principal };
  };
  if (found === 'pronoun') return referBack();
  // "the sources said", "diplomatic sources told": an unnamed voice of the actor at hand.
  if (
    found &&
    found.actor === null &&
    !/^\p{Lu}/u.test(found.name.replace(/^(?:the|a|an)\s+/iu, ''))
  ) {
    const back = referBack();
    return back ? { name: found.name, actor: back.actor } : found;
  }
  return found;
}

/** The first actor named outside a prepositional phrase: the subject, as well as we can tell. */
function subjectOf(tokens: Token[], mentions: ActorMention[]): ActorId | null {
  const subject = mentions.find((mention) => {
    const k = indexBefore(tokens, mention.from, articles);
    return !objectPrepositions.has(tokens[k]?.lower ?? '');
  });
  return (subject ?? mentions[0])?.actor ?? null;
}

/**
 * After "Hua Chunying" or "Imran Khan", the first and last names alone refer to the same
 * person for the rest of the article ("Hua would not be drawn", "Khan stressed").
 */
function learnName(
  person: string,
  actor: ActorId,
  learned: Map<string, Alias>,
  lexicon: Lexicon,
): void {
  const words = tokenize(person).map((token) => token.text);
  if (words.length < 2) return;
  const first = lexicon.titlesInNames.has(words[0]?.toLowerCase() ?? '') ? undefined : words[0];
  for (const word of [first, words[words.length - 1]]) {
    if (word && word.length >= 3 && !learned.has(word.toLowerCase())) {
      learned.set(word.toLowerCase(), {
        tokens: [word],
        actor,
        kind: 'person',
        exactCase: false,
        person,
      });
    }
  }
}

/** Themes whose weight over the article reaches the taxonomy's article threshold and share. */
function articleThemes(weightsByTheme: Map<ThemeId, number>, reference: ReferenceData): ThemeId[] {
  const ranked = [...weightsByTheme.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(
      ([, weight]) =>
        weight >= reference.themeArticleThreshold && weight >= top * reference.themeArticleShare,
    )
    .map(([theme]) => theme);
}

function rank<K>(values: Map<K, number>): K[] {
  return [...values.entries()].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

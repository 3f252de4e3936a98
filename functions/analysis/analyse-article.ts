import type { ActorId, SentenceRecord, ThemeId } from '../model/types';
import type { Alias, Lexicon, ReferenceData } from '../reference/reference-data';
import { articles, objectPrepositions } from '../text/function-words';
import { startsUpper } from '../text/letter-tests';
import { indexBefore, type Token, tokenize } from '../text/tokenize';
import {
  type ActorMention,
  findActorMentions,
  findSentenceActors,
  type SentenceActors,
} from './find-actors';
import { findSpeech, personNamed, type Speaker, type SpeechFound } from './find-speaker';
import { findThemes } from './find-themes';
import { hasVerb } from './has-verb';
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
// A theme in the title weighs double; a theme sentence in the title or the lead (the body's first
// two sentences) counts as two sentences towards `themeArticleSentences`.
const themeWeights = { title: 2, titleSentences: 2, leadSentences: 2, leadLength: 2 };

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
  const reading: Reading = {
    reference,
    learned: new Map(),
    lastInstitution: null,
    previous: { principal: null, speaker: null, lastSpeaker: null, age: 0 },
    lastPerson: null,
    salience: new Map(),
    themeWeight: new Map(),
    themeSentences: new Map(),
    sentencesRead: 0,
  };
  weighTitle(title, reading);
  const sentences: SentenceRecord[] = [];
  paragraphs.forEach((paragraph, index) => {
    const records = splitSentences(paragraph).map((text) => analyseSentence(text, index, reading));
    attributeOpenQuotes(records);
    sentences.push(...records);
  });
  return {
    sentences,
    actors: rank(reading.salience),
    themes: articleThemes(reading, reference),
  };
}

/** What reading the article has established so far, carried from sentence to sentence. */
interface Reading {
  reference: ReferenceData;
  /** Names learned from people named in full earlier ("Hua" after "Hua Chunying"). */
  learned: Map<string, Alias>;
  /** The last seat or demonym named: whom "Department spokesman Ned Price" speaks for. */
  lastInstitution: ActorId | null;
  previous: Previous;
  /** The person named last, `age` sentences before the one being read: whom "he said" names. */
  lastPerson: { name: string; actor: ActorId | null; age: number } | null;
  salience: Map<ActorId, number>;
  themeWeight: Map<ThemeId, number>;
  /** How many sentences carry each theme (title and lead sentences count double). */
  themeSentences: Map<ThemeId, number>;
  /** Sentences of the body read so far: the first ones are the lead. */
  sentencesRead: number;
}

/** The title's actors and themes weigh more than a sentence's. */
function weighTitle(title: string, reading: Reading): void {
  const { reference } = reading;
  for (const actor of new Set(findActorMentions(title, reference).map((m) => m.actor)))
    addTo(reading.salience, actor, weights.title);
  for (const match of findThemes(title, reference)) {
    addTo(reading.themeWeight, match.theme, themeWeights.title * match.weight);
    addTo(reading.themeSentences, match.theme, themeWeights.titleSentences);
  }
}

/** One sentence's record; adds its actors' salience and its themes' weight to the article's. */
function analyseSentence(text: string, paragraph: number, reading: Reading): SentenceRecord {
  const { reference } = reading;
  const { tokens, mentions } = findMentions(text, reading);
  const speech = findSpeech(text, tokens, mentions, reference.lexicon);
  const speaker = resolveSpeaker(speech, reading, reference);
  reading.lastPerson = personOf(text, speaker, mentions, reading, reference);
  // A named speaker we cannot attribute leaves the principal open rather than guessed.
  const principal = speaker ? speaker.actor : subjectOf(tokens, mentions);
  const actors = unique([
    ...(speaker?.actor ? [speaker.actor] : []),
    ...mentions.map((mention) => mention.actor),
  ]);
  reading.previous = nextPrevious(reading.previous, principal, speaker);
  weighActors(reading.salience, paragraph, actors, principal, speaker);

  const themes = findThemes(text, reference, tokens);
  const lead = reading.sentencesRead < themeWeights.leadLength;
  for (const match of themes) {
    addTo(reading.themeWeight, match.theme, match.weight);
    addTo(reading.themeSentences, match.theme, lead ? themeWeights.leadSentences : 1);
  }
  reading.sentencesRead++;
  return {
    text,
    actors,
    themes: themes.map((match) => match.theme),
    principal,
    paragraph,
    score: scoreSentence({
      text,
      paragraph,
      actorCount: actors.length,
      themeCount: themes.length,
      hasSpeaker: speaker !== null,
      hasVerb: hasVerb(text, tokens, reference.lexicon),
    }),
    ...(speaker ? { speaker } : {}),
    ...(speaker && speech.quote ? { quote: speech.quote } : {}),
    ...(themes.length
      ? { cues: Object.fromEntries(themes.map((match) => [match.theme, match.cues])) }
      : {}),
  };
}

/**
 * The actors a sentence names, people bound to an actor by a job title among them, in text
 * order; learns the people's names and the last institution named for the sentences after.
 */
function findMentions(text: string, reading: Reading): SentenceActors {
  const { reference, learned } = reading;
  const found = findSentenceActors(text, reference, learned);
  const { tokens, mentions } = found;
  for (const person of findTitledPeople(
    text,
    tokens,
    mentions,
    reading.lastInstitution,
    reference,
  )) {
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
    if (mention.kind === 'seat' || mention.kind === 'demonym')
      reading.lastInstitution = mention.actor;
  }
  return found;
}

/** A sentence's actors count by where it stands; acting and speaking count on top. */
function weighActors(
  salience: Map<ActorId, number>,
  paragraph: number,
  actors: ActorId[],
  principal: ActorId | null,
  speaker: Speaker | null,
): void {
  const weight = paragraph === 0 ? weights.lead : weights.body;
  for (const actor of actors) addTo(salience, actor, weight);
  if (principal) addTo(salience, principal, weights.principal);
  if (speaker?.actor) addTo(salience, speaker.actor, weights.speaker);
}

function addTo<K>(totals: Map<K, number>, key: K, by: number): void {
  totals.set(key, (totals.get(key) ?? 0) + by);
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

/** What the next sentence reads; a speaker with an actor stays `lastSpeaker` a few sentences. */
function nextPrevious(
  previous: Previous,
  principal: ActorId | null,
  speaker: Speaker | null,
): Previous {
  const lastSpeaker = speaker?.actor ? speaker : previous.age < 3 ? previous.lastSpeaker : null;
  return { principal, speaker, lastSpeaker, age: speaker?.actor ? 0 : previous.age + 1 };
}

/** A speaker as recorded: `carried` when the sentence names them only by a pronoun. */
type ResolvedSpeaker = Speaker & { carried?: 'name' | 'actor' };

/** "he"/"she" name a person; "it"/"they" (and "we") an institution or a group. */
const personalPronouns = new Set(['he', 'she']);

/**
 * "he said" names the person named in the two sentences before (the speaker first, else the
 * first person the sentence names); "it said", "they said" the institution that spoke in the
 * sentence before. Failing that, and for "the ministry said", the previous sentence's speaker
 * or the actor it was about, marked `carried: 'actor'` when it stands for a pronoun: an actor
 * is not who spoke.
 */
function resolveSpeaker(
  speech: SpeechFound,
  reading: Reading,
  reference: ReferenceData,
): ResolvedSpeaker | null {
  const { previous, lastPerson } = reading;
  const found = speech.speaker;
  const referBack = (): Speaker | null => {
    if (previous.speaker?.actor) return previous.speaker;
    if (previous.lastSpeaker?.actor) return previous.lastSpeaker;
    if (!previous.principal) return null;
    const name = reference.actors.get(previous.principal)?.name ?? previous.principal;
    return { name, actor: previous.principal };
  };
  if (found === 'pronoun') {
    if (personalPronouns.has(speech.pronoun ?? '')) {
      if (lastPerson && lastPerson.age <= 1) {
        const actor = lastPerson.actor ?? referBack()?.actor ?? null;
        return { name: lastPerson.name, actor, carried: 'name' };
      }
    } else if (previous.speaker && isInstitution(previous.speaker, reference)) {
      return { name: previous.speaker.name, actor: previous.speaker.actor, carried: 'name' };
    }
    const back = referBack();
    return back ? { name: back.name, actor: back.actor, carried: 'actor' } : null;
  }
  // "the sources said", "diplomatic sources told": an unnamed voice of the actor at hand.
  if (found && found.actor === null && !startsUpper(found.name.replace(/^(?:the|a|an)\s+/iu, ''))) {
    const back = referBack();
    return back ? { name: found.name, actor: back.actor } : found;
  }
  return found;
}

/**
 * An institution that spoke, named: a phrase with an institution word ("Russia's defence
 * ministry") or an organisation ("ECOWAS"); not a person, a lone place name, or a phrase that
 * names no one ("the ministry").
 */
function isInstitution(speaker: Speaker, reference: ReferenceData): boolean {
  // "the ministry", "the bloc": whose, the reader of one sentence cannot tell.
  if (!/\p{Lu}/u.test(speaker.name) || personNamed(speaker.name, reference)) return false;
  if (speaker.actor && reference.actors.get(speaker.actor)?.kind === 'organisation') return true;
  const { speakerPhraseWords } = reference.lexicon;
  return tokenize(speaker.name).some(
    (token) => speakerPhraseWords.has(token.lower) && !grammarWords.has(token.lower),
  );
}

/** Words of `speaker_phrase_words` that name nothing by themselves. */
const grammarWords: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'of', 'for', 'and']);

/**
 * The person the sentence names (its speaker if a person, else the first person mentioned),
 * or the one named before, one sentence older.
 */
function personOf(
  text: string,
  speaker: ResolvedSpeaker | null,
  mentions: ActorMention[],
  reading: Reading,
  reference: ReferenceData,
): Reading['lastPerson'] {
  const last = reading.lastPerson;
  // "…,” he added: the same person, still the one "he" names in the next sentence.
  if (speaker?.carried === 'name' && last?.name === speaker.name) return { ...last, age: 0 };
  if (speaker && !speaker.carried) {
    const name = personNamed(speaker.name, reference);
    if (name) return { name, actor: speaker.actor, age: 0 };
  }
  const person = mentions.find((mention) => mention.person);
  if (person?.person) return { name: person.person, actor: person.actor, age: 0 };
  // "He praised …": a sentence about "he" keeps the same person in view.
  if (last && last.age <= 1 && /^(?:[“"‘']\s*)?(?:he|she)\b/iu.test(text))
    return { ...last, age: 0 };
  return last ? { ...last, age: last.age + 1 } : null;
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

/**
 * Themes carried by enough sentences (each with a strong cue or several cues, the title and the
 * lead counting double) whose weight over the article reaches the taxonomy's article threshold
 * and share: one passing mention, or one weak word however often repeated, is not a theme.
 */
function articleThemes(reading: Reading, reference: ReferenceData): ThemeId[] {
  const ranked = [...reading.themeWeight.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(
      ([theme, weight]) =>
        weight >= reference.themeArticleThreshold &&
        weight >= top * reference.themeArticleShare &&
        (reading.themeSentences.get(theme) ?? 0) >= reference.themeArticleSentences,
    )
    .map(([theme]) => theme);
}

function rank<K>(values: Map<K, number>): K[] {
  return [...values.entries()].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

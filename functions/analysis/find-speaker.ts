import type { ActorId } from '../model/types';
import type { Lexicon, ReferenceData } from '../reference/reference-data';
import { clauseOpeners, subjectPronouns, wordsBetweenSubjectAndVerb } from '../text/function-words';
import { startsUpper } from '../text/letter-tests';
import { type Gap, gapsIn, type Token, tokenize } from '../text/tokenize';
import { type ActorMention, findActorMentions } from './find-actors';

export interface Speaker {
  /** The speaker as named: a person, "the Kremlin", "Russia's foreign ministry". */
  name: string;
  actor: ActorId | null;
}

export interface SpeechFound {
  /** The speaker, `'pronoun'` for "he said" (the caller knows who), or null. */
  speaker: Speaker | 'pronoun' | null;
  /** The quoted words, when the sentence has any. */
  quote: string | null;
  /** The pronoun that stands for the speaker ("he", "they"), when `speaker` is `'pronoun'`. */
  pronoun?: string;
}

const quotePattern = /[“"«]([^”"»]{3,})[”"»]/gu;

/**
 * Who says what in a sentence that reports speech: "…," Putin said; said Lavrov; X told
 * Reuters that …; according to the statement. The speaker is the phrase next to the speech
 * verb; its actor is the actor named in that phrase, or null when the phrase names only an
 * unknown person ("said Derek Scissors, a China scholar" is not China speaking).
 */
export function findSpeech(
  sentence: string,
  tokens: Token[],
  mentions: ActorMention[],
  lexicon: Lexicon,
): SpeechFound {
  const quotes = [...sentence.matchAll(quotePattern)].map((match) => (match[1] ?? '').trim());
  const quote = quotes.length ? quotes.join(' … ') : null;
  const verb = tokens.findIndex(
    (token, k) =>
      lexicon.speechVerbs.has(token.lower) &&
      (token.lower !== 'according' || tokens[k + 1]?.lower === 'to') &&
      !insideQuote(sentence, token.start),
  );
  if (verb < 0) return { speaker: null, quote };
  const gap = gapsIn(sentence, tokens);
  const context: Context = { sentence, tokens, mentions, gap, lexicon };

  if (tokens[verb]?.lower === 'according')
    return { speaker: phraseAfter(context, verb + 1), quote };

  let end = verb - 1;
  while (
    end >= 0 &&
    wordsBetweenSubjectAndVerb.has(tokens[end]?.lower ?? '') &&
    gap(end, end + 1) === ''
  )
    end--;
  const before = end >= 0 ? gap(end, end + 1) : '.';
  if (before === '' && subjectPronouns.has(tokens[end]?.lower ?? '')) {
    // "X said he …" starts the reported clause with the pronoun; "he said" names no one.
    return { speaker: 'pronoun', quote, pronoun: tokens[end]?.lower ?? '' };
  }
  if (before === '' && end >= 0) {
    // "executives announced Wednesday": a subject we cannot name is no one, not what follows.
    return { speaker: phraseBefore(context, end), quote };
  }
  if (before.endsWith(',') && !/[“"”]/u.test(before)) {
    // "Carlineo's attorney, Sonya Zoghlin, said": the name set off by commas; "Hua Chunying, a
    // spokesperson for China's foreign ministry, said": the sentence's subject.
    const subject = nameBetweenCommas(context, end) ?? phraseAfter(context, -1);
    if (subject) return { speaker: subject, quote };
  }
  // "…," said Derek Scissors. ("X told Reuters": what follows "told" is the listener.)
  if (tokens[verb]?.lower === 'told' || tokens[verb]?.lower === 'tells')
    return { speaker: null, quote };
  const next = tokens[verb + 1];
  if (!next || !/^(?:\p{Lu}|the$|a$|an$)/u.test(next.text)) return { speaker: null, quote };
  return { speaker: phraseAfter(context, verb), quote };
}

/** The sentence being read, for the phrase readers below. */
interface Context {
  sentence: string;
  tokens: Token[];
  mentions: ActorMention[];
  gap: Gap;
  lexicon: Lexicon;
}

function insideQuote(sentence: string, at: number): boolean {
  for (const match of sentence.matchAll(quotePattern)) {
    const start = match.index ?? 0;
    if (at > start && at < start + match[0].length) return true;
  }
  return false;
}

/** The noun phrase ending at `end` ("Russia's foreign ministry", "White House Press Secretary X"). */
function phraseBefore(context: Context, end: number): Speaker | null {
  const { tokens, gap, lexicon } = context;
  let start = end;
  while (start > 0 && end - start < 7 && gap(start - 1, start) === '') {
    const previous = tokens[start - 1] as Token;
    if (/^\p{Ll}/u.test(previous.text) && !lexicon.speakerPhraseWords.has(previous.lower)) break;
    start--;
  }
  // "As the sources reiterated", "After the Biden administration announced".
  while (start <= end && clauseOpeners.has(tokens[start]?.lower ?? '')) start++;
  return speakerIn(context, start, end + 1);
}

/** The noun phrase after token `after`, up to the next punctuation. */
function phraseAfter(context: Context, after: number): Speaker | null {
  const { tokens, gap } = context;
  const start = after + 1;
  let end = start;
  while (end < tokens.length && end - start < 10) {
    // "James P. Kennedy": an initial's full stop does not end the name.
    const initial = /^\p{Lu}$/u.test(tokens[end - 1]?.text ?? '') && gap(end - 1, end) === '.';
    if (end > start && gap(end - 1, end) !== '' && !initial) break;
    end++;
  }
  return speakerIn(context, start, end);
}

/** A capitalised name of two to four words between the commas before the verb. */
function nameBetweenCommas(context: Context, end: number): Speaker | null {
  const { tokens, gap } = context;
  let start = end;
  while (start > 0 && gap(start - 1, start) === '') start--;
  if (start === 0 || !gap(start - 1, start).endsWith(',')) return null;
  const words = tokens.slice(start, end + 1);
  if (words.length < 2 || words.length > 4) return null;
  if (!words.every((token) => /^\p{Lu}\p{Ll}/u.test(token.text))) return null;
  return speakerIn(context, start, end + 1);
}

/** The speaker named by tokens [from, to): a person first, else the actor named, else the words. */
function speakerIn(context: Context, from: number, to: number): Speaker | null {
  const { sentence, tokens, mentions } = context;
  const { speakerPhraseWords } = context.lexicon;
  if (from >= to || from < 0) return null;
  const inside = mentions.filter((mention) => mention.from >= from && mention.from < to);
  const person = inside.find((mention) => mention.person);
  if (person?.person) return { name: person.person, actor: person.actor };
  // The phrase ends before its first word that is neither capitalised nor an institution word.
  let end = from + 1;
  while (
    end < to &&
    (startsUpper(tokens[end]?.text ?? '') || speakerPhraseWords.has(tokens[end]?.lower ?? ''))
  )
    end++;
  if (inside[0] && inside[0].from < end) end = Math.max(end, inside[0].to);
  // "The unions": a determiner alone names no one; keep the words up to the verb.
  if (end === from + 1 && speakerPhraseWords.has(tokens[from]?.lower ?? '')) end = to;
  const text = sentence.slice(tokens[from]?.start ?? 0, tokens[end - 1]?.end ?? 0).trim();
  if (!text) return null;
  const first = inside[0];
  if (first) {
    // An unknown person named before the actor ("Derek Scissors, a China scholar") speaks for
    // no one we know.
    const lead = tokens[from];
    const unknownPersonFirst =
      first.from > from + 1 &&
      lead !== undefined &&
      /^\p{Lu}\p{Ll}/u.test(lead.text) &&
      /^\p{Lu}\p{Ll}/u.test(tokens[from + 1]?.text ?? '') &&
      !speakerPhraseWords.has(lead.lower);
    return { name: text, actor: unknownPersonFirst ? null : first.actor };
  }
  // Only speakers that name someone: a capitalised name or an institution phrase.
  const words = tokens.slice(from, to);
  if (startsUpper(text) || words.every((token) => speakerPhraseWords.has(token.lower)))
    return { name: text, actor: null };
  return null;
}

/**
 * The person a speaker's phrase names, or null when it names an institution: a known person
 * ("Vladimir Putin"), else the capitalised name that ends the phrase after its job title
 * ("Mykola Solsky" in "Agriculture Minister Mykola Solsky"; "Denis Sassou Nguesso" in "Congo
 * Republic President Denis Sassou Nguesso"). "The World Food Programme", "Russia's foreign
 * ministry" and "Abuja" name no person.
 */
export function personNamed(phrase: string, reference: ReferenceData): string | null {
  const mentions = findActorMentions(phrase, reference);
  const known = mentions.find((mention) => mention.person);
  if (known?.person) return known.person;
  const { lexicon } = reference;
  const tokens = tokenize(phrase);
  const covered = (k: number) => mentions.some((mention) => k >= mention.from && k < mention.to);
  const titleLike = (lower: string) =>
    lexicon.speakerPhraseWords.has(lower) ||
    lexicon.titleWords.has(lower) ||
    lexicon.titleHeads.has(lower) ||
    lexicon.honorifics.has(lower) ||
    lexicon.contextualTitleStarts.has(lower);
  let start = tokens.length;
  while (start > 0) {
    const token = tokens[start - 1] as Token;
    const nameWord = startsUpper(token.text) && !titleLike(token.lower);
    const particle = lexicon.nameParticles.has(token.lower) && start < tokens.length;
    if ((!nameWord && !particle) || covered(start - 1)) break;
    // "Russia's …": a possessive ends the institution, not a name.
    if (token.possessive && start < tokens.length) break;
    start--;
  }
  while (start < tokens.length && !startsUpper(tokens[start]?.text ?? '')) start++;
  if (tokens.length - start < 2) return null;
  return phrase.slice(tokens[start]?.start ?? 0, tokens[tokens.length - 1]?.end ?? 0);
}

import type { ActorId } from '../model/types';
import { type Gap, gapsIn, type Token } from '../text/tokenize';
import type { ActorMention } from './find-actors';

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
}

const speechVerbs = new Set([
  'said',
  'says',
  'added',
  'adds',
  'stressed',
  'noted',
  'told',
  'tells',
  'stated',
  'warned',
  'warns',
  'announced',
  'declared',
  'urged',
  'insisted',
  'explained',
  'emphasized',
  'emphasised',
  'claimed',
  'argued',
  'asserted',
  'reiterated',
  'confirmed',
  'denied',
  'wrote',
  'tweeted',
  'quipped',
  'remarked',
  'pledged',
  'vowed',
  'acknowledged',
  'complained',
  'cautioned',
  'replied',
  'responded',
  'commented',
  'according',
]);
const pronouns = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
// Words between a subject and its verb: "Lavrov also said", "the ministry has said".
const betweenSubjectAndVerb = new Set([
  'also',
  'has',
  'had',
  'have',
  'later',
  'further',
  'then',
  'earlier',
  'previously',
  'reportedly',
  'separately',
  'again',
  'repeatedly',
  'once',
  'publicly',
  'recently',
  'would',
  'will',
]);
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
): SpeechFound {
  const quotes = [...sentence.matchAll(quotePattern)].map((match) => (match[1] ?? '').trim());
  const quote = quotes.length ? quotes.join(' … ') : null;
  const verb = tokens.findIndex(
    (token, k) =>
      speechVerbs.has(token.lower) &&
      (token.lower !== 'according' || tokens[k + 1]?.lower === 'to') &&
      !insideQuote(sentence, token.start),
  );
  if (verb < 0) return { speaker: null, quote };
  const gap = gapsIn(sentence, tokens);

  if (tokens[verb]?.lower === 'according')
    return { speaker: phraseAfter(sentence, tokens, mentions, verb + 1, gap), quote };

  let end = verb - 1;
  while (
    end >= 0 &&
    betweenSubjectAndVerb.has(tokens[end]?.lower ?? '') &&
    gap(end, end + 1) === ''
  )
    end--;
  const before = end >= 0 ? gap(end, end + 1) : '.';
  if (before === '' && pronouns.has(tokens[end]?.lower ?? '')) {
    // "X said he …" starts the reported clause with the pronoun; "he said" names no one.
    return { speaker: 'pronoun', quote };
  }
  if (before === '' && end >= 0) {
    // "executives announced Wednesday": a subject we cannot name is no one, not what follows.
    return { speaker: phraseBefore(sentence, tokens, mentions, end, gap), quote };
  }
  if (before.endsWith(',') && !/[“"”]/u.test(before)) {
    // "Carlineo's attorney, Sonya Zoghlin, said": the name set off by commas; "Hua Chunying, a
    // spokesperson for China's foreign ministry, said": the sentence's subject.
    const appositive = nameBetweenCommas(sentence, tokens, mentions, end, gap);
    const subject = appositive ?? phraseAfter(sentence, tokens, mentions, -1, gap);
    if (subject) return { speaker: subject, quote };
  }
  // "…," said Derek Scissors. ("X told Reuters": what follows "told" is the listener.)
  if (tokens[verb]?.lower === 'told' || tokens[verb]?.lower === 'tells')
    return { speaker: null, quote };
  const next = tokens[verb + 1];
  if (!next || !/^(?:\p{Lu}|the$|a$|an$)/u.test(next.text)) return { speaker: null, quote };
  return { speaker: phraseAfter(sentence, tokens, mentions, verb, gap), quote };
}

function insideQuote(sentence: string, at: number): boolean {
  for (const match of sentence.matchAll(quotePattern)) {
    const start = match.index ?? 0;
    if (at > start && at < start + match[0].length) return true;
  }
  return false;
}

/** The noun phrase ending at `end` ("Russia's foreign ministry", "White House Press Secretary X"). */
function phraseBefore(
  sentence: string,
  tokens: Token[],
  mentions: ActorMention[],
  end: number,
  gap: Gap,
): Speaker | null {
  let start = end;
  while (start > 0 && end - start < 7 && gap(start - 1, start) === '') {
    const previous = tokens[start - 1] as Token;
    if (/^\p{Ll}/u.test(previous.text) && !isPhraseWord(previous.lower)) break;
    start--;
  }
  // "As the sources reiterated", "After the Biden administration announced".
  while (start <= end && subordinators.has(tokens[start]?.lower ?? '')) start++;
  return speakerIn(sentence, tokens, mentions, start, end + 1);
}

/** The noun phrase after token `after`, up to the next punctuation. */
function phraseAfter(
  sentence: string,
  tokens: Token[],
  mentions: ActorMention[],
  after: number,
  gap: Gap,
): Speaker | null {
  const start = after + 1;
  let end = start;
  while (end < tokens.length && end - start < 10) {
    // "James P. Kennedy": an initial's full stop does not end the name.
    const initial = /^\p{Lu}$/u.test(tokens[end - 1]?.text ?? '') && gap(end - 1, end) === '.';
    if (end > start && gap(end - 1, end) !== '' && !initial) break;
    end++;
  }
  return speakerIn(sentence, tokens, mentions, start, end);
}

/** A capitalised name of two to four words between the commas before the verb. */
function nameBetweenCommas(
  sentence: string,
  tokens: Token[],
  mentions: ActorMention[],
  end: number,
  gap: Gap,
): Speaker | null {
  let start = end;
  while (start > 0 && gap(start - 1, start) === '') start--;
  if (start === 0 || !gap(start - 1, start).endsWith(',')) return null;
  const words = tokens.slice(start, end + 1);
  if (words.length < 2 || words.length > 4) return null;
  if (!words.every((token) => /^\p{Lu}\p{Ll}/u.test(token.text))) return null;
  return speakerIn(sentence, tokens, mentions, start, end + 1);
}

const subordinators = new Set(['as', 'after', 'when', 'while', 'before', 'since', 'but', 'and']);
const phraseWords = new Set([
  'the',
  'a',
  'an',
  'its',
  'foreign',
  'ministry',
  'minister',
  'office',
  'department',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'officials',
  'official',
  'sources',
  'source',
  'statement',
  'government',
  'embassy',
  'president',
  'leader',
  'leaders',
  'ministers',
  'diplomats',
  'diplomatic',
  'military',
  'police',
  'local',
  'senior',
  'top',
  'participants',
  'state',
  'administration',
  'meeting',
  'press',
  'secretary',
  'envoy',
  'ambassador',
  'of',
  'for',
  'and',
]);

function isPhraseWord(word: string): boolean {
  return phraseWords.has(word);
}

/** The speaker named by tokens [from, to): a person first, else the actor named, else the words. */
function speakerIn(
  sentence: string,
  tokens: Token[],
  mentions: ActorMention[],
  from: number,
  to: number,
): Speaker | null {
  if (from >= to || from < 0) return null;
  const inside = mentions.filter((mention) => mention.from >= from && mention.from < to);
  const person = inside.find((mention) => mention.person);
  if (person?.person) return { name: person.person, actor: person.actor };
  // The phrase ends before its first word that is neither capitalised nor an institution word.
  let end = from + 1;
  while (
    end < to &&
    (/^\p{Lu}/u.test(tokens[end]?.text ?? '') || phraseWords.has(tokens[end]?.lower ?? ''))
  )
    end++;
  if (inside[0] && inside[0].from < end) end = Math.max(end, inside[0].to);
  // "The unions": a determiner alone names no one; keep the words up to the verb.
  if (end === from + 1 && phraseWords.has(tokens[from]?.lower ?? '')) end = to;
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
      !phraseWords.has(lead.lower);
    return { name: text, actor: unknownPersonFirst ? null : first.actor };
  }
  // Only speakers that name someone: a capitalised name or an institution phrase.
  const words = tokens.slice(from, to);
  if (/^\p{Lu}/u.test(text) || words.every((token) => phraseWords.has(token.lower)))
    return { name: text, actor: null };
  return null;
}

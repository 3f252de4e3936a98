import type { ActorId } from '../model/types';
import type { Alias, AliasKind, Lexicon, ReferenceData } from '../reference/reference-data';
import {
  articles,
  calendarWords,
  coordinators,
  locativePrepositions,
} from '../text/function-words';
import { hasTwoLetters, startsUpper, startsWithLetter } from '../text/letter-tests';
import { type Gap, gapsIn, indexBefore, type Token, tokenize } from '../text/tokenize';

export interface ActorMention {
  actor: ActorId;
  kind: AliasKind;
  /** Token index of the mention's first and one-past-last word. */
  from: number;
  to: number;
  person?: string;
}

/** The words of a sentence and the actors they name; `tokens` lets callers read around them. */
export interface SentenceActors {
  tokens: Token[];
  mentions: ActorMention[];
}

/**
 * Finds the actors a sentence is about, applying docs/design.md's rules: capitals acting as
 * metonyms, seats, demonyms heading an institution, named people; a state or capital that is
 * only a location ("in Dushanbe", "flights from Kabul airport", "in Afghanistan and Iraq"), the
 * object of a job title ("US ambassador to the EU") or part of a longer name ("the London
 * Metal Exchange", "Inner Mongolia") is not an actor.
 */
export function findActorMentions(
  sentence: string,
  reference: ReferenceData,
  learned: ReadonlyMap<string, Alias> = new Map(),
): ActorMention[] {
  return findSentenceActors(sentence, reference, learned).mentions;
}

export function findSentenceActors(
  sentence: string,
  reference: ReferenceData,
  learned: ReadonlyMap<string, Alias> = new Map(),
): SentenceActors {
  const tokens = tokenize(sentence);
  const context: Context = {
    sentence,
    tokens,
    gap: gapsIn(sentence, tokens),
    reference,
    lexicon: reference.lexicon,
    shouting: isShouting(tokens),
    titleCase: isTitleCase(tokens),
  };
  const mentions: ActorMention[] = [];
  let locativeEnd = -1;
  let i = 0;
  while (i < tokens.length) {
    const alias = longestAliasAt(tokens, i, reference) ?? learnedAt(tokens, i, learned);
    if (!alias) {
      const agent = agentPrefix(tokens[i], reference);
      if (agent) mentions.push({ actor: agent.actor, kind: agent.kind, from: i, to: i + 1 });
      i++;
      continue;
    }
    const to = i + alias.tokens.length;
    const placeLike = isPlaceLike(alias, reference);
    if (placeLike && locativeEnd >= 0 && continuesPlaceList(context, locativeEnd, i, to)) {
      locativeEnd = to;
    } else if (alias.kind !== 'not-actor' && actsHere(alias, context, i, to)) {
      mentions.push({
        actor: alias.actor,
        kind: alias.kind,
        from: i,
        to,
        ...(alias.person ? { person: alias.person } : {}),
      });
    } else if (placeLike && isLocative(context, i, alias.kind === 'capital')) {
      locativeEnd = to;
    }
    i = to;
  }
  return { tokens, mentions };
}

// "Taliban-led", "Russian-backed", "U.S.-brokered": the first part acts.
const agentSuffixes =
  /^(.+)-(?:led|backed|controlled|brokered|sponsored|funded|supported|run|owned|allied|aligned|linked|installed|imposed|drafted)$/u;

function agentPrefix(token: Token | undefined, reference: ReferenceData): Alias | null {
  const match = token ? agentSuffixes.exec(token.text) : null;
  if (!match?.[1]) return null;
  const prefix = match[1];
  const aliases = reference.aliasesByFirstToken.get(prefix.toLowerCase()) ?? [];
  return (
    aliases.find(
      (alias) =>
        alias.kind !== 'not-actor' &&
        alias.tokens.length === 1 &&
        (alias.exactCase ? alias.tokens[0] === prefix : startsUpper(prefix)),
    ) ?? null
  );
}

interface Context {
  sentence: string;
  tokens: Token[];
  gap: Gap;
  reference: ReferenceData;
  lexicon: Lexicon;
  /** The sentence is in capitals ("WHO IS THE FRONT-RUNNER?"): acronyms there are words. */
  shouting: boolean;
  /** A headline in Title Case: capitalised words say nothing about names. */
  titleCase: boolean;
}

function isPlaceLike(alias: Alias, reference: ReferenceData): boolean {
  if (alias.kind === 'capital') return true;
  return alias.kind === 'name' && reference.actors.get(alias.actor)?.kind === 'state';
}

/** "in Afghanistan and Iraq", "in Kazakhstan, Kyrgyzstan and Uzbekistan": the list stays a place. */
function continuesPlaceList(context: Context, previousEnd: number, from: number, to: number) {
  const { tokens, gap } = context;
  if (from === previousEnd + 1) return coordinators.has(tokens[previousEnd]?.lower ?? '');
  if (from !== previousEnd) return false;
  return gap(previousEnd - 1, from) === ',' && coordinators.has(tokens[to]?.lower ?? '__');
}

function longestAliasAt(tokens: Token[], at: number, reference: ReferenceData): Alias | null {
  const first = tokens[at];
  if (!first) return null;
  for (const alias of reference.aliasesByFirstToken.get(first.lower) ?? []) {
    if (alias.tokens.every((word, k) => tokenMatches(tokens[at + k], word, alias))) return alias;
  }
  return null;
}

/**
 * A name learned earlier in the article ("Hua" after "Hua Chunying"), capitalised in the text
 * and standing alone: "Donald" learned from Donald Trump is not "Donald Tusk".
 */
function learnedAt(tokens: Token[], at: number, learned: ReadonlyMap<string, Alias>): Alias | null {
  const token = tokens[at];
  if (!token || !startsUpper(token.text)) return null;
  const alias = learned.get(token.lower);
  if (!alias) return null;
  const next = tokens[at + 1];
  const previous = tokens[at - 1];
  if (next && startsUpper(next.text) && !learned.has(next.lower)) return null;
  if (previous && /^\p{Lu}\p{Ll}/u.test(previous.text) && !learned.has(previous.lower) && at > 1)
    return null;
  return alias;
}

function tokenMatches(token: Token | undefined, word: string, alias: Alias): boolean {
  if (!token) return false;
  if (alias.exactCase) return token.text === word;
  if (token.lower !== word.toLowerCase()) return false;
  // One-word aliases are proper nouns: "China", "CHINA" or "al-Qaeda", never "china".
  return alias.tokens.length > 1 || /\p{Lu}/u.test(token.text);
}

function actsHere(alias: Alias, context: Context, from: number, to: number): boolean {
  const { tokens, reference, lexicon } = context;
  if (alias.exactCase && context.shouting && alias.kind !== 'person') return false;
  if (isObjectOfTitleHead(context, from)) return false;
  const isState = reference.actors.get(alias.actor)?.kind === 'state';
  switch (alias.kind) {
    case 'capital':
      if (isDateline(context, from, to)) return false;
      return (
        !isLocative(context, from, true) &&
        !lexicon.placeNounsAfterCapital.has(tokens[to]?.lower ?? '') &&
        !startsLongerName(context, to)
      );
    case 'name':
      if (!isState && endsLongerName(context, from)) return false;
      // "Biman Bangladesh Airlines": a state's name inside a longer proper name.
      if (isState && endsLongerName(context, from) && startsLongerName(context, to)) return false;
      if (isState && isDateline(context, from, to)) return false;
      if (
        isState &&
        lexicon.givenNameStates.has(tokens[from]?.lower ?? '') &&
        startsLongerName(context, to)
      )
        return false;
      return !(isState && isLocative(context, from, false));
    case 'demonym':
      return headsInstitution(context, to);
    case 'seat':
      return !endsLongerName(context, from);
    default:
      return true;
  }
}

/** "MOSCOW, July 16. /TASS/." or "LONDON (AP) —": the city the story was filed from. */
function isDateline(context: Context, from: number, to: number): boolean {
  const first = context.tokens[0];
  if (!first || first.text !== first.text.toUpperCase() || !/\p{L}{3}/u.test(first.text))
    return false;
  // "DUBAI, United Arab Emirates —": the state after the dateline city is part of it.
  if (from !== 0 && context.gap(0, from) !== ',') return false;
  const after = context.sentence.slice(context.tokens[to - 1]?.end ?? 0).trimStart();
  return from === 0 ? /^(?:,|\(|—|–|-)/u.test(after) : /^(?:\(|—|–|-)/u.test(after);
}

/**
 * "US ambassador to the EU", "presidential envoy to Afghanistan": the name is the object of a
 * job title, found by the title's head noun before the preposition.
 */
function isObjectOfTitleHead({ tokens, lexicon }: Context, from: number): boolean {
  const k = indexBefore(tokens, from, articles);
  const preposition = tokens[k]?.lower ?? '';
  if (preposition !== 'to' && preposition !== 'for' && preposition !== 'at') return false;
  return lexicon.titleObjectHeads.has(tokens[k - 1]?.lower ?? '');
}

/** "the London Metal Exchange", "Chad Wolf": a capitalised word goes on with the name. */
function startsLongerName(context: Context, to: number): boolean {
  if (context.titleCase) return false;
  const next = context.tokens[to];
  if (!next || !/^\p{Lu}\p{Ll}/u.test(next.text) || calendarWords.has(next.lower)) return false;
  if (context.gap(to - 1, to) !== '') return false;
  return !context.reference.aliasesByFirstToken.has(next.lower);
}

/**
 * "the National Security Council", "the Russian Security Council": a capitalised word before a
 * body's name makes it another body.
 */
function endsLongerName(context: Context, from: number): boolean {
  if (context.titleCase || from === 0) return false;
  const previous = context.tokens[from - 1];
  if (!previous || !/^\p{Lu}\p{Ll}/u.test(previous.text) || articles.has(previous.lower))
    return false;
  if (previous.text.includes('-')) return false;
  return context.gap(from - 1, from) === '' && !previous.possessive;
}

function isLocative({ tokens, lexicon }: Context, from: number, ofCounts: boolean): boolean {
  const k = indexBefore(tokens, from, articles);
  const before = tokens[k]?.lower ?? '';
  if (locativePrepositions.has(before)) return true;
  // "capital of Tajikistan", "the north of Afghanistan": a part of a place is a place.
  return (
    before === 'of' && (ofCounts || lexicon.placePartsBeforeOf.has(tokens[k - 1]?.lower ?? ''))
  );
}

/** True when a head noun follows the demonym, past modifiers and coordinated demonyms. */
function headsInstitution({ tokens, lexicon }: Context, after: number): boolean {
  for (let k = after; k < Math.min(tokens.length, after + 5); k++) {
    const word = tokens[k]?.lower ?? '';
    if (lexicon.demonymHeads.has(word)) return true;
    if (!lexicon.demonymModifiers.has(word) && !startsUpper(tokens[k]?.text ?? '')) return false;
  }
  return false;
}

/** Three or more words in capitals and no word in lower case: a shouted heading. */
function isShouting(tokens: Token[]): boolean {
  const words = tokens.filter((token) => hasTwoLetters(token.text));
  const capitals = words.filter((token) => token.text === token.text.toUpperCase());
  return capitals.length >= 3 && capitals.length >= words.length * 0.8;
}

function isTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((token) => token.text.length > 3 && startsWithLetter(token.text));
  const capitalised = words.filter((token) => startsUpper(token.text));
  return words.length >= 3 && capitalised.length === words.length;
}

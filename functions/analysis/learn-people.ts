import type { ActorId } from '../model/types';
import type { Lexicon, ReferenceData } from '../reference/reference-data';
import { type Gap, gapsIn, type Token } from '../text/tokenize';
import type { ActorMention } from './find-actors';

/** A person the article itself tells us speaks for an actor, by a job title next to the name. */
export interface TitledPerson {
  /** The name as written, e.g. "Zamir Kabulov". */
  name: string;
  actor: ActorId;
  /** Token span of the name in the sentence. */
  from: number;
  to: number;
}

/**
 * Finds people named after a job title that says whom they speak for — "Chinese foreign
 * minister Wang Yi", "Russia's presidential envoy to Afghanistan Zamir Kabulov", "Hua Chunying,
 * a spokesperson for China's foreign ministry" — and, for a title naming only an institution
 * ("Department spokesman Ned Price"), the actor of the last institution the article named.
 * A name with no such cue is left out: unknown people stay unattributed rather than guessed.
 */
export function findTitledPeople(
  sentence: string,
  tokens: Token[],
  mentions: ActorMention[],
  lastInstitution: ActorId | null,
  reference: ReferenceData,
): TitledPerson[] {
  const { lexicon } = reference;
  if (!tokens.some((token) => lexicon.titleHeads.has(token.lower))) return [];
  const mentionAt = new Map<number, ActorMention>();
  for (const mention of mentions)
    for (let k = mention.from; k < mention.to; k++) mentionAt.set(k, mention);
  const context: Context = { tokens, mentionAt, gap: gapsIn(sentence, tokens), reference, lexicon };
  const found: TitledPerson[] = [];

  let i = 0;
  while (i < tokens.length) {
    const span = nameSpanAt(context, i);
    if (!span) {
      i++;
      continue;
    }
    const [from, to] = span;
    const actor = titleBefore(context, from, lastInstitution) ?? appositiveAfter(context, to);
    if (actor) {
      const name = tokens
        .slice(from, to)
        .map((token) => sentence.slice(token.start, token.end).replace(/['’]s$/, ''))
        .join(' ');
      found.push({ name, actor, from, to });
    }
    i = to;
  }
  return found;
}

/** The sentence being read, for the title readers below. */
interface Context {
  tokens: Token[];
  /** The actor mention covering each token that has one. */
  mentionAt: Map<number, ActorMention>;
  gap: Gap;
  reference: ReferenceData;
  lexicon: Lexicon;
}

/** Two to four capitalised words that are neither a title nor a known actor's name. */
function nameSpanAt(context: Context, at: number): [number, number] | null {
  const { tokens, mentionAt, gap, lexicon } = context;
  const isNameWord = (k: number) => {
    const token = tokens[k];
    if (!token || mentionAt.has(k)) return false;
    // A state or body's name that did not act here ("envoy to Afghanistan") is no one's name.
    if (isOneWordNonPersonName(token, context.reference)) return false;
    if (lexicon.titleWords.has(token.lower) || lexicon.titleHeads.has(token.lower)) return false;
    return /^\p{Lu}\p{Ll}/u.test(token.text) || (k > at && lexicon.nameParticles.has(token.lower));
  };
  let from = at;
  if (
    lexicon.honorifics.has(tokens[from]?.lower ?? '') &&
    gap(from, from + 1).replace('.', '') === ''
  )
    from++;
  if (!isNameWord(from)) return null;
  let to = from + 1;
  while (to < tokens.length && to - from < 4 && isNameWord(to) && gap(to - 1, to) === '') {
    if (tokens[to - 1]?.possessive) break;
    to++;
  }
  if (lexicon.nameParticles.has(tokens[to - 1]?.lower ?? '')) to--;
  return to - from >= 2 ? [from, to] : null;
}

/** The actor of a job title right before the name ("Chinese foreign minister Wang Yi"). */
function titleBefore(
  context: Context,
  from: number,
  lastInstitution: ActorId | null,
): ActorId | null {
  const { tokens, mentionAt, gap, lexicon } = context;
  let k = from - 1;
  // "Sweden's deputy director of public prosecutions, Eva-Marie Persson".
  if (k >= 0 && !['', ','].includes(gap(k, from))) return null;
  let hasHead = false;
  let cue: ActorMention | null = null;
  let start = from;
  while (k >= 0 && from - k <= 9) {
    const token = tokens[k] as Token;
    const mention = mentionAt.get(k);
    if (mention) {
      if (mention.kind === 'person') break;
      cue = mention;
      k = mention.from - 1;
    } else if (lexicon.titleHeads.has(token.lower)) {
      hasHead = true;
      k--;
    } else if (lexicon.titleWords.has(token.lower) || isKnownNameAfterPreposition(context, k)) {
      k--;
    } else break;
    start = k + 1;
    if (k >= 0 && gap(k, k + 1) !== '') break;
  }
  if (!hasHead) return null;
  if (cue) return cue.actor;
  return lexicon.contextualTitleStarts.has(tokens[start]?.lower ?? '') ? lastInstitution : null;
}

/**
 * "envoy to Afghanistan", read back from the name: a state or body named after to, for or the
 * is the object of the title. (`find-actors` decides the same for a mention from the title's
 * head noun instead, before the mention is made.)
 */
function isKnownNameAfterPreposition({ tokens, reference }: Context, at: number): boolean {
  const token = tokens[at];
  if (!token || !['to', 'for', 'the'].includes(tokens[at - 1]?.lower ?? '')) return false;
  return isOneWordNonPersonName(token, reference);
}

/** A one-word name of a state, capital, body or place: "Afghanistan", "Kabul", "NATO". */
function isOneWordNonPersonName(token: Token, reference: ReferenceData): boolean {
  return (reference.aliasesByFirstToken.get(token.lower) ?? []).some(
    (alias) => alias.kind !== 'person' && alias.tokens.length === 1,
  );
}

/** The actor of an appositive title after the name ("Hua Chunying, a spokesperson for China's …"). */
function appositiveAfter(context: Context, to: number): ActorId | null {
  const { tokens, mentionAt, gap, lexicon } = context;
  if (to >= tokens.length || gap(to - 1, to) !== ',') return null;
  let hasHead = false;
  for (let k = to; k < Math.min(tokens.length, to + 9); k++) {
    const token = tokens[k] as Token;
    const mention = mentionAt.get(k);
    if (lexicon.titleHeads.has(token.lower)) hasHead = true;
    if (mention && mention.kind !== 'person' && hasHead) return mention.actor;
    if (k > to && gap(k - 1, k) !== '') return null;
  }
  return null;
}

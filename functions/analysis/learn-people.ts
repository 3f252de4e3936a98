import type { ActorId } from '../model/types';
import type { ReferenceData } from '../reference/reference-data';
import { type Gap, gapsIn, type Token } from '../text/tokenize';
import type { ActorMention } from './find-actors';

/** A person the article itself tells us speaks for an actor. */
export interface RoleCuedPerson {
  /** The name as written, e.g. "Zamir Kabulov". */
  name: string;
  actor: ActorId;
  /** Token span of the name in the sentence. */
  from: number;
  to: number;
}

// Words of a job title; the title must hold at least one of `roleHeads`.
const roleWords = new Set([
  'foreign',
  'ministry',
  'deputy',
  'vice',
  'prime',
  'presidential',
  'special',
  'press',
  'trade',
  'defence',
  'defense',
  'interior',
  'home',
  'finance',
  'affairs',
  'external',
  'commerce',
  'national',
  'security',
  'top',
  'senior',
  'acting',
  'former',
  'supreme',
  'permanent',
  'high',
  'attorney',
  'public',
  'prosecutions',
  'department',
  'office',
  'council',
  'cabinet',
  'army',
  'staff',
  'new',
  'then',
  'state',
  'of',
  'to',
  'for',
  'the',
  'and',
  'at',
  'in',
  'crown',
]);
const roleHeads = new Set([
  'minister',
  'secretary',
  'president',
  'envoy',
  'ambassador',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'negotiator',
  'representative',
  'adviser',
  'advisor',
  'director',
  'commander',
  'chancellor',
  'premier',
  'king',
  'queen',
  'emir',
  'prince',
  'leader',
  'official',
  'diplomat',
  'commissioner',
  'prosecutor',
  'general',
  'chief',
  'head',
]);
// A title naming only an institution of the article's context: "Department spokesman Ned Price".
const contextualTitleStarts = new Set(['department', 'ministry', 'office', 'embassy']);
const honorifics = new Set(['mr', 'mrs', 'ms', 'dr', 'cmdr', 'gen', 'col', 'lt', 'sir', 'dame']);
const nameParticles = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'von',
  'van',
  'der',
  'de',
  'da',
  'la',
  'le',
]);

/**
 * Finds people named after a job title that says whom they speak for — "Chinese foreign
 * minister Wang Yi", "Russia's presidential envoy to Afghanistan Zamir Kabulov", "Hua Chunying,
 * a spokesperson for China's foreign ministry" — and, for a title naming only an institution
 * ("Department spokesman Ned Price"), the actor of the last institution the article named.
 * A name with no such cue is left out: unknown people stay unattributed rather than guessed.
 */
export function findRoleCuedPeople(
  sentence: string,
  tokens: Token[],
  mentions: ActorMention[],
  lastInstitution: ActorId | null,
  reference: ReferenceData,
): RoleCuedPerson[] {
  if (!tokens.some((token) => roleHeads.has(token.lower))) return [];
  const mentionAt = new Map<number, ActorMention>();
  for (const mention of mentions)
    for (let k = mention.from; k < mention.to; k++) mentionAt.set(k, mention);
  const gap = gapsIn(sentence, tokens);
  const found: RoleCuedPerson[] = [];

  let i = 0;
  while (i < tokens.length) {
    const span = nameSpanAt(tokens, i, mentionAt, gap, reference);
    if (!span) {
      i++;
      continue;
    }
    const [from, to] = span;
    const actor =
      titleBefore(tokens, from, mentionAt, gap, lastInstitution, reference) ??
      appositiveAfter(tokens, to, mentionAt, gap);
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

/** Two to four capitalised words that are neither a title nor a known actor's name. */
function nameSpanAt(
  tokens: Token[],
  at: number,
  mentionAt: Map<number, ActorMention>,
  gap: Gap,
  reference: ReferenceData,
): [number, number] | null {
  const isNameWord = (k: number) => {
    const token = tokens[k];
    if (!token || mentionAt.has(k)) return false;
    // A state or body's name that did not act here ("envoy to Afghanistan") is no one's name.
    const aliases = reference.aliasesByFirstToken.get(token.lower) ?? [];
    if (aliases.some((alias) => alias.kind !== 'person' && alias.tokens.length === 1)) return false;
    if (roleWords.has(token.lower) || roleHeads.has(token.lower)) return false;
    return /^\p{Lu}\p{Ll}/u.test(token.text) || (k > at && nameParticles.has(token.lower));
  };
  let from = at;
  if (honorifics.has(tokens[from]?.lower ?? '') && gap(from, from + 1).replace('.', '') === '')
    from++;
  if (!isNameWord(from)) return null;
  let to = from + 1;
  while (to < tokens.length && to - from < 4 && isNameWord(to) && gap(to - 1, to) === '') {
    if (tokens[to - 1]?.possessive) break;
    to++;
  }
  if (nameParticles.has(tokens[to - 1]?.lower ?? '')) to--;
  return to - from >= 2 ? [from, to] : null;
}

/** The actor of a job title right before the name ("Chinese foreign minister Wang Yi"). */
function titleBefore(
  tokens: Token[],
  from: number,
  mentionAt: Map<number, ActorMention>,
  gap: Gap,
  lastInstitution: ActorId | null,
  reference: ReferenceData,
): ActorId | null {
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
    } else if (roleHeads.has(token.lower)) {
      hasHead = true;
      k--;
    } else if (roleWords.has(token.lower) || isTitleObject(tokens, k, reference)) {
      k--;
    } else break;
    start = k + 1;
    if (k >= 0 && gap(k, k + 1) !== '') break;
  }
  if (!hasHead) return null;
  if (cue) return cue.actor;
  return contextualTitleStarts.has(tokens[start]?.lower ?? '') ? lastInstitution : null;
}

/** "envoy to Afghanistan": a state or body named as the object of the title. */
function isTitleObject(tokens: Token[], at: number, reference: ReferenceData): boolean {
  const token = tokens[at];
  if (!token || !['to', 'for', 'the'].includes(tokens[at - 1]?.lower ?? '')) return false;
  return (reference.aliasesByFirstToken.get(token.lower) ?? []).some(
    (alias) => alias.kind !== 'person' && alias.tokens.length === 1,
  );
}

/** The actor of an appositive title after the name ("Hua Chunying, a spokesperson for China's …"). */
function appositiveAfter(
  tokens: Token[],
  to: number,
  mentionAt: Map<number, ActorMention>,
  gap: Gap,
): ActorId | null {
  if (to >= tokens.length || gap(to - 1, to) !== ',') return null;
  let hasHead = false;
  for (let k = to; k < Math.min(tokens.length, to + 9); k++) {
    const token = tokens[k] as Token;
    const mention = mentionAt.get(k);
    if (roleHeads.has(token.lower)) hasHead = true;
    if (mention && mention.kind !== 'person' && hasHead) return mention.actor;
    if (k > to && gap(k - 1, k) !== '') return null;
  }
  return null;
}

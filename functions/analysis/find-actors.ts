import type { ActorId } from '../core/types';
import type { Alias, AliasKind, ReferenceData } from '../reference/reference-data';
import { type Token, tokenize } from '../reference/tokenize';

export interface ActorMention {
  actor: ActorId;
  kind: AliasKind;
  /** Token index of the mention's first and one-past-last word. */
  from: number;
  to: number;
  person?: string;
}

// Prepositions that make a state or a capital a place rather than an actor ("in Dushanbe").
const locativeBefore = new Set([
  'in',
  'at',
  'into',
  'inside',
  'within',
  'across',
  'throughout',
  'around',
  'near',
  'from',
  'over',
  'toward',
  'towards',
  'via',
  'through',
  'outside',
  'beyond',
  'across',
]);
// Nouns after a capital that make it a place or a label ("Kabul airport", "Moscow time").
const placeNounsAfter = new Set([
  'airport',
  'time',
  'province',
  'region',
  'city',
  'streets',
  'residents',
  'format',
  'process',
  'suburbs',
  'outskirts',
  'district',
  'summit',
  'conference',
  'talks',
]);
const placePartsBeforeOf = new Set([
  'capital',
  'city',
  'province',
  'provinces',
  'region',
  'regions',
  'north',
  'south',
  'east',
  'west',
  'part',
  'parts',
  'territory',
  'outskirts',
  'centre',
  'center',
  'border',
  'borders',
]);
// Nouns that make a demonym name the state acting ("Russian officials", "the Chinese foreign ministry").
const demonymHeads = new Set([
  'official',
  'officials',
  'government',
  'governments',
  'authorities',
  'authority',
  'ministry',
  'ministries',
  'minister',
  'ministers',
  'president',
  'presidency',
  'leader',
  'leaders',
  'leadership',
  'premier',
  'prime',
  'chancellor',
  'diplomat',
  'diplomats',
  'diplomacy',
  'embassy',
  'embassies',
  'envoy',
  'envoys',
  'ambassador',
  'delegation',
  'side',
  'counterpart',
  'counterparts',
  'state',
  'forces',
  'troops',
  'military',
  'army',
  'navy',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'administration',
  'parliament',
  'lawmakers',
  'assessments',
  'assessment',
  'interests',
  'position',
  'stance',
  'proposal',
  'initiative',
  'statement',
  'sources',
  'regime',
  'intelligence',
  'policy',
  'negotiators',
  'mission',
  'secretary',
  'cabinet',
]);
const demonymModifiers = new Set([
  'and',
  'or',
  'foreign',
  'top',
  'new',
  'interim',
  'former',
  'senior',
  'official',
  'defence',
  'defense',
  'security',
  'presidential',
  'special',
  'acting',
  'deputy',
  'chief',
  'de',
  'facto',
]);
const articles = new Set(['the', 'a', 'an']);

/**
 * Finds the actors a sentence is about, applying DESIGN.md's rules: capitals acting as
 * metonyms, seats, demonyms heading an institution, named people; a state or capital that is
 * only a location ("in Dushanbe", "flights from Kabul airport") is not an actor.
 */
export function findActorMentions(
  sentence: string,
  reference: ReferenceData,
  learned: ReadonlyMap<string, Alias> = new Map(),
): ActorMention[] {
  const tokens = tokenize(sentence);
  const mentions: ActorMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const alias = longestAliasAt(tokens, i, reference) ?? learnedAt(tokens[i], learned);
    if (!alias) {
      i++;
      continue;
    }
    const to = i + alias.tokens.length;
    if (actsHere(alias, tokens, i, to, reference)) {
      mentions.push({
        actor: alias.actor,
        kind: alias.kind,
        from: i,
        to,
        ...(alias.person ? { person: alias.person } : {}),
      });
    }
    i = to;
  }
  return mentions;
}

function longestAliasAt(tokens: Token[], at: number, reference: ReferenceData): Alias | null {
  const first = tokens[at];
  if (!first) return null;
  for (const alias of reference.aliasesByFirstToken.get(first.lower) ?? []) {
    if (alias.tokens.every((word, k) => tokenMatches(tokens[at + k], word, alias))) return alias;
  }
  return null;
}

/** A name learned earlier in the article ("Hua" after "Hua Chunying"), capitalised in the text. */
function learnedAt(token: Token | undefined, learned: ReadonlyMap<string, Alias>): Alias | null {
  if (!token || !/^\p{Lu}/u.test(token.text)) return null;
  return learned.get(token.lower) ?? null;
}

function tokenMatches(token: Token | undefined, word: string, alias: Alias): boolean {
  if (!token) return false;
  if (alias.exactCase) return token.text === word;
  if (token.lower !== word.toLowerCase()) return false;
  // One-word aliases are proper nouns: "China", "CHINA" or "al-Qaeda", never "china".
  return alias.tokens.length > 1 || /\p{Lu}/u.test(token.text);
}

function actsHere(
  alias: Alias,
  tokens: Token[],
  from: number,
  to: number,
  reference: ReferenceData,
): boolean {
  const isState = reference.actors.get(alias.actor)?.kind === 'state';
  switch (alias.kind) {
    case 'capital':
      return !isLocative(tokens, from, true) && !placeNounsAfter.has(tokens[to]?.lower ?? '');
    case 'name':
      return !(isState && isLocative(tokens, from, false));
    case 'demonym':
      return headsInstitution(tokens, to);
    default:
      return true;
  }
}

function isLocative(tokens: Token[], from: number, ofCounts: boolean): boolean {
  let k = from - 1;
  while (k >= 0 && articles.has(tokens[k]?.lower ?? '')) k--;
  const before = tokens[k]?.lower ?? '';
  if (locativeBefore.has(before)) return true;
  // "capital of Tajikistan", "the north of Afghanistan": a part of a place is a place.
  return before === 'of' && (ofCounts || placePartsBeforeOf.has(tokens[k - 1]?.lower ?? ''));
}

/** True when a head noun follows the demonym, past modifiers and coordinated demonyms. */
function headsInstitution(tokens: Token[], after: number): boolean {
  for (let k = after; k < Math.min(tokens.length, after + 5); k++) {
    const word = tokens[k]?.lower ?? '';
    if (demonymHeads.has(word)) return true;
    if (!demonymModifiers.has(word) && !/^\p{Lu}/u.test(tokens[k]?.text ?? '')) return false;
  }
  return false;
}

import { ConfigError } from '../model/errors';
import { lazyAjv } from '../model/lazy-ajv';
import type { Lexicon } from './reference-data';

/** Each list of the lexicon and its key in `functions/data/lexicon.yaml`. */
const keys = {
  demonymHeads: 'demonym_heads',
  demonymModifiers: 'demonym_modifiers',
  placeNounsAfterCapital: 'place_nouns_after_capital',
  placePartsBeforeOf: 'place_parts_before_of',
  titleObjectHeads: 'title_object_heads',
  givenNameStates: 'given_name_states',
  titleHeads: 'title_heads',
  titleWords: 'title_words',
  contextualTitleStarts: 'contextual_title_starts',
  honorifics: 'honorifics',
  nameParticles: 'name_particles',
  titlesInNames: 'titles_in_names',
  speechVerbs: 'speech_verbs',
  speakerPhraseWords: 'speaker_phrase_words',
  creditWords: 'credit_words',
  agencyNames: 'agency_names',
  linkWords: 'link_words',
  timestampWords: 'timestamp_words',
  bylineWords: 'byline_words',
  promptVerbs: 'prompt_verbs',
  promptObjects: 'prompt_objects',
} as const satisfies Record<keyof Lexicon, string>;

/** The shape of `functions/data/lexicon.yaml`: every list, each a list of single words. */
export type LexiconFile = Record<(typeof keys)[keyof Lexicon], string[]>;

const fileKeys = Object.values(keys);
const ajv = lazyAjv({ allErrors: true });
const validate = ajv.compile({
  type: 'object',
  required: fileKeys,
  additionalProperties: false,
  properties: Object.fromEntries(
    fileKeys.map((key) => [key, { type: 'array', items: { type: 'string', pattern: '^\\S+$' } }]),
  ),
});

/**
 * Checks a parsed lexicon file: every list present, single words only, and no word twice in a
 * list (in any case), so an edit that repeats a word is caught rather than silently absorbed.
 * `origin` names the file in the error a user reads.
 */
export function checkLexiconFile(data: unknown, origin: string): LexiconFile {
  if (!validate(data)) {
    throw new ConfigError(`${origin}: ${ajv.errorsText(validate.errors, { dataVar: 'lexicon' })}`);
  }
  const file = data as LexiconFile;
  const repeated = fileKeys.flatMap((key) =>
    repeatedWords(file[key]).map((word) => `${key} lists "${word}" more than once`),
  );
  if (repeated.length) throw new ConfigError(`${origin}: ${repeated.join('; ')}`);
  return file;
}

/** The words of a list that appear in it more than once, compared in lower case. */
export function repeatedWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const word of words) {
    const lower = word.toLowerCase();
    if (seen.has(lower)) repeated.add(lower);
    seen.add(lower);
  }
  return [...repeated];
}

export function buildLexicon(file: LexiconFile): Lexicon {
  const lists = Object.entries(keys).map(([field, key]) => [
    field,
    new Set(file[key].map((word) => word.toLowerCase())),
  ]);
  return Object.fromEntries(lists) as Lexicon;
}

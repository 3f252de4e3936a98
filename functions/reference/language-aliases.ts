import { ConfigError } from '../model/errors';
import { lazyAjv } from '../model/lazy-ajv';
import { iso6393 } from '../text/language-codes';
import { aliasTokens } from '../text/tokenize';
import type { CountryFields } from './country-fields';
import type { Alias, ReferenceData } from './reference-data';

/** `functions/data/other-languages.yaml`: per ISO 639-1 language, actor id → names. */
export type LanguageNamesFile = Record<string, Record<string, string[]>>;

const ajv = lazyAjv({ allErrors: true });
const validate = ajv.compile({
  type: 'object',
  propertyNames: { pattern: '^[a-z]{2}$' },
  additionalProperties: {
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
});

/** Checks a parsed names file; `origin` names the file in the error a user reads. */
export function checkLanguageNamesFile(data: unknown, origin: string): LanguageNamesFile {
  if (!validate(data ?? {})) {
    throw new ConfigError(`${origin}: ${ajv.errorsText(validate.errors, { dataVar: 'names' })}`);
  }
  return (data ?? {}) as LanguageNamesFile;
}

/** world-countries keys its translations by ISO 639-3 (or 639-2/B: `per`); articles carry 639-1. */
const toIso6391 = new Map<string, string>();
for (const language of iso6393) {
  if (!language.iso6391) continue;
  toIso6391.set(language.iso6393, language.iso6391);
  if (language.iso6392B) toIso6391.set(language.iso6392B, language.iso6391);
}

/**
 * Translations that are also common given names or places in their own language, so they would
 * name a person or a city more often than the state: "Maurice" (Mauritius in French),
 * "Dominique" (Dominica), "Granada" (Grenada in Spanish, a Spanish city).
 */
const ambiguousTranslations = new Set(['maurice', 'dominique', 'granada']);

/**
 * Elided articles and prepositions that the tokenizer keeps on the next word ("l'Union" is one
 * token), per language: a name starting with a vowel or h is also listed with each.
 */
const elisions: Record<string, string[]> = {
  fr: ['l', 'd'],
  it: ['l', 'd', 'dell', 'all', 'nell', 'dall', 'sull'],
};

function withElisions(language: string, name: string): string[] {
  const prefixes = elisions[language];
  if (!prefixes || !/^[aeiouyhàâäéèêëîïôöûü]/i.test(name)) return [name];
  return [name, ...prefixes.flatMap((prefix) => [`${prefix}'${name}`, `${prefix}’${name}`])];
}

/** Scripts whose words are separated by spaces, so a name can be matched as whole words. */
const spacedScript =
  /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Greek}\s'’.,()-]+$/u;

/**
 * The names of actors in other languages, by ISO 639-1 code: the state names of
 * `world-countries` (`translations`, common and official) for the states of the reference,
 * plus `files` (ours, then a user's). A name is left out when it is an English alias of another
 * actor ("Niger" stays Niger; a translation that spells another state's English name is
 * dropped), when two actors share it in one language, or when it is a common given name or
 * place (`ambiguousTranslations`). English articles never read these names.
 */
export function buildLanguageAliases(
  reference: Pick<ReferenceData, 'actors' | 'aliasesByFirstToken'>,
  files: LanguageNamesFile[],
  countries: readonly CountryFields[],
): Map<string, Alias[]> {
  const english = new Map<string, string>();
  for (const list of reference.aliasesByFirstToken.values())
    for (const alias of list) english.set(alias.tokens.join(' ').toLowerCase(), alias.actor);

  const names = new Map<string, Map<string, Set<string>>>();
  const add = (language: string, actor: string, name: string) => {
    const key = aliasTokens(name).join(' ').toLowerCase();
    if (!key) return;
    const byName = names.get(language) ?? new Map<string, Set<string>>();
    names.set(language, byName);
    const owners = byName.get(key) ?? new Set<string>();
    owners.add(`${actor}\u0000${name}`);
    byName.set(key, owners);
  };
  for (const country of countries) {
    if (!reference.actors.has(country.cca3)) continue;
    for (const [code, translation] of Object.entries(country.translations)) {
      const language = toIso6391.get(code);
      if (!language || language === 'en') continue;
      for (const name of new Set([translation.common, translation.official]))
        if (spacedScript.test(name))
          for (const form of withElisions(language, name)) add(language, country.cca3, form);
    }
  }
  for (const file of files)
    for (const [language, entries] of Object.entries(file))
      for (const [actor, list] of Object.entries(entries)) {
        if (!reference.actors.has(actor))
          throw new ConfigError(
            `other-language names: ${language}: unknown actor id ${actor} (see actors.yaml)`,
          );
        for (const name of list)
          for (const form of withElisions(language, name)) add(language, actor, form);
      }

  const result = new Map<string, Alias[]>();
  for (const [language, byName] of names) {
    const aliases: Alias[] = [];
    for (const [key, owners] of byName) {
      const actors = new Set([...owners].map((owner) => owner.split('\u0000')[0] as string));
      if (actors.size !== 1 || ambiguousTranslations.has(key)) continue;
      const [actor] = actors as Set<string>;
      const englishOwner = english.get(key);
      if (englishOwner !== undefined && englishOwner !== actor) continue;
      if (englishOwner === actor) continue; // already an alias in every language
      const name = ([...owners][0] as string).split('\u0000')[1] as string;
      const tokens = aliasTokens(name);
      const exactCase = tokens.every((token) => token === token.toUpperCase());
      aliases.push({ tokens, actor: actor as string, kind: 'name', exactCase });
    }
    if (aliases.length) result.set(language, aliases);
  }
  return result;
}

const forLanguage = new WeakMap<ReferenceData, Map<string, ReferenceData>>();

/**
 * The reference an article in `language` is read with: ours, plus the names of actors in that
 * language (`aliasesByLanguage`), which win over an English alias of the same words. English
 * (and undetermined) articles get the reference itself, unchanged.
 */
export function referenceForLanguage(reference: ReferenceData, language: string): ReferenceData {
  const extra = reference.aliasesByLanguage?.get(language);
  if (!extra || language === 'en') return reference;
  let cache = forLanguage.get(reference);
  if (!cache) {
    cache = new Map();
    forLanguage.set(reference, cache);
  }
  const cached = cache.get(language);
  if (cached) return cached;
  const index = new Map<string, Alias[]>();
  for (const [first, list] of reference.aliasesByFirstToken) index.set(first, [...list]);
  for (const alias of extra) {
    const first = alias.tokens[0]?.toLowerCase() ?? '';
    const words = alias.tokens.join(' ').toLowerCase();
    const list = (index.get(first) ?? []).filter(
      (other) => other.tokens.join(' ').toLowerCase() !== words,
    );
    list.push(alias);
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    index.set(first, list);
  }
  const read: ReferenceData = { ...reference, aliasesByFirstToken: index };
  cache.set(language, read);
  return read;
}

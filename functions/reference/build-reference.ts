import { ConfigError } from '../model/errors';
import { lazyAjv } from '../model/lazy-ajv';
import type { ActorKind } from '../model/types';
import { stemOf, wordParts } from '../text/stem';
import { aliasTokens, tokenize } from '../text/tokenize';
import type { CountryFields } from './country-fields';
import { buildLexicon, type LexiconFile } from './lexicon';
import type { Actor, Alias, AliasKind, ReferenceData, Theme, ThemeCue } from './reference-data';

export interface StateAdditions {
  names?: string[];
  capitals?: string[];
  seats?: string[];
  demonyms?: string[];
}

export interface NamedActorData {
  name: string;
  aliases?: string[];
}

export interface PersonData {
  name: string;
  actor: string;
  role?: string;
  aliases?: string[];
}

/** The shape of `functions/data/actors.yaml` and of a user's own actor file. */
export interface ActorsFile {
  states?: Record<string, StateAdditions>;
  organisations?: Record<string, NamedActorData>;
  armed_groups?: Record<string, NamedActorData>;
  people?: PersonData[];
  /** Names that contain an actor's name but are not that actor ("Inner Mongolia"). */
  not_actors?: string[];
}

/** The shape of `functions/data/themes.yaml` and of a user's own theme file. */
export interface ThemesFile {
  threshold?: number;
  article_threshold?: number;
  article_share?: number;
  article_sentences?: number;
  themes: Record<
    string,
    {
      label: string;
      description?: string;
      cues: Record<string, number>;
      negative?: Record<string, number>;
    }
  >;
}

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } };
const namedActor = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: { type: 'string' }, aliases: stringList },
};
const ajv = lazyAjv({ allErrors: true });
const validateActors = ajv.compile({
  type: 'object',
  additionalProperties: false,
  properties: {
    states: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          names: stringList,
          capitals: stringList,
          seats: stringList,
          demonyms: stringList,
        },
      },
    },
    organisations: { type: 'object', additionalProperties: namedActor },
    armed_groups: { type: 'object', additionalProperties: namedActor },
    people: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'actor'],
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          actor: { type: 'string' },
          role: { type: 'string' },
          aliases: stringList,
        },
      },
    },
    not_actors: stringList,
  },
});
const weights = { type: 'object', additionalProperties: { type: 'number' } };
const validateThemes = ajv.compile({
  type: 'object',
  required: ['themes'],
  additionalProperties: false,
  properties: {
    threshold: { type: 'number', exclusiveMinimum: 0 },
    article_threshold: { type: 'number', minimum: 0 },
    article_share: { type: 'number', minimum: 0, maximum: 1 },
    article_sentences: { type: 'number', minimum: 0 },
    themes: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
      additionalProperties: {
        type: 'object',
        required: ['label', 'cues'],
        additionalProperties: false,
        properties: {
          label: { type: 'string' },
          description: { type: 'string' },
          cues: weights,
          negative: weights,
        },
      },
    },
  },
});

/** Checks a parsed actor file; `origin` names the file in the error a user reads. */
export function checkActorsFile(data: unknown, origin: string): ActorsFile {
  if (!validateActors(data)) {
    throw new ConfigError(
      `${origin}: ${ajv.errorsText(validateActors.errors, { dataVar: 'actors' })}`,
    );
  }
  return data as ActorsFile;
}

export function checkThemesFile(data: unknown, origin: string): ThemesFile {
  if (!validateThemes(data)) {
    throw new ConfigError(
      `${origin}: ${ajv.errorsText(validateThemes.errors, { dataVar: 'themes' })}`,
    );
  }
  return data as ThemesFile;
}

// Sovereign states and the few partially recognised ones a desk follows.
const extraStates = new Set(['TWN', 'PSE', 'XKX', 'VAT']);
// Capitals that are also common first names or words, so "Victoria said" is not the Seychelles.
const ambiguousCapitals = new Set(['Victoria', 'Kingston', 'Male', 'Praia', 'Hamilton']);

/**
 * Builds the reference data from the country package (`world-countries`, as read by
 * `loadReference`) and our data files. Later files win: a user's file given after ours
 * replaces entries with the same id.
 */
export function buildReference(
  actorFiles: ActorsFile[],
  themeFiles: ThemesFile[],
  outlets: Record<string, string>,
  lexicon: LexiconFile,
  countries: readonly CountryFields[],
): ReferenceData {
  const actors = new Map<string, Actor>();
  const aliases: Alias[] = [];
  const placeNames = new Set<string>();
  const addAlias = (text: string, actor: string, kind: AliasKind, person?: string) => {
    const tokens = aliasTokens(text);
    if (tokens.length === 0) return;
    const exactCase = tokens.every((token) => token === token.toUpperCase());
    aliases.push({ tokens, actor, kind, exactCase, ...(person ? { person } : {}) });
  };

  for (const country of countries) {
    if (!country.independent && !extraStates.has(country.cca3)) continue;
    const id = country.cca3;
    actors.set(id, { id, name: country.name.common, kind: 'state' });
    addAlias(country.name.common, id, 'name');
    addAlias(country.name.official, id, 'name');
    placeNames.add(country.name.common.toLowerCase());
    for (const spelling of country.altSpellings) {
      // Two-letter codes ("RU") and native scripts are not how English articles name states.
      if (spelling.length > 3 && /^[\p{Script=Latin}\s'’.,()-]+$/u.test(spelling))
        addAlias(spelling, id, 'name');
    }
    for (const capital of country.capital) {
      placeNames.add(capital.toLowerCase());
      if (!ambiguousCapitals.has(capital)) addAlias(capital, id, 'capital');
    }
    const demonyms = country.demonyms?.eng;
    if (demonyms)
      for (const demonym of new Set([demonyms.m, demonyms.f])) addAlias(demonym, id, 'demonym');
  }

  for (const file of actorFiles) {
    for (const [id, additions] of Object.entries(file.states ?? {})) {
      if (!actors.has(id)) actors.set(id, { id, name: id, kind: 'state' });
      for (const name of additions.names ?? []) addAlias(name, id, 'name');
      for (const capital of additions.capitals ?? []) {
        addAlias(capital, id, 'capital');
        placeNames.add(capital.toLowerCase());
      }
      for (const seat of additions.seats ?? []) addAlias(seat, id, 'seat');
      for (const demonym of additions.demonyms ?? []) addAlias(demonym, id, 'demonym');
    }
    const addNamed = (entries: Record<string, NamedActorData> | undefined, kind: ActorKind) => {
      for (const [id, entry] of Object.entries(entries ?? {})) {
        actors.set(id, { id, name: entry.name, kind });
        for (const alias of [entry.name, ...(entry.aliases ?? [])]) addAlias(alias, id, 'name');
      }
    };
    addNamed(file.organisations, 'organisation');
    addNamed(file.armed_groups, 'armed-group');
    for (const person of file.people ?? []) {
      for (const alias of [person.name, ...(person.aliases ?? [])])
        addAlias(alias, person.actor, 'person', person.name);
    }
    for (const name of file.not_actors ?? []) addAlias(name, '', 'not-actor');
  }
  for (const alias of aliases) {
    if (alias.kind !== 'not-actor' && !actors.has(alias.actor)) {
      throw new ConfigError(
        `actor data: "${alias.tokens.join(' ')}" points to unknown actor id ${alias.actor}`,
      );
    }
  }
  return {
    actors,
    aliasesByFirstToken: indexAliases(aliases),
    placeNames,
    ...buildThemes(themeFiles),
    outletsByHost: new Map(
      Object.entries(outlets).map(([host, name]) => [host.toLowerCase(), name]),
    ),
    lexicon: buildLexicon(lexicon),
  };
}

/** Later aliases with the same words replace earlier ones, so user files override ours. */
function indexAliases(aliases: Alias[]): Map<string, Alias[]> {
  const byWords = new Map<string, Alias>();
  for (const alias of aliases) {
    const words = alias.tokens.join(' ');
    const key = alias.exactCase ? words : words.toLowerCase();
    const existing = byWords.get(key);
    // "US" is both a name and a demonym; as a name it acts on its own, which covers both uses.
    if (existing?.kind === 'name' && alias.kind === 'demonym') continue;
    byWords.set(key, alias);
  }
  const index = new Map<string, Alias[]>();
  for (const alias of byWords.values()) {
    const first = alias.tokens[0]?.toLowerCase() ?? '';
    const list = index.get(first) ?? [];
    list.push(alias);
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

function buildThemes(
  files: ThemesFile[],
): Pick<
  ReferenceData,
  | 'themes'
  | 'themeThreshold'
  | 'themeArticleThreshold'
  | 'themeArticleShare'
  | 'themeArticleSentences'
> {
  const byId = new Map<string, Theme>();
  let threshold = 1;
  let articleThreshold = 2;
  let articleShare = 0.15;
  let articleSentences = 2;
  for (const file of files) {
    threshold = file.threshold ?? threshold;
    articleThreshold = file.article_threshold ?? articleThreshold;
    articleShare = file.article_share ?? articleShare;
    articleSentences = file.article_sentences ?? articleSentences;
    for (const [id, theme] of Object.entries(file.themes)) {
      byId.set(id, {
        id,
        label: theme.label,
        description: theme.description ?? '',
        cues: Object.entries(theme.cues).map(([cue, weight]) => compileCue(cue, weight)),
        negative: Object.entries(theme.negative ?? {}).map(([cue, weight]) =>
          compileCue(cue, weight),
        ),
      });
    }
  }
  return {
    themes: [...byId.values()],
    themeThreshold: threshold,
    themeArticleThreshold: articleThreshold,
    themeArticleShare: articleShare,
    themeArticleSentences: articleSentences,
  };
}

/**
 * "negotiat*" matches any word starting "negotiat"; "=talks" only "talks" (not "talked"); any
 * other word matches by its stem ("visit" matches "visits", "visiting", "visited").
 */
function compileCue(cue: string, weight: number): ThemeCue {
  const exact = cue.startsWith('=');
  const body = exact ? cue.slice(1) : cue;
  const prefix = body.endsWith('*');
  const words = tokenize(prefix ? body.slice(0, -1) : body).flatMap((token) =>
    wordParts(token.lower),
  );
  return { cue, weight, words, stems: words.map(stemOf), prefix, exact };
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Country } from 'world-countries';
import { parse } from 'yaml';
import { ConfigError } from '../model/errors';
import { buildReference, checkActorsFile, checkThemesFile } from './build-reference';
import { type CountryFields, countryFields } from './country-fields';
import { buildLanguageAliases, checkLanguageNamesFile } from './language-aliases';
import { checkLexiconFile } from './lexicon';
import { buildNewsValue, checkNewsValueFile } from './news-value';
import { buildOffTopicKinds, checkOffTopicFile } from './off-topic-cues';
import type { ReferenceData } from './reference-data';

export interface ReferenceFiles {
  /** The project root; our data files are in `<root>/functions/data/`. */
  root: string;
  /** A user's own actor file, applied after ours. */
  actorsFile?: string | undefined;
  themesFile?: string | undefined;
}

/**
 * Reads and checks the gazetteer, theme taxonomy, outlet list and lexicon, the names of actors
 * in other languages, the off-topic cues and the news-value cues (once per process).
 */
export function loadReference({ root, actorsFile, themesFile }: ReferenceFiles): ReferenceData {
  const dataDir = join(root, 'functions', 'data');
  const actors = [join(dataDir, 'actors.yaml'), actorsFile].filter(isPath);
  const themes = [join(dataDir, 'themes.yaml'), themesFile].filter(isPath);
  const lexiconFile = join(dataDir, 'lexicon.yaml');
  const countries = readCountries(dataDir);
  const reference = buildReference(
    actors.map((file) => checkActorsFile(readYaml(file), file)),
    themes.map((file) => checkThemesFile(readYaml(file), file)),
    readYaml(join(dataDir, 'outlets.yaml')) as Record<string, string>,
    checkLexiconFile(readYaml(lexiconFile), lexiconFile),
    countries,
  );
  const namesFile = join(dataDir, 'other-languages.yaml');
  const offTopicFile = join(dataDir, 'off-topic.yaml');
  const newsValueFile = join(dataDir, 'news-value.yaml');
  return {
    ...reference,
    aliasesByLanguage: buildLanguageAliases(
      reference,
      [checkLanguageNamesFile(readYaml(namesFile), namesFile)],
      countries,
    ),
    offTopic: buildOffTopicKinds(checkOffTopicFile(readYaml(offTopicFile), offTopicFile)),
    newsValue: buildNewsValue(checkNewsValueFile(readYaml(newsValueFile), newsValueFile)),
  };
}

/** Where `npm run package` writes the fields of world-countries the reference reads (infra/parse-data.ts). */
export const countriesTwinName = 'countries.json';

/**
 * world-countries' states, as the fields the reference reads: from the package where it is
 * installed (development, tests, the CLI), else from the copy of those fields that packaging
 * wrote to the data folder (the Lambda package ships that copy, not the package's 1.4 MB).
 * Read as JSON, not imported: `JSON.parse` reads it far faster than a JavaScript literal.
 */
function readCountries(dataDir: string): CountryFields[] {
  let file: string;
  try {
    file = require.resolve('world-countries/countries.json');
  } catch {
    return JSON.parse(readFileSync(join(dataDir, countriesTwinName), 'utf8')) as CountryFields[];
  }
  return (JSON.parse(readFileSync(file, 'utf8')) as Country[]).map(countryFields);
}

function isPath(value: string | undefined): value is string {
  return Boolean(value);
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the data file; check the path`, { cause: error });
  }
  const parsed = parsedTwin(file, text);
  if (parsed !== undefined) return parsed;
  try {
    return parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid YAML (${(error as Error).message})`, {
      cause: error,
    });
  }
}

/** Where `npm run package` writes a data file's parse (infra/parse-data.ts). */
export const parsedTwinPath = (file: string): string => `${file}.json`;

/** What a twin holds: the YAML's parse, and the SHA-256 of the text it was parsed from. */
export interface ParsedTwin {
  sha256: string;
  data: unknown;
}

export const sha256Of = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The parse of a YAML data file that packaging stored beside it, when it was made from this
 * very text: parsing our YAML costs ~350 ms of CPU at a cold start, reading its JSON ~2 ms.
 * A missing, unreadable or stale twin (the YAML edited since) is ignored and the YAML parsed.
 */
function parsedTwin(file: string, text: string): unknown {
  let twin: ParsedTwin;
  try {
    twin = JSON.parse(readFileSync(parsedTwinPath(file), 'utf8')) as ParsedTwin;
  } catch {
    return undefined;
  }
  return twin.sha256 === sha256Of(text) ? twin.data : undefined;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigError } from '../model/errors';
import { buildReference, checkActorsFile, checkThemesFile } from './build-reference';
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
  const reference = buildReference(
    actors.map((file) => checkActorsFile(readYaml(file), file)),
    themes.map((file) => checkThemesFile(readYaml(file), file)),
    readYaml(join(dataDir, 'outlets.yaml')) as Record<string, string>,
    checkLexiconFile(readYaml(lexiconFile), lexiconFile),
  );
  const namesFile = join(dataDir, 'other-languages.yaml');
  const offTopicFile = join(dataDir, 'off-topic.yaml');
  const newsValueFile = join(dataDir, 'news-value.yaml');
  return {
    ...reference,
    aliasesByLanguage: buildLanguageAliases(reference, [
      checkLanguageNamesFile(readYaml(namesFile), namesFile),
    ]),
    offTopic: buildOffTopicKinds(checkOffTopicFile(readYaml(offTopicFile), offTopicFile)),
    newsValue: buildNewsValue(checkNewsValueFile(readYaml(newsValueFile), newsValueFile)),
  };
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
  try {
    return parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid YAML (${(error as Error).message})`, {
      cause: error,
    });
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError } from '../../functions/model/errors';
import { checkLexiconFile, repeatedWords } from '../../functions/reference/lexicon';
import { reference } from '../helpers/reference';

const lexiconFile = join(process.cwd(), 'functions/data/lexicon.yaml');
const rawLexicon = () => parse(readFileSync(lexiconFile, 'utf8')) as Record<string, string[]>;

describe('the lexicon (functions/data/lexicon.yaml)', () => {
  it.each(Object.entries(rawLexicon()))('%s lists each word once', (_key, words) => {
    expect(words.length).toBeGreaterThan(0);
    expect(repeatedWords(words)).toEqual([]);
  });

  it('is loaded with the reference data, in lower case', () => {
    const { lexicon } = reference();
    expect(lexicon.speechVerbs.has('said')).toBe(true);
    expect(lexicon.titleHeads.has('minister')).toBe(true);
    for (const words of Object.values(lexicon))
      for (const word of words) expect(word).toBe(word.toLowerCase());
  });

  it('rejects a word listed twice in a list, in any case, naming the list and the word', () => {
    const lexicon = rawLexicon();
    lexicon.speech_verbs = [...(lexicon.speech_verbs ?? []), 'Said'];
    expect(() => checkLexiconFile(lexicon, 'my-lexicon.yaml')).toThrow(ConfigError);
    expect(() => checkLexiconFile(lexicon, 'my-lexicon.yaml')).toThrow(
      'my-lexicon.yaml: speech_verbs lists "said" more than once',
    );
  });

  it('rejects a missing or unknown list and an entry of several words', () => {
    const { speech_verbs: _dropped, ...missing } = rawLexicon();
    expect(() => checkLexiconFile(missing, 'lexicon.yaml')).toThrow(/speech_verbs/);
    expect(() => checkLexiconFile({ ...rawLexicon(), verbs: ['said'] }, 'lexicon.yaml')).toThrow(
      ConfigError,
    );
    const spaced = { ...rawLexicon(), honorifics: ['mr', 'the honourable'] };
    expect(() => checkLexiconFile(spaced, 'lexicon.yaml')).toThrow(/honorifics/);
  });
});

describe('word lists written in code', () => {
  const folders = ['analysis', 'brief', 'reference', 'text'].map((room) =>
    join(process.cwd(), 'functions', room),
  );
  const files = folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => join(folder, name)),
  );

  it.each(files)('%s repeats no word within a list', (file) => {
    const source = readFileSync(file, 'utf8');
    const lists = [...source.matchAll(/new Set(?:<string>)?\(\[([^\]]*)\]\)/g)];
    const repeated = lists.flatMap((list) =>
      repeatedWords([...(list[1] ?? '').matchAll(/'([^']*)'/g)].map((word) => word[1] ?? '')),
    );
    expect(repeated).toEqual([]);
  });
});

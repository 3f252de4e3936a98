import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import countries from 'world-countries';
import { parse } from 'yaml';
import {
  buildReference,
  checkActorsFile,
  checkThemesFile,
} from '../../functions/reference/build-reference';
import { countryFields } from '../../functions/reference/country-fields';
import {
  buildLanguageAliases,
  checkLanguageNamesFile,
} from '../../functions/reference/language-aliases';
import { checkLexiconFile } from '../../functions/reference/lexicon';

const data = (name: string): unknown =>
  parse(readFileSync(join(process.cwd(), 'functions', 'data', name), 'utf8'));

/** The reference and its other-language names, built from `list` as the country data. */
function referenceFrom(list: Parameters<typeof buildReference>[4]) {
  const reference = buildReference(
    [checkActorsFile(data('actors.yaml'), 'actors.yaml')],
    [checkThemesFile(data('themes.yaml'), 'themes.yaml')],
    data('outlets.yaml') as Record<string, string>,
    checkLexiconFile(data('lexicon.yaml'), 'lexicon.yaml'),
    list,
  );
  const names = checkLanguageNamesFile(data('other-languages.yaml'), 'other-languages.yaml');
  return { ...reference, aliasesByLanguage: buildLanguageAliases(reference, [names], list) };
}

describe('the fields of world-countries the Lambda package ships (functions/data/countries.json)', () => {
  it('build the same reference as the whole package, names in other languages included', () => {
    const shipped = JSON.parse(JSON.stringify(countries.map(countryFields)));
    const fromShipped = referenceFrom(shipped);
    expect(fromShipped).toEqual(referenceFrom(countries));
    expect(fromShipped.actors.get('FRA')?.name).toBe('France');
    expect(fromShipped.aliasesByLanguage.get('fr')?.length).toBeGreaterThan(100);
  });

  it('leave out what the reference never reads (native names, currencies, coordinates)', () => {
    const fra = countries.find((country) => country.cca3 === 'FRA');
    if (!fra) throw new Error('world-countries has no FRA');
    const france = countryFields(fra);
    expect(Object.keys(france).sort()).toEqual([
      'altSpellings',
      'capital',
      'cca3',
      'demonyms',
      'independent',
      'name',
      'translations',
    ]);
    expect(france.name).toEqual({ common: 'France', official: 'French Republic' });
  });
});

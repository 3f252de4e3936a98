import type { Country } from 'world-countries';

/**
 * What the reference reads of a `world-countries` entry (`buildReference`,
 * `buildLanguageAliases`): the Lambda package ships only these fields (infra/parse-data.ts
 * writes them to `functions/data/countries.json`): 0.4 MB instead of the package's 1.4 MB file.
 */
export interface CountryFields {
  cca3: string;
  independent: boolean;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  /** English demonyms only. */
  demonyms?: { eng?: { f: string; m: string } };
  translations: Record<string, { official: string; common: string }>;
}

/** The fields of one country the reference reads. */
export function countryFields(country: Country): CountryFields {
  const eng = country.demonyms?.eng;
  return {
    cca3: country.cca3,
    independent: country.independent,
    name: { common: country.name.common, official: country.name.official },
    altSpellings: country.altSpellings,
    capital: country.capital,
    ...(eng ? { demonyms: { eng: { f: eng.f, m: eng.m } } } : {}),
    translations: country.translations,
  };
}

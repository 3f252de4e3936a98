import type { ParsedResult } from 'chrono-node';
// Each locale by its own entry: chrono-node's index loads all sixteen (ja, zh and the rest
// would be ~150 KB of the ingest bundle for nothing). `en.parse` is what `chrono.parse` is.
import * as de from 'chrono-node/de';
import * as en from 'chrono-node/en';
import * as es from 'chrono-node/es';
import * as fr from 'chrono-node/fr';
import * as it from 'chrono-node/it';
import * as pt from 'chrono-node/pt';
import * as ru from 'chrono-node/ru';
import * as uk from 'chrono-node/uk';

/** Date parsers by locale, tried in this order: English first, then the languages of the region's press. */
export const dayParsersByLocale = { en, ru, uk, fr, de, es, pt, it };

export type DayLocale = keyof typeof dayParsersByLocale;

/** The parsers in the order they are tried. */
export const dayParsers = Object.values(dayParsersByLocale);

/**
 * The first reading of a day ("August 30", "16 июля", "19 November 2026") that has a month and
 * a day, in whichever language reads it; null when none does.
 */
export function parseDay(text: string, reference?: Date): ParsedResult | null {
  for (const parser of dayParsers) {
    const result = parser.parse(text, reference)[0];
    if (result?.start.get('month') && result.start.get('day')) return result;
  }
  return null;
}

import * as chrono from 'chrono-node';

/** Date parsers tried in turn: English first, then the languages of the region's press. */
export const dayParsers = [
  chrono,
  chrono.ru,
  chrono.uk,
  chrono.fr,
  chrono.de,
  chrono.es,
  chrono.pt,
  chrono.it,
];

/**
 * The first reading of a day ("August 30", "16 июля", "19 November 2026") that has a month and
 * a day, in whichever language reads it; null when none does.
 */
export function parseDay(text: string, reference?: Date): chrono.ParsedResult | null {
  for (const parser of dayParsers) {
    const result = parser.parse(text, reference)[0];
    if (result?.start.get('month') && result.start.get('day')) return result;
  }
  return null;
}

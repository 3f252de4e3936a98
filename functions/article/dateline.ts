import { parseDay } from './parse-day';
import type { Found } from './raw-article';

export interface Dateline {
  /** The place as written, e.g. `LONDON`, `Washington`. */
  place: string;
  /** The day as written, without a year when the dateline has none (`August 30`). */
  dayText: string | null;
  /** Agency credit such as TASS or Reuters. */
  credit: Found | null;
}

const month =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// "LONDON, August 30. /TASS/."  "KABUL, Aug. 16, 2021 (Reuters) -"
const agencyDateline = new RegExp(
  `^([\\p{Lu}][\\p{L}.'\\- ]{1,40}?),\\s+(${month}\\s+\\d{1,2}(?:,\\s*\\d{4})?)\\s*[.,]?\\s*(?:[/(]([\\p{L}\\- ]{2,24})[/)]\\s*[.,]?)?\\s*(?:[-—–]\\s*)?`,
  'u',
);
// "МОСКВА, 16 июля. /ТАСС/."  "Bishkek, 19 November 2026."  "PARIS, 16 juillet (AFP) -"
const dayFirstDateline =
  /^([\p{Lu}][\p{L}.'\- ]{1,40}?),\s+(\d{1,2}\.?\s+\p{L}{3,12}\.?(?:\s+\d{4})?)(?:\s*г\.)?\s*[.,]?\s*(?:[/(]([\p{L}\- ]{2,24})[/)]\s*[.,]?)?\s*(?:[-—–]\s*)?/u;
// "KABUL (Reuters) -"
const creditDateline = /^([\p{Lu}][\p{Lu}.'\- ]{1,40}?)\s*\(([\p{L}\- ]{2,24})\)\s*[-—–]+\s*/u;
// "Washington: The Biden administration …" — only when the place is known.
const placeColon = /^([\p{Lu}][\p{L}.'\- ]{1,30}?):\s+(?=\p{Lu})/u;

/**
 * Finds the dateline at the start of an early paragraph and returns it with the paragraph
 * minus the dateline. Only the first three paragraphs are searched: later ones are body text.
 */
export function extractDateline(
  paragraphs: string[],
  isKnownPlace: (name: string) => boolean,
): { dateline: Dateline | null; paragraphs: string[] } {
  for (let i = 0; i < Math.min(paragraphs.length, 3); i++) {
    const paragraph = paragraphs[i] ?? '';
    const found = matchDateline(paragraph, isKnownPlace);
    if (!found) continue;
    const rest = paragraph.slice(found.length).trim();
    const next = [...paragraphs];
    if (rest) next[i] = rest;
    else next.splice(i, 1);
    return { dateline: found.dateline, paragraphs: next };
  }
  return { dateline: null, paragraphs };
}

function matchDateline(
  paragraph: string,
  isKnownPlace: (name: string) => boolean,
): { dateline: Dateline; length: number } | null {
  const agency = agencyDateline.exec(paragraph);
  if (agency?.[1] && agency[2]) {
    const credit = agency[3] ? { value: agency[3].trim(), from: 'dateline-credit' } : null;
    return {
      dateline: { place: agency[1].trim(), dayText: agency[2].trim(), credit },
      length: agency[0].length,
    };
  }
  const dayFirst = dayFirstDateline.exec(paragraph);
  if (dayFirst?.[1] && dayFirst[2] && isDay(dayFirst[2])) {
    const place = dayFirst[1].trim();
    // A place in capitals, a known place, or an agency credit: not "On Monday, 16 November".
    if (dayFirst[3] || place === place.toUpperCase() || isKnownPlace(place)) {
      const credit = dayFirst[3] ? { value: dayFirst[3].trim(), from: 'dateline-credit' } : null;
      return {
        dateline: { place, dayText: dayFirst[2].trim().replace(/\.$/, ''), credit },
        length: dayFirst[0].length,
      };
    }
  }
  const credited = creditDateline.exec(paragraph);
  if (credited?.[1] && credited[2]) {
    return {
      dateline: {
        place: credited[1].trim(),
        dayText: null,
        credit: { value: credited[2].trim(), from: 'dateline-credit' },
      },
      length: credited[0].length,
    };
  }
  const colon = placeColon.exec(paragraph);
  if (colon?.[1] && isKnownPlace(colon[1].trim())) {
    return {
      dateline: { place: colon[1].trim(), dayText: null, credit: null },
      length: colon[0].length,
    };
  }
  return null;
}

/** True when the text is a day and month in one of the languages `parseDay` reads. */
function isDay(text: string): boolean {
  const parsed = parseDay(text);
  return parsed !== null;
}

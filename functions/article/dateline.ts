import type { OutletNames } from './outlet-names';
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
// "Washington: The Biden administration …", "MOSCOW : Russia has …" — only when the place is known.
const placeColon = /^([\p{Lu}][\p{L}.'\- ]{1,30}?)\s?:\s+(?=\p{Lu})/u;
// "UNITED NATIONS (Outlet News / Agency - 31st August, 2021) Russia abstained …": the outlet
// and the agency it credits, with the day, in one parenthesis.
const outletDayDateline =
  /^([\p{Lu}][\p{L}.'\- ]{1,40}?)\s*\(([^()]{2,60}?)\s+[-—–]\s+([^()]{4,30}?)\)\s*[-—–:]?\s*/u;
// "(Reuters) -African leaders …": an agency credit with no place.
const bareCreditDateline = /^\(([\p{L}\- ]{2,24})\)\s*[-—–]+\s*/u;
// "Moscow [Russia], July 18 (ANI):", "New Delhi [India], July 18 :"
const bracketDateline = new RegExp(
  `^([\\p{Lu}][\\p{L}.'\\- ]{1,40}?)\\s*\\[([\\p{L}.'\\- ]{2,40})\\],?\\s*(${month}\\s+\\d{1,2}(?:,\\s*\\d{4})?)?\\s*(?:\\(([\\p{L}\\- ]{2,24})\\))?\\s*[:\\-—–]\\s*`,
  'u',
);
// "Berlin, Germany | Xinhua |": place, agency between bars.
const barDateline =
  /^([\p{Lu}][\p{L}.'\- ]{1,40}?(?:,\s*[\p{Lu}][\p{L}.'\- ]{1,40}?)?)\s*\|\s*([\p{L}\- ]{2,30}?)\s*\|\s*/u;
// "ALBAWABA - In the Russian city …", "KABUL — …": a word in capitals and a dash.
const capitalsDash = /^([\p{Lu}][\p{Lu}\d&'. ]{1,30}?)\s+[-—–]+\s+(?=[\p{Lu}"“‘'«])/u;

/**
 * Finds the dateline at the start of an early paragraph and returns it with the paragraph
 * minus the dateline. Only the first three paragraphs are searched: later ones are body text.
 */
export function extractDateline(
  paragraphs: string[],
  isKnownPlace: (name: string) => boolean,
  outlets?: OutletNames,
): { dateline: Dateline | null; paragraphs: string[] } {
  for (let i = 0; i < Math.min(paragraphs.length, 3); i++) {
    const paragraph = paragraphs[i] ?? '';
    const found = matchDateline(paragraph, isKnownPlace, outlets);
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
  outlets?: OutletNames,
): { dateline: Dateline; length: number } | null {
  // A credit is named as we name the outlet ("REUTERS" → Reuters); an unknown one as written.
  const creditOf = (text: string): Found => ({
    value: outlets?.exact(text) ?? text.trim(),
    from: 'dateline-credit',
  });
  const outletDay = outletDayDateline.exec(paragraph);
  if (outletDay?.[1] && outletDay[2] && outletDay[3] && isDay(outletDay[3])) {
    // "UrduPoint News / Sputnik": the agency that wrote the story is named last.
    const names = outletDay[2].split(/\s*[/,]\s*/).filter(Boolean);
    const known = names.map((name) => outlets?.exact(name)).filter(Boolean) as string[];
    const credit = known[known.length - 1] ?? names[names.length - 1];
    return {
      dateline: {
        place: outletDay[1].trim(),
        dayText: outletDay[3].trim(),
        credit: credit ? creditOf(credit) : null,
      },
      length: outletDay[0].length,
    };
  }
  const bare = bareCreditDateline.exec(paragraph);
  if (bare?.[1] && outlets?.exact(bare[1])) {
    return {
      dateline: { place: '', dayText: null, credit: creditOf(bare[1]) },
      length: bare[0].length,
    };
  }
  const bracket = bracketDateline.exec(paragraph);
  if (bracket?.[1] && bracket[2] && (bracket[3] || bracket[4])) {
    return {
      dateline: {
        place: bracket[1].trim(),
        dayText: bracket[3]?.trim() ?? null,
        credit: bracket[4] ? creditOf(bracket[4]) : null,
      },
      length: bracket[0].length,
    };
  }
  const bar = barDateline.exec(paragraph);
  if (bar?.[1] && bar[2] && outlets?.exact(bar[2])) {
    return {
      dateline: { place: bar[1].trim(), dayText: null, credit: creditOf(bar[2]) },
      length: bar[0].length,
    };
  }
  const agency = agencyDateline.exec(paragraph);
  if (agency?.[1] && agency[2]) {
    const credit = agency[3] ? creditOf(agency[3]) : null;
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
      const credit = dayFirst[3] ? creditOf(dayFirst[3]) : null;
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
        credit: creditOf(credited[2]),
      },
      length: credited[0].length,
    };
  }
  const dashed = capitalsDash.exec(paragraph);
  if (dashed?.[1]) {
    const name = dashed[1].trim();
    const outlet = outlets?.exact(name);
    if (outlet) {
      return {
        dateline: { place: '', dayText: null, credit: creditOf(outlet) },
        length: dashed[0].length,
      };
    }
    if (isKnownPlace(name) || isDatelinePlace(name)) {
      return { dateline: { place: name, dayText: null, credit: null }, length: dashed[0].length };
    }
  }
  // "United Nations - United Nations (UN) Secretary-General …"
  const placeDash = /^([\p{Lu}][\p{L}.'\- ]{1,30}?)\s+[-—–]\s+(?=\p{Lu})/u.exec(paragraph);
  if (placeDash?.[1] && isDatelinePlace(placeDash[1])) {
    return {
      dateline: { place: placeDash[1].trim(), dayText: null, credit: null },
      length: placeDash[0].length,
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

/** Places that head datelines without being a capital or a country ("UNITED NATIONS (AP) —"). */
function isDatelinePlace(name: string): boolean {
  return /^united nations$/i.test(name.trim());
}

/** True when the text is a day and month in one of the languages `parseDay` reads. */
function isDay(text: string): boolean {
  const parsed = parseDay(text);
  return parsed !== null;
}

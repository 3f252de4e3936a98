/**
 * Day and month names of the languages the desk reads most (grammar words, like those of
 * `function-words.ts`), and the dates a text states in words: "on 17 July", "July 19, 2023",
 * "este lunes 17 de julio", "mercoledì 19 luglio", "on Wednesday".
 */

/** Weekday names, Sunday first (as `Date.getUTCDay`), per ISO 639-1 language. */
const weekdayNames: Record<string, string[][]> = {
  en: [['sunday'], ['monday'], ['tuesday'], ['wednesday'], ['thursday'], ['friday'], ['saturday']],
  fr: [['dimanche'], ['lundi'], ['mardi'], ['mercredi'], ['jeudi'], ['vendredi'], ['samedi']],
  es: [
    ['domingo'],
    ['lunes'],
    ['martes'],
    ['miércoles', 'miercoles'],
    ['jueves'],
    ['viernes'],
    ['sábado', 'sabado'],
  ],
  pt: [
    ['domingo'],
    ['segunda-feira'],
    ['terça-feira', 'terca-feira'],
    ['quarta-feira'],
    ['quinta-feira'],
    ['sexta-feira'],
    ['sábado', 'sabado'],
  ],
  it: [
    ['domenica'],
    ['lunedì', 'lunedi'],
    ['martedì', 'martedi'],
    ['mercoledì', 'mercoledi'],
    ['giovedì', 'giovedi'],
    ['venerdì', 'venerdi'],
    ['sabato'],
  ],
  de: [
    ['sonntag'],
    ['montag'],
    ['dienstag'],
    ['mittwoch'],
    ['donnerstag'],
    ['freitag'],
    ['samstag', 'sonnabend'],
  ],
};

/** Month names, January first; English also in its usual abbreviations. */
const monthNames: Record<string, string[][]> = {
  en: [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sept', 'sep'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ],
  fr: [
    ['janvier'],
    ['février', 'fevrier'],
    ['mars'],
    ['avril'],
    ['mai'],
    ['juin'],
    ['juillet'],
    ['août', 'aout'],
    ['septembre'],
    ['octobre'],
    ['novembre'],
    ['décembre', 'decembre'],
  ],
  es: [
    ['enero'],
    ['febrero'],
    ['marzo'],
    ['abril'],
    ['mayo'],
    ['junio'],
    ['julio'],
    ['agosto'],
    ['septiembre', 'setiembre'],
    ['octubre'],
    ['noviembre'],
    ['diciembre'],
  ],
  pt: [
    ['janeiro'],
    ['fevereiro'],
    ['março', 'marco'],
    ['abril'],
    ['maio'],
    ['junho'],
    ['julho'],
    ['agosto'],
    ['setembro'],
    ['outubro'],
    ['novembro'],
    ['dezembro'],
  ],
  it: [
    ['gennaio'],
    ['febbraio'],
    ['marzo'],
    ['aprile'],
    ['maggio'],
    ['giugno'],
    ['luglio'],
    ['agosto'],
    ['settembre'],
    ['ottobre'],
    ['novembre'],
    ['dicembre'],
  ],
  de: [
    ['januar'],
    ['februar'],
    ['märz', 'maerz'],
    ['april'],
    ['mai'],
    ['juni'],
    ['juli'],
    ['august'],
    ['september'],
    ['oktober'],
    ['november'],
    ['dezember'],
  ],
};

/** A date a text states: the month (0–11) and day, and the year when it is written. */
export interface StatedDate {
  month: number;
  day: number;
  year: number | null;
}

export interface StatedTime {
  /** Dates written out with a month name, in the order of the text. */
  dates: StatedDate[];
  /** Weekdays named (0 = Sunday), in the order of the text. */
  weekdays: number[];
}

interface Patterns {
  weekday: RegExp;
  weekdayOf: Map<string, number>;
  date: RegExp;
  monthOf: Map<string, number>;
}

const cache = new Map<string, Patterns>();

/** English names are always read too: English names and datelines run through every press. */
function patternsOf(language: string): Patterns {
  const known = cache.get(language);
  if (known) return known;
  const languages = language === 'en' || !weekdayNames[language] ? ['en'] : ['en', language];
  const weekdayOf = new Map<string, number>();
  const monthOf = new Map<string, number>();
  for (const code of languages) {
    (weekdayNames[code] ?? []).forEach((names, day) => {
      for (const name of names) weekdayOf.set(name, day);
    });
    (monthNames[code] ?? []).forEach((names, month) => {
      for (const name of names) monthOf.set(name, month);
    });
  }
  const alternatives = (names: Iterable<string>) =>
    [...names].sort((a, b) => b.length - a.length).join('|');
  const month = `(${alternatives(monthOf.keys())})\\.?`;
  const day = '(\\d{1,2})(?:st|nd|rd|th|er|º)?';
  const year = '(?:,?\\s+(?:de\\s+)?(\\d{4}))?';
  const patterns: Patterns = {
    weekday: new RegExp(`(?<![\\p{L}-])(${alternatives(weekdayOf.keys())})(?![\\p{L}-])`, 'giu'),
    weekdayOf,
    // "17 July", "17th of July", "17 de julio", "July 17", "Aug. 19, 2022", "19 luglio 2023".
    date: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${day}\\s+(?:of\\s+|de\\s+)?${month}|${month}\\s+${day})(?![\\p{L}\\p{N}:])${year}`,
      'giu',
    ),
    monthOf,
  };
  cache.set(language, patterns);
  return patterns;
}

/** The dates and weekdays a text states in words, read in English and in `language`. */
export function statedTime(text: string, language: string): StatedTime {
  const patterns = patternsOf(language);
  const dates: StatedDate[] = [];
  for (const match of text.matchAll(patterns.date)) {
    const monthName = (match[2] ?? match[3] ?? '').toLowerCase();
    const month = patterns.monthOf.get(monthName);
    const day = Number(match[1] ?? match[4]);
    // "may" is also a verb: only "May 9" or "9 May" with a capital is the month.
    if (monthName === 'may' && !/M/.test(match[0])) continue;
    if (month === undefined || day < 1 || day > 31) continue;
    dates.push({ month, day, year: match[5] ? Number(match[5]) : null });
  }
  const weekdays: number[] = [];
  for (const match of text.matchAll(patterns.weekday)) {
    const day = patterns.weekdayOf.get((match[1] ?? '').toLowerCase());
    if (day !== undefined) weekdays.push(day);
  }
  return { dates, weekdays };
}

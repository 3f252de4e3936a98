import { startsUpper } from '../text/letter-tests';

/**
 * Bylines as pages and pasted texts write them ("By Jane Smith - 11/18/19 11:04 PM EST",
 * "BY JANE SMITH AND JOHN DOE | Reuters", "Von Anna Müller"), reduced to the names.
 */
const bylinePrefix =
  /^(?:(?:published|written|posted|reported|words)\s+)?(?:by|von|par|por|di|door|av|автор[:]?|авторы[:]?)\s+/i;
const dateOrTime =
  /\b(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|(?:19|20)\d{2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|updated|published|posted)\b/i;

/** A byline cleaned to its names, or null when the text does not read as one. */
export function cleanByline(text: string | null | undefined): string | null {
  if (!text) return null;
  let value = text.replace(/\s+/g, ' ').trim().replace(bylinePrefix, '');
  // Cut at the first separator that is followed by a date, a time or an "Updated" stamp.
  const parts = value.split(/\s+[-–—|•·]\s+|\s*\|\s*/);
  const kept: string[] = [];
  for (const part of parts) {
    // "Jane Smith July 19, 2023": the names before the date are kept.
    const stamp = dateOrTime.exec(part);
    if (stamp) {
      const names = part.slice(0, stamp.index).trim();
      if (names && /\p{L}/u.test(names)) kept.push(names);
      break;
    }
    kept.push(part);
  }
  value = kept
    .join(' | ')
    .replace(/[,;:|]+$/, '')
    .trim();
  if (!value || value.length > 100) return null;
  if (!/^(?:the\s+)?\p{Lu}/u.test(value) || /https?:\/\/|@|\.\s+\p{Lu}/u.test(value)) return null;
  if (value.split(/\s+/).length > 12) return null;
  return value;
}

/** A line of pasted text that is a byline ("By Jane Smith"), cleaned; else null. */
export function bylineFromLine(line: string): string | null {
  if (!bylinePrefix.test(line.trim()) || line.length > 120) return null;
  const value = cleanByline(line);
  // "By the end of the year…" is a sentence, not a byline: names are capitalised words.
  if (!value) return null;
  const words = value.split(/[\s,|]+/).filter(Boolean);
  const capitalised = words.filter(
    (word) => startsUpper(word) || /^(the|and|und|et|y|e|и|&|de|van|von|der|al|bin)$/i.test(word),
  );
  return capitalised.length === words.length ? value : null;
}

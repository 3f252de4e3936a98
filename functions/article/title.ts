import { dateLineOf } from './date-lines';
import { furnitureOf } from './furniture';
import type { OutletNames } from './outlet-names';
import type { Found } from './raw-article';

/**
 * What makes a headline a title: not a date or a time stamp, not a social handle, not a site's
 * or a section's name, not a photo caption, not a dateline or a credit. And the crumbs a copied
 * title carries ("- ", "• ", "(Reuters) -", "UPDATE 2-", " | Reuters") are not part of it.
 */

/** Section labels of news sites, which a copied page shows above the headline. */
const sectionNames = new Set([
  'world',
  'world news',
  'news',
  'latest',
  'latest news',
  'breaking news',
  'top stories',
  'home',
  'politics',
  'africa',
  'europe',
  'asia',
  'americas',
  'middle east',
  'asia pacific',
  'business',
  'economy',
  'markets',
  'opinion',
  'comment',
  'analysis',
  'editorial',
  'features',
  'sport',
  'sports',
  'culture',
  'entertainment',
  'lifestyle',
  'health',
  'science',
  'technology',
  'environment',
  'international',
  'international news',
  'national',
  'local',
  'region',
  'diplomacy',
  'foreign affairs',
  'defence',
  'defense',
  'security',
  'video',
  'live',
  'explainer',
]);

/** Leading crumbs of a copied headline: a dash or bullet, an agency credit, a wire's tag. */
const leadingCrumbs =
  /^(?:[-–—•·*>|]+\s*|\((?:[\p{L} ]{2,24})\)\s*[-–—]+\s*|(?:UPDATE\s*\d*|EXCLUSIVE|BREAKING(?:\s+NEWS)?|WATCH|VIDEO|PHOTOS?|LIVE|ANALYSIS|FACTBOX|EXPLAINER)\s*[-:–—|]\s*)/u;

/** The headline without the crumbs around it ("- UN Chief Says …" → "UN Chief Says …"). */
export function cleanTitle(text: string, outlets?: OutletNames): string {
  let value = text.replace(/\s+/g, ' ').trim();
  for (let previous = ''; previous !== value; ) {
    previous = value;
    value = value.replace(leadingCrumbs, '').trim();
  }
  // "Russia halts grain deal | Reuters", "… - Al Jazeera": the site's name after the headline.
  const suffix = /\s+[|–—-]\s+([^|–—-]{2,40})$/.exec(value);
  if (suffix?.[1] && outlets?.exact(suffix[1])) value = value.slice(0, suffix.index).trim();
  return value;
}

/** True when the text cannot be a title: a date, a time, a handle, a site or section, a caption. */
export function isNoTitle(text: string, outlets?: OutletNames): boolean {
  const value = text.trim();
  const words = value.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length <= 2) return true;
  if (
    sectionNames.has(
      value
        .toLowerCase()
        .replace(/[.:|»›>]+$/, '')
        .trim(),
    )
  )
    return true;
  if (dateLineOf(value, new Date(0))) return true;
  if (/^\(?@[\p{L}\p{N}_.]{2,30}\)?$/u.test(value) || /\(@[\w.]{2,30}\)/.test(value)) return true;
  if (outlets?.exact(value)) return true;
  const page = outlets?.atStart(value);
  if (page && /^\s*(?:$|[-–—|:·•])/.test(value.slice(page.length))) return true;
  const furniture = furnitureOf(value, outlets);
  if (furniture) return true;
  return false;
}

/**
 * The title a derived from the lead: its first sentence, cut at 14 words. Abbreviations ("St.",
 * "Mr.", "U.S.") and initials do not end a sentence.
 */
export function titleFromLead(paragraphs: string[]): Found | null {
  const lead = paragraphs[0];
  if (!lead) return null;
  const sentence = firstSentence(lead);
  if (!sentence) return null;
  const words = sentence.split(/\s+/);
  const value =
    words.length > 14 ? `${words.slice(0, 14).join(' ')}…` : sentence.replace(/[.]$/, '');
  return { value, from: 'lead-sentence' };
}

const abbreviations = new Set(
  'st mr mrs ms dr gen col lt sgt maj capt cpt gov sen rep prof jr sr no nos vs etc inc ltd co corp dept est fig jan feb mar apr jun jul aug sep sept oct nov dec adm cmdr brig fr rev hon pres amb ft mt ave blvd approx'.split(
    ' ',
  ),
);

/** The first sentence of a paragraph with a word in it (a lead may open with a stray "."). */
export function firstSentence(text: string): string | null {
  const parts: string[] = [];
  let start = 0;
  const boundary = /[.!?…]+["'”’»)]*\s+(?=["'“‘«(]?[\p{Lu}\p{N}])/gu;
  for (const match of text.matchAll(boundary)) {
    const end = (match.index ?? 0) + match[0].trimEnd().length;
    const before = text.slice(start, match.index ?? 0);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
    const bare = lastWord.replace(/\./g, '').toLowerCase();
    // "St. Petersburg", "U.S. officials", "Gen. Tiani": no sentence ends here.
    if (
      match[0].startsWith('.') &&
      (abbreviations.has(bare) || /^\p{Lu}$/u.test(lastWord) || /\p{L}\.\p{L}/u.test(lastWord))
    )
      continue;
    parts.push(text.slice(start, end).trim());
    start = end;
  }
  parts.push(text.slice(start).trim());
  return parts.find((part) => /[\p{L}\p{N}]/u.test(part)) ?? null;
}

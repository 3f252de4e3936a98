import { startsUpper, withoutMarks } from '../text/letter-tests';
import { wordEnd, wordStartMatches } from '../text/word-start-matches';

/**
 * The names of the outlets we know (the values of `outlets.yaml`), and the other ways texts
 * write them ("The Associated Press", "REUTERS", "ALBAWABA", "UrduPoint News"), so a credit
 * found in a text can be told from any other capitalised word and named as the outlet is named.
 */
export interface OutletNames {
  /** The outlet's name when `text` is, as a whole, the name of an outlet we know; else null. */
  exact(text: string): string | null;
  /**
   * The outlet whose name opens `text` (the longest such name), with the length of text it
   * took: "The Jerusalem Post - Israel News …" → The Jerusalem Post.
   */
  atStart(text: string): { name: string; length: number } | null;
  /** Every mention of a known outlet in `text`, in order, with its offset and length. */
  mentions(text: string): Array<{ name: string; index: number; length: number }>;
}

/**
 * Other names of outlets, as texts write them, by the name `outlets.yaml` gives. Case, spacing
 * and a trailing "News", "Agency" or "News Agency" need no entry: they are ignored when names
 * are compared.
 */
const otherNames: Record<string, string[]> = {
  AP: ['Associated Press', 'The Associated Press', 'AP News'],
  AFP: ['Agence France-Presse', 'Agence France Presse', 'Agence France‑Presse'],
  'RIA Novosti': ['RIA'],
  ANI: ['Asian News International'],
  PTI: ['Press Trust of India'],
  IANS: ['Indo-Asian News Service'],
  'Anadolu Agency': ['Anadolu'],
  Xinhua: ['Xinhua News Agency', 'Xinhuanet'],
  'Voice of America': ['VOA'],
  'Radio Free Europe/Radio Liberty': ['RFE/RL', 'Radio Free Europe'],
  'The New York Times': ['New York Times', 'NYT'],
  'The Washington Post': ['Washington Post'],
  'The Wall Street Journal': ['Wall Street Journal', 'WSJ'],
  'Financial Times': ['FT'],
  'The Kyiv Independent': ['Kyiv Independent'],
  'The Jerusalem Post': ['Jerusalem Post', 'JPost'],
  'The Times of Israel': ['Times of Israel'],
  'South China Morning Post': ['SCMP'],
  'Deutsche Welle': ['DW'],
  'Radio France Internationale': ['RFI'],
  'Saudi Press Agency': ['SPA'],
  'Emirates News Agency': ['WAM'],
  'Associated Press of Pakistan': ['APP'],
  'Islamic Republic News Agency': ['IRNA'],
};

/** Acronyms of three letters or fewer are credits only in capitals ("AP", "AFP"; not "ap"). */
const exactCaseOnly = /^[A-Z]{2,3}$/;

/** Letters and digits only, in lower case, without accents: "Al-Bawaba" → "albawaba". */
const squash = (text: string): string =>
  withoutMarks(text.normalize('NFKD'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

const wordsOf = (text: string) => text.trim().split(/\s+/).filter(Boolean);

/**
 * The keys a written name may match: as written, without a trailing "News", "Agency" or "News
 * Agency" ("UrduPoint News" → UrduPoint), and without a leading "The" when two words or more
 * are left ("Jerusalem Post"). A lone common word is never stripped to: "National" is not The
 * National, "Sky" is not Sky News.
 */
function textKeys(text: string): string[] {
  const keys = [squash(text)];
  const bare = text.replace(/\s+(?:news\s+agency|news|agency)$/i, '');
  if (bare !== text) keys.push(squash(bare));
  const article = /^the\s+(.+)$/i.exec(text);
  if (article?.[1] && wordsOf(article[1]).length >= 2) keys.push(squash(article[1]));
  return keys.filter((key) => key.length >= 3);
}

const cache = new WeakMap<ReadonlyMap<string, string>, OutletNames>();

/** The outlet names of `outletsByHost` (as built from `outlets.yaml`) and their other spellings. */
export function outletNames(outletsByHost: ReadonlyMap<string, string>): OutletNames {
  const cached = cache.get(outletsByHost);
  if (cached) return cached;
  const canonical = new Set(outletsByHost.values());
  // Spelling → outlet name; an alias only counts when its outlet is known.
  const spellings = new Map<string, string>();
  for (const name of canonical) spellings.set(name, name);
  for (const [name, aliases] of Object.entries(otherNames)) {
    const known = canonical.has(name)
      ? name
      : [...canonical].find((candidate) => aliases.includes(candidate));
    if (!known) continue;
    for (const alias of [name, ...aliases]) if (!spellings.has(alias)) spellings.set(alias, known);
  }
  const byKey = new Map<string, string>();
  for (const [spelling, name] of spellings) {
    if (exactCaseOnly.test(spelling)) continue;
    const keys = [squash(spelling)];
    // "The Jerusalem Post" is also written "Jerusalem Post"; "The Star" is never "Star".
    const article = /^the\s+(.+)$/i.exec(spelling);
    if (article?.[1] && wordsOf(article[1]).length >= 2) keys.push(squash(article[1]));
    for (const key of keys) if (key.length >= 3 && !byKey.has(key)) byKey.set(key, name);
  }
  const acronyms = new Map([...spellings].filter(([spelling]) => exactCaseOnly.test(spelling)));
  // One pattern of every spelling, longest first, as a whole word (its start checked by
  // `wordStartMatches`), in any case: `exact` then keeps an acronym only in capitals ("AP", not "ap").
  const alternatives = [...spellings.keys()]
    .sort((a, b) => b.length - a.length)
    .map((spelling) => spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  const mentionPattern = alternatives.length
    ? new RegExp(`(?:${alternatives.join('|')})${wordEnd}`, 'giu')
    : null;

  const exact = (text: string): string | null => {
    const trimmed = text.trim().replace(/^[([{/\s]+|[)\]}/.,:;\s]+$/g, '');
    if (!trimmed || trimmed.length > 60) return null;
    const acronym = acronyms.get(trimmed);
    if (acronym) return acronym;
    if (exactCaseOnly.test(trimmed.toUpperCase()) && trimmed !== trimmed.toUpperCase()) return null;
    for (const key of textKeys(trimmed)) {
      const name = byKey.get(key);
      if (name) return name;
    }
    return null;
  };
  const names: OutletNames = {
    exact,
    atStart(text) {
      const words = [...text.matchAll(/\S+/g)].slice(0, 6);
      for (let count = words.length; count >= 1; count--) {
        const last = words[count - 1];
        // The name ends on a word: "The Jerusalem Post", not "The Jerusalem Post -".
        if (!last || !/[\p{L}\p{N}][)\].]?$/u.test(last[0])) continue;
        const length = (last.index ?? 0) + last[0].length;
        const name = exact(text.slice(0, length));
        if (name) return { name, length };
      }
      return null;
    },
    mentions(text) {
      if (!mentionPattern) return [];
      const found: Array<{ name: string; index: number; length: number }> = [];
      for (const match of wordStartMatches(text, mentionPattern)) {
        // A name is written with a capital ("Punch reported"), not "a punch", "the vanguard".
        const name = startsUpper(match[0]) ? exact(match[0]) : null;
        if (name) found.push({ name, index: match.index ?? 0, length: match[0].length });
      }
      return found;
    },
  };
  cache.set(outletsByHost, names);
  return names;
}

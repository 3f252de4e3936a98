/**
 * Writes functions/article/chrono-words.ts, the words of the pre-check of date lines
 * (`mayBeStampIn` in functions/article/date-lines.ts), one list per locale of parse-day.ts: every
 * run of letters that locale's parser can take into a result, or a match of the filler of
 * date-lines.ts can hold, is a chain of its words. Run `npx tsx infra/chrono-words.ts --write`
 * after updating chrono-node or editing the filler; without `--write` it checks the committed
 * lists, as test/unit/chrono-words.test.ts does.
 *
 * Whose patterns they are. chrono's locales import nothing of each other, only its common code.
 * A regex built or written in a locale's files serves that locale; one built in the common code
 * while a locale's parsers build their patterns or read the battery below serves that locale (the
 * common code keeps what it builds on the parser's own instance: `cachedPattern`,
 * `cachedPrimaryTimePattern`…); one built or written in the common code otherwise (at load) serves
 * every locale.
 *
 * Why it holds. A result's text is a piece of the line whose letters a regex of chrono matched: a
 * parser's pattern (caught here as chrono builds it: RegExp is watched while chrono loads and while
 * every parser builds its patterns and reads a few lines), the pattern of a refiner that extends a
 * result (a time zone, a year suffix, the text between two merged results), or a regex written
 * literally in chrono's files (read from them). Each regex is read as a regex, and for each node
 * of it this works out the runs of letters its matches can hold: those of matches of letters only
 * and, for matches with another character, the runs at their start, at their end and inside
 * (joining two nodes joins the end of one to the start of the other). A set that would grow past
 * LIMIT strings is kept as words that may be chained instead, which only widens it. The runs of
 * all regexes and of the filler are then cut down to the words that are no chain of others.
 *
 * Only the letters written in a regex take letters, but for these. A "." takes any letter (`·`
 * in a word). Anything else that takes letters (\w, \W, \p{L}, a range of letters, a negated
 * class that lets letters through) stops this script, unless it is one of the cases below where
 * chrono keeps that letter out of the result. Letters are folded as date-lines.ts folds them, and
 * every letter written in the regexes is checked against all of Unicode: whatever it matches
 * case-insensitively, with or without the u flag, folds to the same.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
// Types only: the module itself is imported once chrono-node's patterns are being watched.
import type { WordChains } from '../functions/article/date-lines';

type Module = {
  parse: (text: string) => unknown;
  casual: { parsers: Record<string, unknown>[]; refiners: Record<string, unknown>[] };
};

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const listFile = join(repo, 'functions', 'article', 'chrono-words.ts');
const chronoDir = join(dirname(createRequire(import.meta.url).resolve('chrono-node')), '..', '..');
const chronoVersion: string = JSON.parse(
  readFileSync(join(chronoDir, 'package.json'), 'utf8'),
).version;

const ANY = '·';
/** Above this many strings a product of two sets is kept as words to chain. */
const LIMIT = 500;

/**
 * Regexes chrono only tests a text it has matched with, or picks a number out of one with
 * (AbstractTimeExpressionParser, the year parsers of fr and de, parseDuration of en and it,
 * ENTimeUnitWithinFormatParser, ITTimeUnitWithinFormatParser): they add no letter to a result.
 */
const testsOnly = new Set([
  '[^\\d:.](\\d[\\d.]+)$',
  '[^\\d:.](\\d[\\d.]+)\\s*-\\s*(\\d[\\d.]+)$',
  '^\\s*([+-])\\s*\\d{2}\\W\\d{2}',
  '[^\\d]+',
  '[^0-9]+',
  '^[a-zA-Z]+$',
  '^for\\s*the\\s*\\w+',
  "^per\\s*(il|la|l')\\s*\\w+",
]);

// ---------------------------------------------------------------- what chrono matches with

/** A regex by its source and whether it has the `u` flag (`\p{…}` means something else without). */
type Regex = { source: string; unicode: boolean };
/** A regex and the locales whose parsers may match with it (`common`: every locale). */
type Served = Regex & { locales: Set<string> };

const common = 'common';

async function chronoRegexes(): Promise<{
  built: Map<string, Served>;
  written: Map<string, Served>;
  /** The parsers of parse-day.ts by locale, in its order. */
  modules: [string, Module][];
}> {
  const built = new Map<string, Served>();
  /** The locale whose parsers are being built or are reading, or `common` while chrono loads. */
  let serving = common;
  const keep = (map: Map<string, Served>, source: string, flags: string, locale: string) => {
    const unicode = flags.includes('u');
    const key = `${unicode}:${source}`;
    const served = map.get(key) ?? { source, unicode, locales: new Set<string>() };
    served.locales.add(locale);
    map.set(key, served);
  };
  /** The locales chrono's regexes were built in (a stack may name a file of dist or, mapped, of src). */
  const locales = new Set<string>();
  const Original = RegExp;
  const watch = (regex: RegExp) => {
    const from = /chrono-node[\\/](?:dist[\\/]\w+|src)[\\/](locales[\\/](\w+)[\\/])?/.exec(
      new Error().stack ?? '',
    );
    if (from) {
      keep(built, regex.source, regex.flags, from[2] ?? serving);
      if (from[2]) locales.add(from[2]);
    }
    return regex;
  };
  const record = (regex: RegExp) => keep(built, regex.source, regex.flags, serving);
  globalThis.RegExp = new Proxy(Original, {
    construct: (target, args, newTarget) => watch(Reflect.construct(target, args, newTarget)),
    apply: (target, self, args) => watch(Reflect.apply(target, self, args) as RegExp),
  });
  let modules: [string, Module][];
  try {
    const { dayParsersByLocale } = await import('../functions/article/parse-day');
    modules = Object.entries(dayParsersByLocale as unknown as Record<string, Module>);
    for (const [locale, module] of modules) {
      serving = locale;
      // What chrono's ParsingContext gives a pattern: the (empty) options of `parse`.
      const context = { option: {}, reference: {}, debug: () => undefined };
      for (const parser of module.casual.parsers) {
        for (const name of [
          'pattern',
          'getPrimaryTimePatternThroughCache',
          'getFollowingTimePatternThroughCache',
        ]) {
          const build = parser[name];
          if (typeof build === 'function') record(build.call(parser, context));
        }
      }
      for (const refiner of module.casual.refiners) {
        const build = refiner.patternBetween;
        if (typeof build === 'function') record(build.call(refiner));
      }
      for (const text of battery) module.parse(text);
    }
  } finally {
    globalThis.RegExp = Original;
  }
  // The regexes chrono writes literally, and the strings it matches with, in the files it loads.
  const written = new Map<string, Served>();
  if (locales.size !== modules.length || modules.some(([locale]) => !locales.has(locale)))
    throw new Error(`locales built in: ${[...locales]}`);
  for (const file of chronoFiles([...locales])) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const locale = /[\\/]locales[\\/](\w+)[\\/]/.exec(file)?.[1] ?? common;
    const visit = (node: ts.Node) => {
      if (ts.isRegularExpressionLiteral(node)) {
        const end = node.text.lastIndexOf('/');
        keep(written, node.text.slice(1, end), node.text.slice(end + 1), locale);
      } else if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        /^(match|matchAll|search|replace|replaceAll|split)$/.test(node.expression.name.text) &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        keep(written, node.arguments[0].text, '', locale);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { built, written, modules };
}

/** Lines for every parser to read once, so that anything chrono builds late is built. */
const battery = [
  'Monday, July 17, 2023 at 10:14 AM GMT+3 (EEST) - Tuesday 18th of July 2023, 9 p.m.',
  '2 hours and 5 minutes ago, in 3 days, last week, the end of next month, 5 oclock',
  '17/07/2023 to 18.07.2023, 2023-07-17T10:14:00Z, 10h30 - 11h, 12 BC, 2023 AD',
  '18 июля 2023 года в 10:00, 3 дня назад, через неделю, 18 липня 2023 року о 10:00',
  '18 de julio de 2023 a las 10, hace 3 días, 18 de julho de 2023 às 10h, há 2 dias',
  'le 18 juillet 2023 à 10h, il y a 3 jours, am 18. Juli 2023 um 10 Uhr, vor 3 Tagen',
  '18 luglio 2023 alle 10, 2 giorni fa, tra 3 giorni, ieri sera',
];

/** The files of chrono-node's builds the parsers load: its common code and their locales. */
function chronoFiles(locales: string[]): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'locales' ? [] : files(path);
      return name.endsWith('.js') ? [path] : [];
    });
  return ['cjs', 'esm'].flatMap((build) => {
    const dist = join(chronoDir, 'dist', build);
    return [...files(dist), ...locales.flatMap((name) => files(join(dist, 'locales', name)))];
  });
}

// ---------------------------------------------------------------- runs of letters of a regex

/** Strings, exactly (`chain` false) or as words any chain of which may occur (`chain` true). */
type Words = { set: Set<string>; chain: boolean };
/**
 * What the matches of a node hold: `whole`, the matches of letters only (null when it has none);
 * `other`, whether some match holds another character, and then the runs of letters at the
 * `start` and `end` of those matches and `inside` them.
 */
type Runs = { whole: Words | null; other: boolean; start: Words; end: Words; inside: Words };

const exactly = (...strings: string[]): Words => ({ set: new Set(strings), chain: false });
const none = (): Words => exactly();

function union(...all: (Words | null)[]): Words | null {
  const present = all.filter((words): words is Words => words !== null);
  if (present.length === 0) return null;
  const chain = present.some((words) => words.chain);
  const set = new Set<string>();
  for (const words of present) for (const s of words.set) if (!(chain && s === '')) set.add(s);
  return { set, chain };
}

function product(a: Words | null, b: Words | null): Words | null {
  if (!a || !b) return null;
  const set = new Set<string>();
  if (!a.chain && !b.chain && a.set.size * b.set.size <= LIMIT) {
    for (const x of a.set) for (const y of b.set) set.add(x + y);
    return { set, chain: false };
  }
  for (const s of [...a.set, ...b.set]) if (s) set.add(s);
  return { set, chain: true };
}

const empty = (): Runs => ({
  whole: exactly(''),
  other: false,
  start: none(),
  end: none(),
  inside: none(),
});
const character = (letters: string[], other: boolean): Runs => ({
  whole: letters.length > 0 ? exactly(...letters) : null,
  other,
  start: exactly(''),
  end: exactly(''),
  inside: none(),
});

function concat(a: Runs, b: Runs): Runs {
  return {
    whole: product(a.whole, b.whole),
    other: (a.other && (b.whole !== null || b.other)) || (a.whole !== null && b.other),
    start: union(a.other ? a.start : null, b.other ? product(a.whole, b.start) : null) ?? none(),
    end: union(b.other ? b.end : null, a.other ? product(a.end, b.whole) : null) ?? none(),
    inside:
      union(a.inside, b.inside, a.other && b.other ? product(a.end, b.start) : null) ?? none(),
  };
}

function alternation(all: Runs[]): Runs {
  const other = all.filter((runs) => runs.other);
  return {
    whole: union(...all.map((runs) => runs.whole)),
    other: other.length > 0,
    start: union(...other.map((runs) => runs.start)) ?? none(),
    end: union(...other.map((runs) => runs.end)) ?? none(),
    inside: union(...all.map((runs) => runs.inside)) ?? none(),
  };
}

function repeat(runs: Runs, min: number, max: number): Runs {
  if (max === Number.POSITIVE_INFINITY) {
    const words = [...(union(runs.whole, runs.start, runs.end, runs.inside)?.set ?? [])];
    const letters = words.filter(Boolean);
    if (letters.length === 0) {
      const whole = runs.whole || min === 0 ? exactly('') : null;
      return { whole, other: runs.other, start: exactly(''), end: exactly(''), inside: none() };
    }
    const chain: Words = { set: new Set(letters), chain: true };
    const whole = runs.whole ? chain : min === 0 ? exactly('') : null;
    return { whole, other: runs.other, start: chain, end: chain, inside: chain };
  }
  const all: Runs[] = [];
  let times = empty();
  for (let count = 0; count <= max; count++) {
    if (count >= min) all.push(times);
    times = concat(times, runs);
  }
  return alternation(all);
}

const exact = (runs: Runs) =>
  ![runs.whole, runs.start, runs.end, runs.inside].some((words) => words?.chain);

/** Every letter written in a regex, as written, for the check of case folding. */
const writtenLetters = new Set<string>();

function runsOf({ source, unicode }: Regex, fold: (letter: string) => string): Runs {
  let at = 0;
  let inLookaround = 0;
  const isLetter = (c: string) => /\p{L}/u.test(c);
  const letter = (c: string) => {
    writtenLetters.add(c);
    return fold(c);
  };
  const refuse = (what: string) => {
    if (inLookaround === 0) throw new Error(`${what} at ${at} of /${source}/`);
  };

  function alternatives(): Runs {
    const all = [sequence()];
    while (source[at] === '|') {
      at++;
      all.push(sequence());
    }
    return all.length === 1 ? (all[0] as Runs) : alternation(all);
  }
  function sequence(): Runs {
    // Exact products while they stay small, then the pieces joined: a chain set on the left
    // would otherwise cut the words after it into letters.
    const pieces: Runs[] = [];
    let current = empty();
    while (at < source.length && source[at] !== '|' && source[at] !== ')') {
      const item = quantified();
      const next = concat(current, item);
      if (exact(next)) current = next;
      else {
        pieces.push(current);
        current = item;
      }
    }
    pieces.push(current);
    return pieces.reduce(concat);
  }
  function quantified(): Runs {
    const runs = atom();
    const quantifier = /^(?:\?|\*|\+|\{(\d+)(,(\d*))?\})\??/.exec(source.slice(at));
    if (!quantifier) return runs;
    at += quantifier[0].length;
    const sign = quantifier[0][0];
    if (sign === '?') return repeat(runs, 0, 1);
    if (sign === '*') return repeat(runs, 0, Number.POSITIVE_INFINITY);
    if (sign === '+') return repeat(runs, 1, Number.POSITIVE_INFINITY);
    const min = Number(quantifier[1]);
    const max = quantifier[2]
      ? quantifier[3]
        ? Number(quantifier[3])
        : Number.POSITIVE_INFINITY
      : min;
    return repeat(runs, min, max);
  }
  function escaped(): { letters: string[]; other: boolean } {
    const c = source[at + 1] ?? '';
    at += 2;
    if (c === 'd' || c === 's') return { letters: [], other: true };
    if (c === 'W') {
      // Takes any non-Latin letter: allowed where chrono leaves it out of the result's text
      // (the boundary group AbstractParserWithWordBoundary strips, SlashDateFormatParser's end),
      // and in "o\W*clock", for which date-lines.ts leaves a line to chrono.
      const before = source.slice(0, at - 2);
      const after = source.slice(at);
      const allowed =
        (before === '(' && after.startsWith('|^)')) ||
        (source.startsWith('(^)([0-3]') && after === '|$)') ||
        (before.endsWith('o') && after.startsWith('*clock'));
      if (!allowed) refuse('\\W');
      return { letters: [], other: true };
    }
    if ((c === 'p' || c === 'P') && !unicode) refuse(`\\${c} without the u flag`);
    if (c === 'u' && source[at] === '{') refuse('\\u{…}');
    if (c === 'p' || c === 'P') {
      const end = source.indexOf('}', at);
      const name = source.slice(at + 1, end);
      at = end + 1;
      if (c === 'p' && /^L/.test(name)) refuse('\\p{L}');
      return { letters: [], other: true };
    }
    if (c === 'u') {
      const code = source.slice(at, at + 4);
      at += 4;
      const char = String.fromCharCode(Number.parseInt(code, 16));
      return isLetter(char)
        ? { letters: [letter(char)], other: false }
        : { letters: [], other: true };
    }
    if (/[a-zA-Z0-9]/.test(c)) refuse(`\\${c}`);
    return { letters: [], other: true };
  }
  function atom(): Runs {
    const c = source[at] ?? '';
    if (c === '(') {
      at++;
      const lookaround = /^\?<?[=!]/.exec(source.slice(at));
      if (lookaround) at += lookaround[0].length;
      else if (source.startsWith('?:', at)) at += 2;
      else if (source.startsWith('?<', at)) at = source.indexOf('>', at) + 1;
      if (lookaround) inLookaround++;
      const inner = alternatives();
      if (lookaround) inLookaround--;
      if (source[at] !== ')') throw new Error(`unbalanced /${source}/`);
      at++;
      return lookaround ? empty() : inner;
    }
    if (c === '[') return characterClass();
    if (c === '\\') {
      if (source[at + 1] === 'b' || source[at + 1] === 'B') {
        at += 2;
        return empty();
      }
      const { letters, other } = escaped();
      return character(letters, other);
    }
    if (c === '.') {
      at++;
      return character([ANY], true);
    }
    if (c === '^' || c === '$') {
      at++;
      return empty();
    }
    const char = String.fromCodePoint(source.codePointAt(at) ?? 0);
    at += char.length;
    return isLetter(char) ? character([letter(char)], false) : character([], true);
  }
  function characterClass(): Runs {
    at++;
    const negated = source[at] === '^';
    if (negated) at++;
    const body = at;
    const letters: string[] = [];
    let other = false;
    while (at < source.length && (source[at] !== ']' || at === body)) {
      const char = source[at] ?? '';
      if (char === '\\') {
        const c = source[at + 1] ?? '';
        if ('pPdswW'.includes(c)) {
          const end = c === 'p' || c === 'P' ? source.indexOf('}', at) + 1 : at + 2;
          if (!negated && (c === 'w' || source.startsWith('\\p{L', at)))
            refuse('[\\w] or [\\p{L}]');
          other = true;
          at = end;
          continue;
        }
        const one = escaped();
        letters.push(...one.letters);
        other ||= one.other;
        continue;
      }
      at += char.length;
      if (source[at] === '-' && source[at + 1] !== ']') {
        const high = source[at + 1] ?? '';
        at += 2;
        if (isLetter(char) || isLetter(high)) refuse(`range ${char}-${high}`);
        other = true;
      } else if (isLetter(char)) letters.push(letter(char));
      else other = true;
    }
    const text = source.slice(body, at);
    at++;
    if (negated) {
      if (!text.includes('\\p{L')) refuse(`[^${text}]`);
      return character([], true);
    }
    return character([...new Set(letters)], other);
  }

  const runs = alternatives();
  if (at !== source.length) throw new Error(`unread /${source.slice(at)}/`);
  return runs;
}

// ---------------------------------------------------------------- the words

/** The fewest words whose chains give every run of `runs`: the others are chains of them. */
function wordsOf(runs: Iterable<string>, Chains: typeof WordChains): string[] {
  const sorted = [...new Set(runs)]
    .filter(Boolean)
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept = new Chains();
  const words: string[] = [];
  for (const run of sorted) {
    if (kept.isChain(run)) continue;
    kept.add(run);
    words.push(run);
  }
  return words;
}

async function main(): Promise<void> {
  const { built, written, modules } = await chronoRegexes();
  const {
    filler,
    foldLetters,
    WordChains: Chains,
  } = await import('../functions/article/date-lines');
  const { TIMEZONE_ABBR_MAP } = await import(join(chronoDir, 'dist', 'esm', 'timezone.js'));
  const zones = Object.keys(TIMEZONE_ABBR_MAP as object);
  for (const zone of zones) for (const c of zone) writtenLetters.add(c);

  const sources = new Set([...built.values(), ...written.values()].map((regex) => regex.source));
  const fillerRegex: Served = { source: filler.source, unicode: true, locales: new Set([common]) };
  const all = [...built.values(), ...written.values(), fillerRegex];
  /** The runs of letters each regex's matches can hold. */
  const runsByRegex = new Map<Served, string[]>();
  for (const regex of all) {
    if (testsOnly.has(regex.source)) continue;
    // A boundary group AbstractParserWithWordBoundary puts before a pattern of its own.
    if (regex.source.startsWith('(\\W|^)') && !sources.has(regex.source.slice(6))) {
      throw new Error(`/${regex.source}/`);
    }
    const source = regex.source
      // SlashDateFormatParser leaves its opening group out of the result's text.
      .replace(/^\(\[\^\\d\]\|\^\)(?=\(\[0-3\])/, '(^)')
      // ExtractTimezoneAbbrRefiner takes [A-Z]{2,4} only when it is one of its abbreviations.
      .replace('([A-Z]{2,4})', `(${zones.join('|')})`);
    const { whole, start, end, inside } = runsOf({ ...regex, source }, foldLetters);
    const runs: string[] = [];
    for (const words of [whole, start, end, inside]) if (words) runs.push(...words.set);
    runsByRegex.set(regex, runs);
  }
  const wordsByLocale: Record<string, string[]> = {};
  for (const [locale] of modules) {
    const runs = [...runsByRegex]
      .filter(([regex]) => regex.locales.has(locale) || regex.locales.has(common))
      .flatMap(([, found]) => found);
    const words = wordsOf(runs, Chains);
    if (words.includes(ANY)) throw new Error(`some pattern of ${locale} takes any letter anywhere`);
    if (words.some((word) => /[\u{10000}-\u{10FFFF}\uffff]/u.test(word)))
      throw new Error(`a word of ${locale} beyond the BMP`);
    wordsByLocale[locale] = words;
  }

  checkFolding(foldLetters);

  if (process.argv.includes('--write')) {
    writeFileSync(listFile, listText(wordsByLocale));
    const counts = Object.entries(wordsByLocale).map(
      ([locale, words]) => `${locale} ${words.length}`,
    );
    console.log(`${relative(repo, listFile)}: words by locale: ${counts.join(', ')}`);
    return;
  }
  const { chronoWords } = await import('../functions/article/chrono-words');
  const listedWords = chronoWords as Record<string, string>;
  const missing = Object.entries(wordsByLocale).flatMap(([locale, words]) => {
    const listed = new Chains((listedWords[locale] ?? '').split(/\s+/));
    return words.filter((word) => !listed.isChain(word)).map((word) => `${locale}:${word}`);
  });
  if (missing.length > 0) {
    console.error(`not in chrono-words.ts (run with --write): ${missing.join(' ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `chrono-words.ts covers chrono-node ${chronoVersion} and the filler, locale by locale`,
  );
}

/**
 * What a letter of a regex matches case-insensitively, with or without the `u` flag, folds as
 * that letter does; so a run of a line and a word compare as chrono compares them.
 */
function checkFolding(fold: (letter: string) => string): void {
  let letters = '';
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code < 0xe000) continue;
    const c = String.fromCodePoint(code);
    if (/\p{L}/u.test(c)) letters += c;
  }
  const bad: string[] = [];
  for (const written of writtenLetters) {
    const pattern = written.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    for (const flags of ['gi', 'giu']) {
      for (const match of letters.matchAll(new RegExp(pattern, flags))) {
        if (fold(match[0]) !== fold(written)) bad.push(`${written}~${match[0]}`);
      }
    }
  }
  if (bad.length > 0) throw new Error(`letters chrono matches that fold apart: ${bad.join(' ')}`);
}

function listText(wordsByLocale: Record<string, string[]>): string {
  const lists = Object.entries(wordsByLocale).map(([locale, words]) => {
    const sorted = [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const lines: string[] = [];
    let line = '';
    for (const word of sorted) {
      if (line && line.length + 1 + word.length > 96) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return `  ${locale}: \`\n${lines.join('\n')}\n\`,`;
  });
  return `import type { DayLocale } from './parse-day';

/**
 * By locale of parse-day.ts: every run of letters that locale's parser in chrono-node
 * ${chronoVersion} can take into a result, and every run a match of the filler of date-lines.ts
 * can hold, is a chain of these words (\`·\`: any one letter). Written by infra/chrono-words.ts,
 * which test/unit/chrono-words.test.ts runs to check that it still holds: run it with --write
 * when chrono-node or the filler changes.
 */
export const chronoWords: Record<DayLocale, string> = {
${lists.join('\n')}
};
`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * `npm run bench:editorial -- [--pages DIR] [--labels FILE] [--edition YYYY-MM-DD] [--brief FILE]`
 *
 * Scores a brief built from a folder of real copied news pages against hand labels
 * (bench/editorial/devset.json): story grouping (B-cubed against the event labels), how many of
 * the 7 largest labelled events reach Key developments, the share of printed items with a
 * defect, and the share of articles with a source and a date. A plain TF-IDF cosine +
 * average-link grouping of the same pages is printed as the floor. The last line of stdout is a
 * JSON summary. It is a benchmark, never a test: it always exits 0.
 *
 * The brief is built by the project's CLI as a child process (never by importing its modules),
 * and brief.json is read defensively: sections added later (`otherLanguages`, `notIncluded`,
 * `alsoMentioned`, new story fields) are used when present and ignored when absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { franc } from 'franc-min';

// ---------------------------------------------------------------------------------------------
// Inputs

interface Label {
  file: string;
  url: string;
  outlet: string;
  language: string;
  event: string;
  offTopic: boolean;
  actors: string[];
  published: string | null;
  title: string;
}

interface Options {
  pages: string;
  labels: string;
  edition: string | null;
  brief: string | null;
  keep: boolean;
  verbose: boolean;
}

const repoRoot = resolve(__dirname, '..', '..');
const userCwd = process.env.INIT_CWD ?? process.cwd();

function parseArgs(argv: string[]): Options {
  const options: Options = {
    pages: '/work/devset/pages',
    labels: join(repoRoot, 'bench', 'editorial', 'devset.json'),
    edition: null,
    brief: null,
    keep: false,
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--keep') options.keep = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(
        'usage: npm run bench:editorial -- [--pages DIR] [--labels FILE] [--edition YYYY-MM-DD] [--brief brief.json] [--keep] [--verbose]',
      );
      process.exit(0);
    } else if (value !== undefined && arg?.startsWith('--')) {
      if (arg === '--pages') options.pages = resolve(userCwd, value);
      else if (arg === '--labels') options.labels = resolve(userCwd, value);
      else if (arg === '--edition') options.edition = value;
      else if (arg === '--brief') options.brief = resolve(userCwd, value);
      else console.warn(`ignoring unknown option ${arg}`);
      i++;
    } else console.warn(`ignoring argument ${arg}`);
  }
  return options;
}

function readLabels(path: string): Label[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${path}: expected an array of labels`);
  return raw.map((entry, index) => {
    const row = (entry ?? {}) as Partial<Label>;
    if (typeof row.file !== 'string' || typeof row.event !== 'string')
      throw new Error(`${path}: label ${index} needs "file" and "event"`);
    return {
      file: row.file,
      url: String(row.url ?? ''),
      outlet: String(row.outlet ?? ''),
      language: String(row.language ?? 'und'),
      event: row.event,
      offTopic: row.offTopic === true,
      actors: Array.isArray(row.actors) ? row.actors.map(String) : [],
      published: typeof row.published === 'string' ? row.published : null,
      title: String(row.title ?? ''),
    };
  });
}

/** The event an article is scored against: every off-topic page is its own event. */
const goldEvent = (label: Label) => (label.offTopic ? `off-topic:${label.file}` : label.event);

// ---------------------------------------------------------------------------------------------
// Building the brief with the CLI

/** The CLI's path, read from the `brief` npm script (it moves while the code is restructured). */
function findCli(): string {
  const candidates: string[] = [];
  try {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    const match = /tsx\s+(\S+\.ts)/.exec(pkg.scripts?.brief ?? '');
    if (match?.[1]) candidates.push(match[1]);
  } catch {
    // fall through to the known places
  }
  candidates.push('functions/cli.ts', 'functions/handlers/cli.ts');
  const found = candidates.find((candidate) => existsSync(join(repoRoot, candidate)));
  if (!found) throw new Error(`no CLI found (tried ${candidates.join(', ')})`);
  return found;
}

interface BuildResult {
  briefPath: string;
  seconds: number;
  log: string;
  tmp: string;
}

function buildBrief(pages: string, edition: string): BuildResult {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-editorial-'));
  const cli = findCli();
  const args = [
    'tsx',
    cli,
    pages,
    '--out',
    join(tmp, 'out'),
    '--store',
    join(tmp, 'store'),
    '--edition',
    edition,
  ];
  console.log(`building the brief: npx ${args.join(' ')}`);
  const start = performance.now();
  const run = spawnSync('npx', args, {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, INIT_CWD: repoRoot },
  });
  const seconds = (performance.now() - start) / 1000;
  const log = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0)
    throw new Error(`the CLI exited with ${run.status ?? run.signal}:\n${log.slice(-3000)}`);
  return { briefPath: join(tmp, 'out', 'brief.json'), seconds, log, tmp };
}

// ---------------------------------------------------------------------------------------------
// Reading brief.json defensively

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asStrings = (value: unknown): string[] =>
  asArray(value).filter((entry): entry is string => typeof entry === 'string');
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

interface Article {
  id: string;
  file: string;
  title: string;
  source: string | null;
  published: string | null;
}

type ItemKind = 'highlight' | 'actor' | 'theme';

interface PrintedItem {
  kind: ItemKind;
  where: string;
  text: string;
  headline: string | null;
  sources: string[];
  /** The speaker the brief names for a quote that gives only a pronoun ("he stressed"). */
  speaker: string | null;
}

interface Brief {
  articles: Article[];
  /** id → file for every article the brief names, including ones outside `articles`. */
  fileOf: Map<string, string>;
  stories: string[][];
  storyHeadlines: string[];
  highlights: { number: number; headline: string; ids: string[] }[];
  items: PrintedItem[];
  extraSections: string[];
}

const fileOfKey = (key: string) => basename(key);

function readBrief(path: string): Brief {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isObject(raw)) throw new Error(`${path}: not a brief`);
  const fileOf = new Map<string, string>();
  const articles: Article[] = [];
  for (const entry of asArray(raw.articles)) {
    if (!isObject(entry)) continue;
    const id = asString(entry.id);
    const key = asString(entry.key);
    if (!id || !key) continue;
    fileOf.set(id, fileOfKey(key));
    articles.push({
      id,
      file: fileOfKey(key),
      title: asString(entry.title) ?? '',
      source: asString(entry.source),
      published: asString(entry.published),
    });
  }
  // Sections that later versions may add list articles too (other languages, not included…).
  const extraSections: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (['articles', 'highlights', 'byActor', 'byTheme', 'stories'].includes(name)) continue;
    const entries = Array.isArray(value)
      ? value
      : isObject(value) && Array.isArray(value.items)
        ? value.items
        : [];
    let named = 0;
    for (const entry of entries) {
      if (!isObject(entry)) continue;
      const id = asString(entry.id) ?? asString(entry.article);
      const key = asString(entry.key);
      if (id && key && !fileOf.has(id)) {
        fileOf.set(id, fileOfKey(key));
        named++;
      }
    }
    if (named > 0) extraSections.push(`${name} (${named})`);
  }
  const storyHeadlines = asArray(raw.stories)
    .filter(isObject)
    .map((story) => asString(story.headline))
    .filter((headline): headline is string => headline !== null);
  const stories = asArray(raw.stories)
    .filter(isObject)
    .map((story) => asStrings(story.articles))
    .filter((ids) => ids.length > 0);

  const items: PrintedItem[] = [];
  const highlights: Brief['highlights'] = [];
  asArray(raw.highlights)
    .filter(isObject)
    .forEach((highlight, index) => {
      const number = typeof highlight.number === 'number' ? highlight.number : index + 1;
      const sources = asStrings(highlight.sources);
      const alsoIn = asStrings(highlight.alsoIn);
      const headline = asString(highlight.headline) ?? '';
      highlights.push({ number, headline, ids: [...sources, ...alsoIn] });
      items.push({
        kind: 'highlight',
        where: `Key development ${number}`,
        text: asString(highlight.text) ?? '',
        headline,
        sources: [...sources, ...alsoIn],
        speaker: asString(highlight.speaker),
      });
    });
  for (const [field, kind] of [
    ['byActor', 'actor'],
    ['byTheme', 'theme'],
  ] as const) {
    for (const section of asArray(raw[field]).filter(isObject)) {
      const where = asString(section.name) ?? asString(section.id) ?? field;
      for (const item of asArray(section.items).filter(isObject))
        items.push({
          kind,
          where,
          text: asString(item.text) ?? '',
          headline: null,
          sources: asStrings(item.sources),
          speaker: asString(item.speaker),
        });
    }
  }
  return { articles, fileOf, stories, storyHeadlines, highlights, items, extraSections };
}

// ---------------------------------------------------------------------------------------------
// B-cubed

interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** B-cubed precision/recall/F1 of `cluster` (item → cluster id) against `gold` (item → class). */
function bcubed(items: string[], cluster: Map<string, string>, gold: Map<string, string>): Prf {
  if (items.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const members = (map: Map<string, string>) => {
    const groups = new Map<string, string[]>();
    for (const item of items) {
      const key = map.get(item) ?? `solo:${item}`;
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    return groups;
  };
  const clusters = members(cluster);
  const classes = members(gold);
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const mine = clusters.get(cluster.get(item) ?? `solo:${item}`) ?? [item];
    const truth = classes.get(gold.get(item) ?? `solo:${item}`) ?? [item];
    const truthSet = new Set(truth);
    const both = mine.filter((other) => truthSet.has(other)).length;
    precision += both / mine.length;
    recall += both / truth.length;
  }
  precision /= items.length;
  recall /= items.length;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

// ---------------------------------------------------------------------------------------------
// TF-IDF + average-link baseline

const STOP = new Set(
  `a an and are as at be been but by for from had has have he her his i if in into is it its
  of on or our she that the their them they this to was we were which who will with would not
  no said says say after also more than over about up out new one two last year years could
  can may mr ms us there when what all been being do does did so such these those then while
  per week day monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
);

function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((token) => token.length > 1 && !STOP.has(token));
}

function tfidfVectors(texts: string[]): Map<string, number>[] {
  const counts = texts.map((text) => {
    const tf = new Map<string, number>();
    for (const token of tokens(text)) tf.set(token, (tf.get(token) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const token of tf.keys()) df.set(token, (df.get(token) ?? 0) + 1);
  const n = texts.length;
  return counts.map((tf) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [token, count] of tf) {
      const weight = (1 + Math.log(count)) * (Math.log((1 + n) / (1 + (df.get(token) ?? 0))) + 1);
      vector.set(token, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [token, weight] of vector) vector.set(token, weight / norm);
    return vector;
  });
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [token, weight] of small) dot += weight * (large.get(token) ?? 0);
  return dot;
}

/** Average-link agglomerative clustering: merge the closest pair while its mean similarity ≥ t. */
function averageLink(similarity: number[][], threshold: number): number[] {
  let clusters = similarity.map((_, index) => [index]);
  const sim = (a: number[], b: number[]) => {
    let total = 0;
    for (const i of a) for (const j of b) total += similarity[i]?.[j] ?? 0;
    return total / (a.length * b.length);
  };
  for (;;) {
    let best = -1;
    let pair: [number, number] | null = null;
    for (let i = 0; i < clusters.length; i++)
      for (let j = i + 1; j < clusters.length; j++) {
        const value = sim(clusters[i] ?? [], clusters[j] ?? []);
        if (value > best) {
          best = value;
          pair = [i, j];
        }
      }
    if (!pair || best < threshold) break;
    const [i, j] = pair;
    const merged = [...(clusters[i] ?? []), ...(clusters[j] ?? [])];
    clusters = clusters.filter((_, index) => index !== i && index !== j);
    clusters.push(merged);
  }
  const assignment = new Array<number>(similarity.length).fill(0);
  clusters.forEach((members, id) => {
    for (const member of members) assignment[member] = id;
  });
  return assignment;
}

// ---------------------------------------------------------------------------------------------
// Defects of printed items

const words = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const word of a) if (b.has(word)) both++;
  return both / (a.size + b.size - both);
}

const ENGLISH_STOP = new Set(
  'the of and to in a is that for on with as was by at from it be has have are said which were this an not but its their he they will'.split(
    ' ',
  ),
);
const FRANC_ONLY = [
  'eng',
  'fra',
  'spa',
  'deu',
  'ita',
  'por',
  'nld',
  'rus',
  'ukr',
  'pol',
  'tur',
  'arb',
  'ind',
  'swe',
  'dan',
  'nob',
  'ces',
  'ron',
];

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])["'”’»)]*\s+(?=["'“‘«(]?[\p{Lu}\p{N}])/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

const FOREIGN_STOP = new Set(
  `le la les des du une est et dans pour par sur qui que au aux ont été selon avec
  el los las del una por para con según también como pero fue han sus
  der die das und den dem ein eine ist nicht mit von zu auf für sich im des
  il lo gli della delle nel che per con sono è stato
  o os da do em uma não com pelo pela`.split(/\s+/),
);

/**
 * A sentence of 8+ words that is not English: mostly non-Latin letters, or franc's guess is not
 * English and the sentence has few English and many foreign function words.
 */
function foreignSentence(text: string): { sentence: string; language: string } | null {
  for (const sentence of sentences(text)) {
    const list = words(sentence);
    if (list.length < 8) continue;
    const letters = sentence.match(/\p{L}/gu) ?? [];
    const latin = letters.filter((letter) => /\p{Script=Latin}/u.test(letter)).length;
    const language = franc(sentence, { minLength: 10, only: FRANC_ONLY });
    if (letters.length > 0 && latin / letters.length < 0.5)
      return { sentence, language: language === 'und' ? 'non-Latin' : language };
    const plain = list.map((word) => word.toLowerCase().replace(/[^\p{L}]/gu, ''));
    const english = plain.filter((word) => ENGLISH_STOP.has(word)).length / list.length;
    const foreign = plain.filter((word) => FOREIGN_STOP.has(word)).length / list.length;
    if (language !== 'eng' && language !== 'und' && english < 0.12 && foreign >= 0.1)
      return { sentence, language };
  }
  return null;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';

/** Page furniture, by reason. Each pattern names what it catches; the first that fires counts. */
const FURNITURE: [string, RegExp][] = [
  [
    'dateline with outlet',
    /^\s*\p{Lu}[\p{Lu} .,'-]{2,40}\s*\((?:[^()]*\b(?:News|Sputnik|Reuters|AFP|AP|Xinhua|TASS|IANS|ANI|WAM|APP|IRNA|Anadolu|Agency)\b[^()]*)\)\s*[-–—:]?|^\s*\p{L}[\p{L} ]+,\s*\p{L}[\p{L} ]+\s*\|\s*[\p{L} ]+\s*\||^\s*\p{L}[\p{L} ]+\s*\[[\p{L} ]+\],\s*\p{L}+\s*\d{1,2}\s*:|^\s*\((?:Reuters|AP|AFP)\)\s*[-–—]/u,
  ],
  [
    'caption credit',
    /\[[^\]]{2,80}\b(?:[-–—/]|photo|agency|reuters|afp|ap|getty|epa|anadolu|xinhua)[^\]]*\]|\((?:[^()]*\b(?:AP|AFP|EPA|Reuters|REUTERS|Getty|Pool|File|Photo|photo credit)\b[^()]*)\)\s*$|\b(?:REUTERS|AFP|EPA|AP)\/[A-Z]|\bFILE PHOTO\b|\bAP Photo\b|Copyright \d{4}|All rights reserved/,
  ],
  ['photo/image credit', /\b(?:Photo|Image|Graphic|Picture|Video|Credit|Source)\s*:\s*\S/],
  [
    'caption (place, date)',
    /^[^.!?]{10,200},\s*(?:\p{Lu}[\p{L}-]+\s*){1,3},?\s*(?:on\s+)?(?:[Tt]oday|[Yy]esterday|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4})\.?$/u,
  ],
  ['click / link list', /\bCLICK\b|›|»\s*$|(?:\s\|\s.*){2,}|(?:•.*){2,}/],
  [
    'read also / more',
    /\b(?:read (?:also|more|full article)|also (?:read|watch|see)|don[’']t miss|related (?:articles?|news|stories)|keep reading|recent news|all news|lire aussi|leer (?:también|más)|lesen sie auch|more info)\b/i,
  ],
  [
    'timestamp / header date',
    new RegExp(
      `^\\W*(?:${WEEKDAY},?\\s+)?(?:${MONTH}\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\.?,?\\s+\\d{4})\\W*$|\\b(?:published|updated|posted(?: at)?|last update)\\s*:?\\s*(?:\\d|${MONTH}|${WEEKDAY})|^\\W*\\d{1,2}:\\d{2}\\b|\\b\\d{1,2}:\\d{2}\\s*(?:am|pm)?\\s*[,|]\\s*(?:${MONTH}|\\d)|${MONTH}\\.?\\s+\\d{1,2},?\\s+\\d{4}\\s*[|,]?\\s*\\d{1,2}:\\d{2}|\\b\\d+\\s+(?:hours?|minutes?|mins?)\\s+ago\\b|\\b\\d+\\s+mins? read\\b|reading time`,
      'i',
    ),
  ],
  [
    'byline',
    /^\s*(?:by|par|por|von)\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}\s*(?:$|[,|•–-])|\b(?:author|written by|reporting by|editing by|writing by)\b\s*[:–-]?\s*\p{Lu}|\(@\w+\)/iu,
  ],
  [
    'share / comment prompt',
    /\b(?:share (?:this|on)|leave a comment|comments?\s*\(\d+\)|subscribe|sign[- ]up|newsletter|follow (?:us|our)|google news channel|join us on|rejoignez-nous|unsubscribe|your browser does(?: not|n[’']t) support|advertisement|scroll to continue|download (?:the )?(?:mobile )?app|something went wrong)\b/i,
  ],
];

function furnitureReason(text: string): string | null {
  for (const [reason, pattern] of FURNITURE) if (pattern.test(text)) return reason;
  return null;
}

function stripEllipsis(text: string): string {
  return text.replace(/\s*(?:…|\.\.\.)\s*$/u, '');
}

/** The headline is (nearly) the first words of the text: the title was cut from the lead. */
function headlineRepeatsText(headline: string, text: string): boolean {
  const head = normalise(stripEllipsis(headline)).split(' ').filter(Boolean);
  const body = normalise(text).split(' ').filter(Boolean);
  if (head.length < 4 || body.length < head.length) return false;
  let same = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === body[i]) same++;
  return same / head.length >= 0.8;
}

/** A headline that is no title: a date, a timestamp, a site or section name. */
function headlineIsNoTitle(headline: string): boolean {
  const text = stripEllipsis(headline).trim();
  if (text.length === 0) return true;
  if (furnitureReason(text) === 'timestamp / header date') return true;
  return words(text).length <= 2;
}

/** The item is the headline of an article it cites (the title line quoted as a sentence). */
function isCitedTitle(text: string, cited: Label[]): boolean {
  const item = new Set(normalise(text).split(' ').filter(Boolean));
  return cited.some((label) => {
    const title = new Set(normalise(label.title).split(' ').filter(Boolean));
    return title.size >= 4 && jaccard(item, title) >= 0.9;
  });
}

/** A quote or statement whose speaker is only a pronoun ("…,” he stressed"; "Responding to X, he said"). */
const UNNAMED_SPEAKER =
  /(?:^|[,.;:]["”’]?\s+|^[^"“]{0,60},\s+)(?:he|she|they)\s+(?:said|says|added|stressed|told|noted|warned|argued|insisted|declared|explained|emphasi[sz]ed)\b/i;

/** Degenerate text: an unbalanced quotation mark, a lower-case start or a list bullet. */
function isFragment(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const open = (text.match(/[“«]/g) ?? []).length;
  const close = (text.match(/[”»]/g) ?? []).length;
  return straight % 2 === 1 || open !== close || /^\s*(?:\p{Ll}|[-–•*]\s)/u.test(text);
}

// ---------------------------------------------------------------------------------------------
// Report

const pct = (part: number, whole: number) =>
  whole === 0 ? '  n/a' : `${((100 * part) / whole).toFixed(1).padStart(5)} %`;
const fixed = (value: number) => value.toFixed(3);
const clip = (text: string, length = 110) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

function main(): Json {
  const options = parseArgs(process.argv.slice(2));
  const labels = readLabels(options.labels);
  const byFile = new Map(labels.map((label) => [label.file, label]));
  const edition =
    options.edition ??
    labels
      .map((label) => label.published)
      .filter((date): date is string => date !== null)
      .sort()
      .at(-1) ??
    new Date().toISOString().slice(0, 10);
  const pageFiles = existsSync(options.pages)
    ? readdirSync(options.pages).filter((name) => !name.startsWith('.'))
    : [];
  console.log('# Editorial benchmark');
  console.log(`pages   ${options.pages} (${pageFiles.length} files)`);
  console.log(`labels  ${options.labels} (${labels.length} pages)`);
  console.log(`edition ${edition}`);
  const unlabelled = pageFiles.filter((name) => !byFile.has(name));
  const absent = labels.filter((label) => !pageFiles.includes(label.file));
  if (unlabelled.length) console.log(`unlabelled pages (not scored): ${unlabelled.join(' ')}`);
  if (absent.length) console.log(`labelled but not in the folder: ${absent.length}`);

  let build: BuildResult | null = null;
  let briefPath = options.brief;
  if (!briefPath) {
    if (pageFiles.length === 0) throw new Error(`no pages in ${options.pages}`);
    build = buildBrief(options.pages, edition);
    briefPath = build.briefPath;
    const last = build.log.trim().split('\n').filter(Boolean);
    const notes = last.filter((line) => /^(rejected|duplicate) /.test(line));
    for (const note of notes) console.log(`  ${note}`);
    console.log(
      `  built in ${build.seconds.toFixed(1)} s: ${last.find((l) => l.startsWith('Brief for')) ?? ''}`,
    );
  }
  const brief = readBrief(briefPath);
  if (build && !options.keep) rmSync(build.tmp, { recursive: true, force: true });
  else if (build) console.log(`  kept ${build.tmp}`);
  if (brief.extraSections.length)
    console.log(`  other sections naming articles: ${brief.extraSections.join(', ')}`);

  const labelOfId = (id: string) => {
    const file = brief.fileOf.get(id);
    return file ? byFile.get(file) : undefined;
  };

  // -- Story grouping --------------------------------------------------------------------------
  const scored = brief.articles.filter((article) => byFile.has(article.file));
  const scoredIds = scored.map((article) => article.id);
  const storyOf = new Map<string, string>();
  brief.stories.forEach((ids, index) => {
    for (const id of ids) if (!storyOf.has(id)) storyOf.set(id, `story:${index}`);
  });
  const goldOf = new Map<string, string>();
  for (const article of scored) {
    const label = byFile.get(article.file);
    if (label) goldOf.set(article.id, goldEvent(label));
  }
  const grouping = bcubed(scoredIds, storyOf, goldOf);
  const multi = brief.stories.filter((ids) => ids.length > 1).length;
  console.log('\n## Story grouping (B-cubed against event labels)');
  console.log(
    `articles scored ${scored.length} of ${labels.length} labelled; stories of 2+ articles: ${multi}; gold events: ${new Set(goldOf.values()).size}`,
  );
  console.log(
    `brief     precision ${fixed(grouping.precision)}  recall ${fixed(grouping.recall)}  F1 ${fixed(grouping.f1)}`,
  );

  // -- TF-IDF baseline on the same articles -----------------------------------------------------
  const baselineFiles = scored.length > 0 ? scored.map((a) => a.file) : pageFiles;
  const texts = baselineFiles.map((file) => {
    try {
      return readFileSync(join(options.pages, file), 'utf8');
    } catch {
      return '';
    }
  });
  const vectors = tfidfVectors(texts);
  const similarity = vectors.map((a) => vectors.map((b) => cosine(a, b)));
  const baselineGold = new Map<string, string>();
  for (const file of baselineFiles) {
    const label = byFile.get(file);
    if (label) baselineGold.set(file, goldEvent(label));
  }
  const baseline: { threshold: number; prf: Prf }[] = [];
  for (const threshold of [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5]) {
    const assignment = averageLink(similarity, threshold);
    const clusterOf = new Map(baselineFiles.map((file, i) => [file, `c${assignment[i]}`]));
    const prf = bcubed(
      baselineFiles.filter((file) => baselineGold.has(file)),
      clusterOf,
      baselineGold,
    );
    baseline.push({ threshold, prf });
    console.log(
      `tfidf@${threshold.toFixed(2)} precision ${fixed(prf.precision)}  recall ${fixed(prf.recall)}  F1 ${fixed(prf.f1)}`,
    );
  }
  const bestBaseline = baseline.reduce((a, b) => (b.prf.f1 > a.prf.f1 ? b : a));

  // -- Largest events in Key developments -------------------------------------------------------
  const eventSize = new Map<string, number>();
  for (const label of labels)
    if (!label.offTopic) eventSize.set(label.event, (eventSize.get(label.event) ?? 0) + 1);
  const largest = [...eventSize.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 7);
  const kdOfEvent = new Map<string, number[]>();
  for (const highlight of brief.highlights)
    for (const id of highlight.ids) {
      const label = labelOfId(id);
      if (!label || label.offTopic) continue;
      const numbers = kdOfEvent.get(label.event) ?? [];
      if (!numbers.includes(highlight.number)) numbers.push(highlight.number);
      kdOfEvent.set(label.event, numbers);
    }
  console.log('\n## The 7 largest labelled events in Key developments');
  const largestReport = largest.map(([event, size]) => {
    const numbers = kdOfEvent.get(event) ?? [];
    const inBrief = scored.filter((a) => byFile.get(a.file)?.event === event);
    const fragments = new Set(inBrief.map((a) => storyOf.get(a.id) ?? `solo:${a.id}`)).size;
    console.log(
      `${numbers.length > 0 ? 'yes' : 'no '}  ${String(size).padStart(2)} pages  ${event}${numbers.length ? `  (KD ${numbers.join(', ')})` : ''}  [${inBrief.length} in brief, in ${fragments} stor${fragments === 1 ? 'y' : 'ies'}]`,
    );
    return {
      event,
      size,
      inKeyDevelopments: numbers.length > 0,
      keyDevelopments: numbers,
      fragments,
    };
  });
  const reached = largestReport.filter((entry) => entry.inKeyDevelopments).length;
  console.log(`reached: ${reached} of ${largest.length}`);
  console.log('Key developments as printed (event of each cited article):');
  for (const highlight of brief.highlights) {
    const events = [
      ...new Set(highlight.ids.map((id) => labelOfId(id)).map((l) => (l ? goldEvent(l) : '?'))),
    ];
    console.log(`  ${highlight.number}. ${events.join(' + ')}`);
  }

  // -- Defects of printed items -----------------------------------------------------------------
  type Defect =
    | 'non-English'
    | 'furniture'
    | 'repeated'
    | 'overlong'
    | 'headline-repeats-text'
    | 'off-topic';
  const kinds: Defect[] = [
    'non-English',
    'furniture',
    'repeated',
    'overlong',
    'headline-repeats-text',
    'off-topic',
  ];
  const defectsOf = brief.items.map(() => new Set<Defect>());
  const examples = new Map<string, string[]>();
  const note = (key: string, example: string) => {
    const list = examples.get(key) ?? [];
    if (list.length < (options.verbose ? 1000 : 3)) list.push(example);
    examples.set(key, list);
  };
  const furnitureReasons = new Map<string, number>();
  const wordSets = brief.items.map(
    (item) => new Set(normalise(item.text).split(' ').filter(Boolean)),
  );
  brief.items.forEach((item, index) => {
    const defects = defectsOf[index] ?? new Set<Defect>();
    const where = `${item.where}: `;
    const foreign = foreignSentence(item.text);
    if (foreign) {
      defects.add('non-English');
      note('non-English', `${where}[${foreign.language}] ${clip(foreign.sentence)}`);
    }
    const cited = item.sources.map(labelOfId).filter((label): label is Label => !!label);
    const reason =
      furnitureReason(item.text) ?? (isCitedTitle(item.text, cited) ? 'headline as item' : null);
    if (reason) {
      defects.add('furniture');
      furnitureReasons.set(reason, (furnitureReasons.get(reason) ?? 0) + 1);
      note('furniture', `${where}(${reason}) ${clip(item.text)}`);
    }
    for (let earlier = 0; earlier < index; earlier++) {
      const a = wordSets[earlier];
      const b = wordSets[index];
      if (a && b && jaccard(a, b) >= 0.8) {
        defects.add('repeated');
        note('repeated', `${where}${clip(item.text)}  (= ${brief.items[earlier]?.where})`);
        break;
      }
    }
    if (words(item.text).length > 60) {
      defects.add('overlong');
      note('overlong', `${where}${words(item.text).length} words: ${clip(item.text, 80)}`);
    }
    if (
      item.kind === 'highlight' &&
      item.headline &&
      headlineRepeatsText(item.headline, item.text)
    ) {
      defects.add('headline-repeats-text');
      note('headline-repeats-text', `${where}${clip(item.headline, 80)}`);
    }
    if (cited.length > 0 && cited.every((label) => label.offTopic)) {
      defects.add('off-topic');
      note('off-topic', `${where}${clip(item.text)}`);
    }
  });
  // An item whose `speaker` the brief prints before it names who "he" is.
  const unnamed = brief.items.filter((item) => !item.speaker && UNNAMED_SPEAKER.test(item.text));
  const fragments = brief.items.filter((item) => isFragment(item.text));
  const total = brief.items.length;
  const withDefect = defectsOf.filter((set) => set.size > 0).length;
  const perKind = Object.fromEntries(
    kinds.map((kind) => [kind, defectsOf.filter((set) => set.has(kind)).length]),
  ) as Record<Defect, number>;
  const byKind = (kind: ItemKind) => brief.items.filter((item) => item.kind === kind).length;
  console.log('\n## Printed items with a defect');
  console.log(
    `items ${total} (key developments ${byKind('highlight')}, actor items ${byKind('actor')}, theme items ${byKind('theme')})`,
  );
  console.log(`with any defect      ${String(withDefect).padStart(3)}  ${pct(withDefect, total)}`);
  for (const kind of kinds)
    console.log(
      `  ${kind.padEnd(22)} ${String(perKind[kind]).padStart(3)}  ${pct(perKind[kind], total)}`,
    );
  if (furnitureReasons.size)
    console.log(
      `  furniture by reason: ${[...furnitureReasons].map(([r, n]) => `${r} ${n}`).join(', ')}`,
    );
  const noTitle = brief.highlights.filter((h) => headlineIsNoTitle(h.headline));
  console.log(
    `headlines that are no title (date, timestamp, 1-2 words): ${noTitle.length} of ${brief.highlights.length}${noTitle.length ? ` — ${noTitle.map((h) => `KD ${h.number} "${clip(h.headline, 40)}"`).join('; ')}` : ''}`,
  );
  console.log(
    `also seen (not in the share): pronoun-only speaker ${unnamed.length}, fragment (unbalanced quote, lower-case start, bullet) ${fragments.length}`,
  );
  for (const item of [...unnamed, ...fragments].slice(0, 4))
    console.log(`    - ${item.where}: ${clip(item.text)}`);
  for (const kind of kinds) {
    const list = examples.get(kind);
    if (!list) continue;
    console.log(`  e.g. ${kind}:`);
    for (const example of list) console.log(`    - ${example}`);
  }

  // -- Titles -----------------------------------------------------------------------------------
  const badTitles = scored.filter(
    (article) => headlineIsNoTitle(article.title) || furnitureReason(article.title) !== null,
  );
  console.log(
    `article titles that are no title (date, timestamp, handle, caption, dateline): ${badTitles.length} of ${scored.length}`,
  );
  for (const article of badTitles.slice(0, options.verbose ? 1000 : 8))
    console.log(`    - ${article.file}: ${clip(article.title, 80)}`);
  const badStoryHeadlines = brief.storyHeadlines.filter(
    (headline) => headlineIsNoTitle(headline) || furnitureReason(headline) !== null,
  );
  console.log(
    `story headlines that are no title: ${badStoryHeadlines.length} of ${brief.storyHeadlines.length}${badStoryHeadlines.length ? ` — ${badStoryHeadlines.map((h) => `"${clip(h, 40)}"`).join('; ')}` : ''}`,
  );

  // -- Sources and dates ------------------------------------------------------------------------
  const withSource = scored.filter((a) => a.source !== null).length;
  const withDate = scored.filter((a) => a.published !== null).length;
  const datedLabels = scored.filter((a) => byFile.get(a.file)?.published);
  const rightDate = datedLabels.filter((a) => a.published === byFile.get(a.file)?.published).length;
  const editionDate = scored.filter((a) => a.published === edition).length;
  console.log('\n## Sources and dates of the articles');
  console.log(
    `with a source   ${String(withSource).padStart(3)} of ${scored.length}  ${pct(withSource, scored.length)}`,
  );
  console.log(
    `with a date     ${String(withDate).padStart(3)} of ${scored.length}  ${pct(withDate, scored.length)}`,
  );
  console.log(
    `date = label    ${String(rightDate).padStart(3)} of ${datedLabels.length} labelled with a date  ${pct(rightDate, datedLabels.length)}`,
  );
  console.log(
    `date = edition  ${String(editionDate).padStart(3)} (the edition's own date, ${edition})`,
  );

  return {
    edition,
    pages: pageFiles.length,
    labelled: labels.length,
    articles: scored.length,
    storyGrouping: {
      precision: round(grouping.precision),
      recall: round(grouping.recall),
      f1: round(grouping.f1),
      multiArticleStories: multi,
    },
    tfidfBaseline: baseline.map(({ threshold, prf }) => ({
      threshold,
      precision: round(prf.precision),
      recall: round(prf.recall),
      f1: round(prf.f1),
    })),
    tfidfBest: { threshold: bestBaseline.threshold, f1: round(bestBaseline.prf.f1) },
    largestEvents: { reached, of: largest.length, events: largestReport },
    items: {
      total,
      withDefect,
      share: round(total ? withDefect / total : 0),
      byKind: perKind,
      furnitureReasons: Object.fromEntries(furnitureReasons),
      headlinesNoTitle: noTitle.length,
    },
    titles: {
      articlesNoTitle: badTitles.length,
      storyHeadlinesNoTitle: badStoryHeadlines.length,
    },
    sources: { withSource, share: round(scored.length ? withSource / scored.length : 0) },
    dates: {
      withDate,
      share: round(scored.length ? withDate / scored.length : 0),
      matchingLabel: rightDate,
      labelled: datedLabels.length,
      editionDate,
    },
    buildSeconds: build ? round(build.seconds) : null,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

let summary: Json;
try {
  summary = main();
} catch (error) {
  console.error(`bench:editorial: ${error instanceof Error ? error.message : String(error)}`);
  summary = { error: error instanceof Error ? error.message : String(error) };
}
console.log(JSON.stringify(summary));
process.exitCode = 0;

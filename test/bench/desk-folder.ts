/**
 * A desk's day of uploads for the end-to-end bench: `count` plain-text articles of 2–6 KB,
 * built from real text (the hand-checked bodies of the 92 pages in
 * `../shared/corpus/extraction/ground-truth.json` and the seeds), each a different text: its
 * own subset and order of the source's paragraphs, its own numbers, and now and then a
 * paragraph of another article. Every file has a distinct article id (the hash ingest
 * dedups on), so none collapses into another. Deterministic: the same count gives the same
 * folder. `npx tsx test/bench/desk-folder.ts <dir> [count]` writes one.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleId } from '../../functions/article/article-id';
import { detectLanguage } from '../../functions/article/detect-language';
import { random } from './synthetic-articles';

interface SourceText {
  title: string;
  paragraphs: string[];
  language: string;
}

const minBytes = 2_000;
const maxBytes = 6_000;

function titleFromUrl(url: string, fallback: string): string {
  const slug =
    url
      .replace(/[?#].*$/, '')
      .split('/')
      .filter((part) => /[a-z]{3,}-[a-z]/i.test(part))
      .pop() ?? '';
  const words = slug
    .replace(/\.\w+$/, '')
    .split(/[-_]+/)
    .filter((word) => /^[a-z]+$/i.test(word));
  if (words.length < 3) return fallback.split(/(?<=[.!?])\s/)[0]?.slice(0, 120) ?? fallback;
  const title = words.join(' ');
  return title[0]?.toUpperCase() + title.slice(1);
}

/** The real texts the folder is made of: corpus bodies (when the corpus is there) and seeds. */
export function sourceTexts(root: string): SourceText[] {
  const sources: SourceText[] = [];
  const truth = join(root, '..', 'shared', 'corpus', 'extraction', 'ground-truth.json');
  if (existsSync(truth)) {
    const pages = JSON.parse(readFileSync(truth, 'utf8')) as Record<
      string,
      { articleBody: string; url: string }
    >;
    for (const name of Object.keys(pages).sort()) {
      const page = pages[name];
      if (!page) continue;
      const paragraphs = page.articleBody
        .split(/\n+/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0);
      if (paragraphs.length === 0) continue;
      sources.push({
        title: titleFromUrl(page.url, paragraphs[0] ?? ''),
        paragraphs,
        language: detectLanguage(paragraphs.join('\n\n')),
      });
    }
  }
  const seeds = join(root, 'test', 'fixtures', 'seeds');
  for (const name of readdirSync(seeds).sort()) {
    const lines = readFileSync(join(seeds, name), 'utf8')
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean);
    const [title = name, ...paragraphs] = lines;
    sources.push({ title, paragraphs, language: detectLanguage(paragraphs.join('\n\n')) });
  }
  return sources;
}

/** Shifts every number of a paragraph a little ("12" → "14"), so the texts differ. */
function shiftNumbers(paragraph: string, next: () => number): string {
  return paragraph.replace(/\b\d{1,4}\b/g, (digits) => {
    if (next() < 0.5) return digits;
    const value = Number(digits) + 1 + Math.floor(next() * 9);
    return String(value);
  });
}

/** The first words of a paragraph as a headline, as another outlet titles the same story. */
function headlineOf(paragraph: string): string {
  const sentence = paragraph.split(/(?<=[.!?])\s/)[0] ?? paragraph;
  const words = sentence.replace(/^[A-Z ,.]+\s[—–-]\s/, '').split(/\s+/);
  return words
    .slice(0, 12)
    .join(' ')
    .replace(/[.,;:]$/, '');
}

function variant(sources: SourceText[], index: number, attempt: number): string {
  const next = random(index * 7919 + attempt * 104_729 + 17);
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(next() * items.length)];
  const source = sources[index % sources.length] as SourceText;
  // Outlets tell a story from different paragraphs: the lead is one of the first three, the
  // body about two thirds of the rest, sometimes in another order.
  const leadIndex = Math.floor(next() * Math.min(3, source.paragraphs.length));
  const lead = source.paragraphs[leadIndex] ?? '';
  const body = source.paragraphs.filter((_, i) => i !== leadIndex && next() < 0.65);
  if (next() < 0.5) body.sort(() => next() - 0.5);
  const paragraphs = [lead, ...body].map((paragraph) => shiftNumbers(paragraph, next));
  // Too short: paragraphs of another article in the same language follow (a roundup, as
  // desks receive them).
  const sameLanguage = sources.filter((other) => other.language === source.language);
  let other = index;
  while (Buffer.byteLength(paragraphs.join('\n\n')) < minBytes) {
    other += 13;
    const extra = sameLanguage[other % sameLanguage.length] as SourceText;
    paragraphs.push(...extra.paragraphs.map((paragraph) => shiftNumbers(paragraph, next)));
  }
  const size = (text: string) => Buffer.byteLength(text);
  while (paragraphs.length > 1 && size(paragraphs.join('\n\n')) > maxBytes) paragraphs.pop();
  let text = paragraphs.join('\n\n');
  // One long paragraph (or one in a script of several bytes a letter): cut at a word.
  while (size(text) > maxBytes) text = text.slice(0, text.length - 200).replace(/\s+\S*$/, '.');
  const title = index < sources.length ? source.title : headlineOf(pick(paragraphs) ?? lead);
  return `${title}\n\n${text}\n`;
}

/** Writes `count` articles as `<dir>/desk-0001.txt`…; returns the file names. */
export function writeDeskFolder(root: string, dir: string, count = 1000): string[] {
  const sources = sourceTexts(root);
  mkdirSync(dir, { recursive: true });
  const ids = new Set<string>();
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    let text = '';
    for (let attempt = 0; attempt < 20; attempt++) {
      text = variant(sources, index, attempt);
      const id = articleId(text.slice(text.indexOf('\n\n') + 2));
      if (!ids.has(id)) {
        ids.add(id);
        break;
      }
    }
    const name = `desk-${String(index + 1).padStart(4, '0')}.txt`;
    writeFileSync(join(dir, name), text);
    names.push(name);
  }
  return names;
}

if (require.main === module) {
  const [dir, count] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: tsx test/bench/desk-folder.ts <dir> [count]');
    process.exit(2);
  }
  const names = writeDeskFolder(process.cwd(), dir, Number(count ?? 1000));
  console.log(`${names.length} articles in ${dir}`);
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BriefOptions, defaultBriefOptions } from '../../functions/brief/brief-options';
import { buildBrief } from '../../functions/brief/build-brief';
import type { ArticleRecord, BriefItem, BriefModel } from '../../functions/model/types';
import { parseUpload } from './parse';
import { reference } from './reference';

/** The .txt uploads of test/fixtures/<folder>, parsed and analysed as ingest does, by file name. */
export function fixtureArticles(...folders: string[]): ArticleRecord[] {
  return folders.flatMap((folder) => {
    const dir = join(process.cwd(), 'test', 'fixtures', folder);
    return readdirSync(dir)
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .map((file) => parseUpload(readFileSync(join(dir, file)), `incoming/${file}`));
  });
}

/** The brief of these articles on 2026-11-22 with our reference data and the given options. */
export function briefOf(
  articles: ArticleRecord[],
  options: Partial<BriefOptions> = {},
): BriefModel {
  return buildBrief({
    edition: '2026-11-22',
    generatedAt: new Date('2026-11-22T06:00:00Z'),
    articles,
    rejected: [],
    reference: reference(),
    options: { ...defaultBriefOptions, ...options },
  });
}

/** Every item the brief prints in full: key developments, actor and theme items. */
export function printedItems(model: BriefModel): BriefItem[] {
  return [
    ...model.highlights,
    ...model.byActor.flatMap((section) => section.items),
    ...model.byTheme.flatMap((section) => section.items),
  ];
}

/** The article of a fixture file. */
export function articleOf(articles: ArticleRecord[], file: string): ArticleRecord {
  const article = articles.find((a) => a.key === `incoming/${file}`);
  if (!article) throw new Error(`no article ${file}`);
  return article;
}

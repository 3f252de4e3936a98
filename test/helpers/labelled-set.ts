import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import type { ArticleRecord } from '../../functions/model/types';
import type { ReferenceData } from '../../functions/reference/reference-data';
import { uploadKey } from '../../functions/store/bucket-layout';
import { parseUpload } from './parse';

/** One hand-labelled article of `test/fixtures/analysis/labels.yaml`. */
export interface LabelledArticle {
  file: string;
  url?: string;
  core: string[];
  mentioned: string[];
  themes: string[];
  bytes: Uint8Array;
}

export interface ArticleScore {
  file: string;
  record: ArticleRecord;
  missedCore: string[];
  /** Predicted actors that are neither core nor mentioned. */
  wrongActors: string[];
  missedThemes: string[];
  extraThemes: string[];
}

export interface SetScore {
  articles: ArticleScore[];
  /** Core actors found / core actors labelled, over the whole set. */
  actorRecall: number;
  /** Predicted actors that are core or mentioned / predicted actors. */
  actorPrecision: number;
  themeRecall: number;
  themePrecision: number;
}

const dir = join(process.cwd(), 'test', 'fixtures', 'analysis');

export function loadLabelledSet(): LabelledArticle[] {
  const data = parse(readFileSync(join(dir, 'labels.yaml'), 'utf8')) as {
    articles: Omit<LabelledArticle, 'bytes'>[];
  };
  return data.articles.map((entry) => ({
    ...entry,
    bytes: readFileSync(join(dir, entry.file)),
  }));
}

/**
 * The held-out theme labels: the English on-topic pages of the real dev set
 * (bench/editorial/devset.json, `themes` field; the page texts live outside the repository, in
 * `pages`). Labelled before any cue was tuned and never tuned on. `core` holds the labelled
 * main actors; no `mentioned` actors are labelled there, so only actor recall is meaningful.
 * Empty when the pages folder is absent.
 */
export function loadHeldOutSet(pages = '/work/devset/pages'): LabelledArticle[] {
  const labels = JSON.parse(
    readFileSync(join(process.cwd(), 'bench', 'editorial', 'devset.json'), 'utf8'),
  ) as { file: string; url?: string; actors: string[]; themes?: string[] }[];
  return labels
    .filter((label) => label.themes?.length && existsSync(join(pages, label.file)))
    .map((label) => ({
      file: label.file,
      ...(label.url ? { url: label.url } : {}),
      core: label.actors,
      mentioned: [],
      themes: label.themes ?? [],
      bytes: readFileSync(join(pages, label.file)),
    }));
}

export function analyseLabelled(article: LabelledArticle, reference: ReferenceData): ArticleRecord {
  return parseUpload(article.bytes, uploadKey(basename(article.file)), { reference });
}

/** Scores the analysis against the labels, micro-averaged over all articles. */
export function scoreLabelledSet(set: LabelledArticle[], reference: ReferenceData): SetScore {
  let coreFound = 0;
  let coreTotal = 0;
  let predictedRight = 0;
  let predictedTotal = 0;
  let themesFound = 0;
  let themesTotal = 0;
  let themesPredicted = 0;
  const articles = set.map((article): ArticleScore => {
    const record = analyseLabelled(article, reference);
    const predicted = new Set(record.actors);
    const allowed = new Set([...article.core, ...article.mentioned]);
    const missedCore = article.core.filter((actor) => !predicted.has(actor));
    const wrongActors = record.actors.filter((actor) => !allowed.has(actor));
    const themes = new Set(record.themes);
    const missedThemes = article.themes.filter((theme) => !themes.has(theme));
    const extraThemes = record.themes.filter((theme) => !article.themes.includes(theme));
    coreTotal += article.core.length;
    coreFound += article.core.length - missedCore.length;
    predictedTotal += record.actors.length;
    predictedRight += record.actors.length - wrongActors.length;
    themesTotal += article.themes.length;
    themesFound += article.themes.length - missedThemes.length;
    themesPredicted += record.themes.length;
    return { file: article.file, record, missedCore, wrongActors, missedThemes, extraThemes };
  });
  return {
    articles,
    actorRecall: coreFound / Math.max(1, coreTotal),
    actorPrecision: predictedRight / Math.max(1, predictedTotal),
    themeRecall: themesFound / Math.max(1, themesTotal),
    themePrecision: (themesFound / Math.max(1, themesPredicted)) as number,
  };
}

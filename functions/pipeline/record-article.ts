import { analyseArticle } from '../analysis/analyse-article';
import type { ParsedArticle } from '../article/parse-upload';
import type { ArticleRecord } from '../model/types';
import type { ReferenceData } from '../reference/reference-data';

/**
 * The analyse stage of ingest: finds the actors, themes and quotable sentences of a parsed
 * article and makes its record (`articles/<edition>/<id>.json`, docs/design.md).
 */
export function recordArticle(parsed: ParsedArticle, reference: ReferenceData): ArticleRecord {
  const { article, paragraphs } = parsed;
  const analysis = analyseArticle(article.title, paragraphs, reference);
  const { provenance, ...fields } = article;
  return {
    ...fields,
    actors: analysis.actors,
    themes: analysis.themes,
    sentences: analysis.sentences,
    provenance,
  };
}

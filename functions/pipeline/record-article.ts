import { analyseArticle } from '../analysis/analyse-article';
import type { ParsedArticle } from '../article/parse-upload';
import type { ArticleRecord } from '../model/types';
import { referenceForLanguage } from '../reference/language-aliases';
import type { ReferenceData } from '../reference/reference-data';

/**
 * The analyse stage of ingest: finds the actors, themes and quotable sentences of a parsed
 * article and makes its record (`articles/<edition>/<id>.json`, docs/design.md).
 */
export function recordArticle(parsed: ParsedArticle, reference: ReferenceData): ArticleRecord {
  const { article, paragraphs } = parsed;
  // An article in another language is read with the names of actors in that language too.
  const reading = referenceForLanguage(reference, article.language);
  const analysis = analyseArticle(article.title, paragraphs, reading);
  const { provenance, ...fields } = article;
  return {
    ...fields,
    actors: analysis.actors,
    themes: analysis.themes,
    sentences: analysis.sentences,
    provenance,
  };
}

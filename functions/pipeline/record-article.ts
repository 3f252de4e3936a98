import { analyseArticle } from '../analysis/analyse-article';
import { limits } from '../article/limits';
import type { ParsedArticle } from '../article/parse-upload';
import type { ArticleRecord } from '../model/types';
import { referenceForLanguage } from '../reference/language-aliases';
import type { ReferenceData } from '../reference/reference-data';

/**
 * The analyse stage of ingest: finds the actors, themes and quotable sentences of a parsed
 * article and makes its record (`articles/<edition>/<id>.json`, docs/design.md). A sentence
 * longer than `limits.sentenceChars` stays in the text but is not kept as a sentence, so the
 * brief never quotes it.
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
    sentences: analysis.sentences.filter(
      (sentence) => sentence.text.length <= limits.sentenceChars,
    ),
    provenance,
  };
}

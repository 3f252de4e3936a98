/**
 * English function words the analysis reads around names: grammar, not vocabulary, so they live
 * here rather than in `functions/data/lexicon.yaml` (job titles, institution nouns, speech verbs:
 * the words a desk may want to edit). All in lower case, compared with `Token.lower`.
 */

export const articles: ReadonlySet<string> = new Set(['the', 'a', 'an']);

import type { BriefArticle } from '../../model/types';

/** The citation numbers of a list of article ids, as every rendering prints them. */
export interface Citation {
  /** Ascending, each number once: "[1] [3]". */
  refs: number[];
  /** True when an id names no article of the brief (shown as "[?]" where a renderer can). */
  missing: boolean;
}

/** Article id → its citation number, built once per brief. */
export type CiteOf = (articleIds: readonly unknown[]) => Citation;

/** The look-up from article ids to their numbers in Sources (`BriefArticle.ref`). */
export function citationIndex(articles: readonly BriefArticle[]): CiteOf {
  const refs = new Map(articles.map((article) => [article.id, article.ref]));
  return (ids) => {
    const numbers = new Set<number>();
    let missing = false;
    for (const id of ids) {
      const ref = typeof id === 'string' ? refs.get(id) : undefined;
      if (ref === undefined) missing = true;
      else numbers.add(ref);
    }
    return { refs: [...numbers].sort((a, b) => a - b), missing };
  };
}

import type { ActorId, ArticleRecord } from '../core/types';
import type { ReferenceData } from '../reference/reference-data';

/**
 * Actors of the edition by salience: in how many articles they appear and how high in each
 * article's own ranking, how often they act (principal) or are mentioned.
 */
export function rankActors(articles: ArticleRecord[], reference: ReferenceData): ActorId[] {
  const salience = new Map<ActorId, number>();
  const add = (actor: ActorId, by: number) => salience.set(actor, (salience.get(actor) ?? 0) + by);
  for (const article of articles) {
    article.actors.forEach((actor, rank) => {
      add(actor, 2 + 2 / (rank + 1));
    });
    for (const sentence of article.sentences) {
      for (const actor of sentence.actors) add(actor, 0.25);
      if (sentence.principal) add(sentence.principal, 0.5);
    }
  }
  return [...salience.entries()]
    .filter(([actor]) => reference.actors.has(actor))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([actor]) => actor);
}

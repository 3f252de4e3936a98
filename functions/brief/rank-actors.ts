import type { ActorId, ArticleRecord } from '../model/types';
import type { ReferenceData } from '../reference/reference-data';

/**
 * Actors of the edition by salience: in how many articles they appear and how high in each
 * article's own ranking, how often they act (principal) or are mentioned, times the team's own
 * `actorWeights` (1 when not set). Returns ids, most salient first, and each one's salience
 * scaled to 0…1.
 */
export function rankActors(
  articles: ArticleRecord[],
  reference: ReferenceData,
  actorWeights: Record<string, number> = {},
): { ranking: ActorId[]; weight: Map<ActorId, number> } {
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
  const scored = [...salience.entries()]
    .filter(([actor]) => reference.actors.has(actor))
    .map(([actor, value]) => [actor, value * (actorWeights[actor] ?? 1)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = scored[0]?.[1] || 1;
  return {
    ranking: scored.map(([actor]) => actor),
    weight: new Map(scored.map(([actor, value]) => [actor, value / top])),
  };
}

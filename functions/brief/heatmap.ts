import type { ActorSection, BriefModel, ThemeSection } from '../model/types';
import type { ReferenceData } from '../reference/reference-data';
import type { Candidate } from './candidate-items';

const maxActorRows = 12;

/** Actor × theme counts over every sentence of the edition (duplicates once), for the heat map. */
export function buildHeatmap(
  candidates: Candidate[],
  byActor: ActorSection[],
  byTheme: ThemeSection[],
  reference: ReferenceData,
): BriefModel['heatmap'] {
  const actors = byActor.slice(0, maxActorRows).map(({ id, name }) => ({ id, name }));
  const themes = byTheme.map(({ id }) => ({
    id,
    name: reference.themes.find((theme) => theme.id === id)?.label ?? id,
  }));
  const rows = new Set(actors.map((actor) => actor.id));
  const columns = new Set(themes.map((theme) => theme.id));
  const counts = new Map<string, number>();
  for (const candidate of candidates) {
    for (const actor of candidate.actors) {
      if (!rows.has(actor)) continue;
      for (const theme of candidate.themes) {
        if (!columns.has(theme)) continue;
        const key = `${actor}\u0000${theme}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const cells = [];
  for (const actor of actors) {
    for (const theme of themes) {
      const count = counts.get(`${actor.id}\u0000${theme.id}`) ?? 0;
      if (count > 0) cells.push({ actor: actor.id, theme: theme.id, count });
    }
  }
  return { actors, themes, cells };
}

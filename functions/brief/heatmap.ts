import type { ActorSection, BriefModel, ThemeSection } from '../core/types';
import type { ReferenceData } from '../reference/reference-data';
import type { Candidate } from './candidate-items';

const maxActorRows = 12;

/** Actor × theme counts over every quotable sentence of the edition, for the heat map. */
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
  const cells = [];
  for (const actor of actors) {
    for (const theme of themes) {
      const count = candidates.filter(
        (c) => c.actors.includes(actor.id) && c.themes.includes(theme.id),
      ).length;
      if (count > 0) cells.push({ actor: actor.id, theme: theme.id, count });
    }
  }
  return { actors, themes, cells };
}

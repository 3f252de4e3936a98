import type { ActorId, BriefModel, ThemeId } from '../../model/types';
import { cellCounts, cellKey, shadeScale } from './heatmap-scale';
import { displayName } from './names';
import { plural } from './plural';

/** One actor × theme square: how many sentences name both, and its shade. */
export interface HeatCellView {
  actor: ActorId;
  theme: ThemeId;
  /** Row and column index in `rows` and `columns`. */
  row: number;
  column: number;
  count: number;
  /** 0 = none, 1…`levels` light to dark. */
  level: number;
  /** "Russia × Diplomacy: 6 sentences". */
  title: string;
}

/** The actor × theme heat map as every rendering shows it; only colours and geometry are left. */
export interface HeatmapView {
  /** Actors, top to bottom, with display names. */
  rows: { id: ActorId; name: string }[];
  /** Themes, left to right. */
  columns: { id: ThemeId; name: string }[];
  /** Row by row: `cells[row * columns.length + column]`. */
  cells: HeatCellView[];
  /** Shades above "none" in use (0 when nothing is counted). */
  levels: number;
  /** "none", then the count range of each shade. */
  legend: { level: number; label: string }[];
  /** The strongest pairs in words, for print, mail clients and screen readers. */
  summary: string;
}

const sentences = (count: number) => plural(count, 'sentence');

/**
 * The heat map's names, counts (bad counts as 0), shade levels on a scale up to the largest
 * count shown, legend and summary; null when there is nothing to draw.
 */
export function heatmapView(heatmap: BriefModel['heatmap']): HeatmapView | null {
  if (heatmap.actors.length === 0 || heatmap.themes.length === 0) return null;
  const rows = heatmap.actors.map((actor) => ({
    id: actor.id,
    name: displayName(actor.name, actor.id),
  }));
  const columns = heatmap.themes.map((theme) => ({
    id: theme.id,
    name: displayName(theme.name, theme.id),
  }));
  const counts = cellCounts(heatmap.cells);
  const pairs = rows.flatMap((actor, row) =>
    columns.map((theme, column) => ({
      actor,
      theme,
      row,
      column,
      count: counts.get(cellKey(actor.id, theme.id)) ?? 0,
    })),
  );
  const scale = shadeScale(Math.max(0, ...pairs.map((pair) => pair.count)));
  const cells = pairs.map(({ actor, theme, row, column, count }) => ({
    actor: actor.id,
    theme: theme.id,
    row,
    column,
    count,
    level: scale.levelOf(count),
    title: `${actor.name} × ${theme.name}: ${sentences(count)}`,
  }));
  const strongest = pairs
    .filter((pair) => pair.count > 0)
    .sort((p, q) => q.count - p.count)
    .slice(0, 3)
    .map((p) => `${p.actor.name} × ${p.theme.name} (${sentences(p.count)})`);
  const legend = Array.from({ length: scale.levels + 1 }, (_, level) => ({
    level,
    label: scale.label(level),
  }));
  return {
    rows,
    columns,
    cells,
    levels: scale.levels,
    legend,
    summary: strongest.length > 0 ? `Strongest: ${strongest.join('; ')}.` : 'No pairs mentioned.',
  };
}

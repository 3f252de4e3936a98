import type { BriefModel } from '../../model/types';

/** One shaded square of the heat map, positioned in SVG user units. */
export interface HeatCellView {
  x: number;
  y: number;
  size: number;
  fill: string;
  count: number;
  /** Tooltip: "Russia × Diplomacy: 6 sentences". */
  title: string;
}

export interface HeatLegendItem {
  fill: string;
  label: string;
}

/** Everything an inline SVG needs: no arithmetic is left to the template. */
export interface HeatmapView {
  width: number;
  height: number;
  fontSize: number;
  rows: { name: string; fullName: string; x: number; y: number }[];
  columns: { name: string; fullName: string; x: number; y: number; transform: string }[];
  cells: HeatCellView[];
  legend: HeatLegendItem[];
  /** The strongest pairs in words, for print, mail clients and screen readers. */
  summary: string;
}

/** Light to dark blue; index 0 is "not mentioned together". Dark enough to read on white paper. */
const PALETTE = ['#f1f3f5', '#dbeafe', '#93c5fd', '#3b82f6', '#1d4ed8', '#1e3a8a'];
const MAX_LEVELS = PALETTE.length - 1;
const FONT = 13;
/** Generous average glyph width for system sans fonts, so labels never run out of the picture. */
const CHAR = FONT * 0.62;
const CELL = 32;
const GAP = 2;
const PAD = 6;
const MAX_LABEL = 28;
const SIN45 = Math.SQRT1_2;

function clip(name: string): string {
  const chars = [...name];
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : name;
}

function textWidth(text: string): number {
  return [...text].length * CHAR;
}

function sentences(count: number): string {
  return `${count} ${count === 1 ? 'sentence' : 'sentences'}`;
}

/** Maps a count to a shade level 1…levels; counts are binned evenly up to the largest one. */
function levelOf(count: number, max: number, levels: number): number {
  return count <= 0 ? 0 : Math.min(levels, Math.ceil((count * levels) / max));
}

function fillOf(level: number, levels: number): string {
  if (level === 0) return PALETTE[0] as string;
  return PALETTE[Math.max(1, Math.round((level * MAX_LEVELS) / levels))] as string;
}

function legendOf(max: number, levels: number): HeatLegendItem[] {
  const items: HeatLegendItem[] = [{ fill: fillOf(0, levels), label: 'none' }];
  for (let level = 1; level <= levels && max > 0; level++) {
    const lo = Math.floor(((level - 1) * max) / levels) + 1;
    const hi = Math.floor((level * max) / levels);
    items.push({ fill: fillOf(level, levels), label: lo === hi ? `${lo}` : `${lo}–${hi}` });
  }
  return items;
}

/**
 * Lays out the actor × theme heat map (rows = actors, columns = themes, rotated column labels)
 * and bins counts into a handful of shades with a legend, so the template only draws. Returns
 * null when there is nothing to draw.
 */
export function buildHeatmap(heatmap: BriefModel['heatmap']): HeatmapView | null {
  const { actors, themes } = heatmap;
  if (actors.length === 0 || themes.length === 0) return null;

  const counts = new Map<string, number>();
  for (const cell of heatmap.cells) {
    const key = `${cell.actor}\u0000${cell.theme}`;
    counts.set(key, (counts.get(key) ?? 0) + Math.max(0, cell.count));
  }
  const countOf = (actor: string, theme: string) => counts.get(`${actor}\u0000${theme}`) ?? 0;
  const max = Math.max(0, ...actors.flatMap((a) => themes.map((t) => countOf(a.id, t.id))));
  const levels = Math.max(1, Math.min(MAX_LEVELS, max));

  const rowLabels = actors.map((a) => clip(a.name));
  const colLabels = themes.map((t) => clip(t.name));
  const labelWidth = Math.ceil(Math.max(...rowLabels.map(textWidth)) + PAD * 2);
  const header = Math.ceil(Math.max(...colLabels.map(textWidth)) * SIN45 + FONT + PAD);
  const step = CELL + GAP;
  const gridRight = labelWidth + themes.length * step;
  const overhang = Math.max(
    0,
    ...colLabels.map((label, j) => labelWidth + j * step + CELL / 2 + textWidth(label) * SIN45),
  );

  const columns = themes.map((theme, j) => {
    const x = labelWidth + j * step + CELL / 2 + FONT / 3;
    const y = header - PAD / 2;
    return {
      name: colLabels[j] as string,
      fullName: theme.name,
      x,
      y,
      transform: `rotate(-45 ${x} ${y})`,
    };
  });
  const rows = actors.map((actor, i) => ({
    name: rowLabels[i] as string,
    fullName: actor.name,
    x: labelWidth - PAD,
    y: header + i * step + CELL / 2 + FONT / 3,
  }));
  const cells = actors.flatMap((actor, i) =>
    themes.map((theme, j) => {
      const count = countOf(actor.id, theme.id);
      return {
        x: labelWidth + j * step,
        y: header + i * step,
        size: CELL,
        fill: fillOf(levelOf(count, max, levels), levels),
        count,
        title: `${actor.name} × ${theme.name}: ${sentences(count)}`,
      };
    }),
  );

  const nameOf = (id: string, list: { id: string; name: string }[]) =>
    list.find((entry) => entry.id === id)?.name ?? id;
  const strongest = actors
    .flatMap((a) => themes.map((t) => ({ a: a.id, t: t.id, count: countOf(a.id, t.id) })))
    .filter((pair) => pair.count > 0)
    .sort((p, q) => q.count - p.count)
    .slice(0, 3)
    .map((p) => `${nameOf(p.a, actors)} × ${nameOf(p.t, themes)} (${sentences(p.count)})`);

  return {
    width: Math.ceil(Math.max(gridRight, overhang) + PAD),
    height: header + actors.length * step,
    fontSize: FONT,
    rows,
    columns,
    cells,
    legend: legendOf(max, levels),
    summary: strongest.length > 0 ? `Strongest: ${strongest.join('; ')}.` : 'No pairs mentioned.',
  };
}

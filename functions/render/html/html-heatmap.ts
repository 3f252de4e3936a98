import type { HeatmapView } from '../view/heatmap-view';

/** One shaded square of the heat map, positioned in SVG user units. */
export interface HeatCellSvg {
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
export interface HeatmapSvg {
  width: number;
  height: number;
  fontSize: number;
  rows: { name: string; fullName: string; x: number; y: number }[];
  columns: { name: string; fullName: string; x: number; y: number; transform: string }[];
  cells: HeatCellSvg[];
  legend: HeatLegendItem[];
  /** The strongest pairs in words, for print, mail clients and screen readers. */
  summary: string;
}

/** Light to dark blue; index 0 is "not mentioned together". Dark enough to read on white paper. */
const PALETTE = ['#f1f3f5', '#dbeafe', '#93c5fd', '#3b82f6', '#1d4ed8', '#1e3a8a'];
const DARKEST = PALETTE.length - 1;
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

/** The palette colour of a shade level, spread over the palette when fewer levels are in use. */
function fillOf(level: number, levels: number): string {
  if (level <= 0 || levels <= 0) return PALETTE[0] as string;
  return PALETTE[Math.max(1, Math.round((level * DARKEST) / levels))] as string;
}

/**
 * Lays out the heat map of the brief view as an inline SVG (rows = actors, columns = themes,
 * rotated column labels) and colours its shade levels, so the template only draws.
 */
export function heatmapSvg(heatmap: HeatmapView): HeatmapSvg {
  const rowLabels = heatmap.rows.map((a) => clip(a.name));
  const colLabels = heatmap.columns.map((t) => clip(t.name));
  const labelWidth = Math.ceil(Math.max(...rowLabels.map(textWidth)) + PAD * 2);
  const header = Math.ceil(Math.max(...colLabels.map(textWidth)) * SIN45 + FONT + PAD);
  const step = CELL + GAP;
  const gridRight = labelWidth + heatmap.columns.length * step;
  const overhang = Math.max(
    0,
    ...colLabels.map((label, j) => labelWidth + j * step + CELL / 2 + textWidth(label) * SIN45),
  );

  const columns = heatmap.columns.map((theme, j) => {
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
  const rows = heatmap.rows.map((actor, i) => ({
    name: rowLabels[i] as string,
    fullName: actor.name,
    x: labelWidth - PAD,
    y: header + i * step + CELL / 2 + FONT / 3,
  }));
  const cells = heatmap.cells.map((cell) => ({
    x: labelWidth + cell.column * step,
    y: header + cell.row * step,
    size: CELL,
    fill: fillOf(cell.level, heatmap.levels),
    count: cell.count,
    title: cell.title,
  }));

  return {
    width: Math.ceil(Math.max(gridRight, overhang) + PAD),
    height: header + heatmap.rows.length * step,
    fontSize: FONT,
    rows,
    columns,
    cells,
    legend: heatmap.legend.map(({ level, label }) => ({
      fill: fillOf(level, heatmap.levels),
      label,
    })),
    summary: heatmap.summary,
  };
}

import { type RGB, rgb } from 'pdf-lib';
import type { BriefModel } from '../../model/types';

/** Most shades a printed grey-blue ramp keeps distinguishable, even on a poor printer. */
const MAX_LEVELS = 5;
const LIGHT = [0.84, 0.9, 0.96] as const;
const DARK = [0.05, 0.17, 0.37] as const;
export const EMPTY_CELL = rgb(0.955, 0.96, 0.965);

/** Counts in discrete shade levels: level 0 is "none", 1…levels go from light to dark. */
export interface ShadeScale {
  levels: number;
  levelOf(count: number): number;
  color(level: number): RGB;
  /** Count range shown for each level in the legend ("1", "5–6"). */
  label(level: number): string;
}

/** Sums the cells per actor × theme (ignoring negative or non-numeric counts). */
export function cellCounts(heatmap: BriefModel['heatmap']): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { actor, theme, count } of heatmap.cells) {
    if (!Number.isFinite(count) || count <= 0) continue;
    const key = cellKey(actor, theme);
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  return counts;
}

/** Map key of one actor × theme cell. */
export const cellKey = (actor: string, theme: string): string => `${actor}\u0000${theme}`;

/** Splits 1…max into at most five equal-width bands, so the legend can name each band exactly. */
export function shadeScale(max: number): ShadeScale {
  const top = Math.max(0, Math.ceil(max));
  const levels = Math.min(MAX_LEVELS, top);
  const levelOf = (count: number) =>
    count <= 0 || levels === 0
      ? 0
      : Math.min(levels, Math.max(1, Math.ceil((count * levels) / top)));
  const color = (level: number): RGB => {
    if (level <= 0) return EMPTY_CELL;
    const t = levels > 1 ? (level - 1) / (levels - 1) : 1;
    const mix = (i: 0 | 1 | 2) => LIGHT[i] + (DARK[i] - LIGHT[i]) * t;
    return rgb(mix(0), mix(1), mix(2));
  };
  const label = (level: number): string => {
    if (level <= 0) return 'none';
    const from = Math.floor(((level - 1) * top) / levels) + 1;
    const to = Math.floor((level * top) / levels);
    return from === to ? `${from}` : `${from}–${to}`;
  };
  return { levels, levelOf, color, label };
}

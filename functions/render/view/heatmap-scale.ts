import type { HeatCell } from '../../model/types';

/** Most shades a printed ramp keeps distinguishable, on screen and on a poor printer alike. */
export const MAX_SHADES = 5;

/**
 * A count the heat map can show: a whole number of sentences. Anything else (NaN, negative,
 * fractional, infinite: a hand-edited or damaged brief.json) counts as 0, in every rendering.
 */
export function sentenceCount(count: unknown): number {
  return typeof count === 'number' && Number.isSafeInteger(count) && count > 0 ? count : 0;
}

/** Map key of one actor × theme cell. */
export const cellKey = (actor: string, theme: string): string => `${actor}\u0000${theme}`;

/** Sums the cells per actor × theme, bad counts as 0. */
export function cellCounts(cells: readonly HeatCell[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { actor, theme, count } of cells) {
    const key = cellKey(actor, theme);
    counts.set(key, (counts.get(key) ?? 0) + sentenceCount(count));
  }
  return counts;
}

/** Counts in discrete shade levels: level 0 is "none", 1…levels go from light to dark. */
export interface ShadeScale {
  /** Number of shades above "none": 0 when nothing is counted, at most `MAX_SHADES`. */
  levels: number;
  levelOf(count: number): number;
  /** Count range of a level, as the legend names it ("none", "1", "5–6"). */
  label(level: number): string;
}

/** Splits 1…max into at most five equal-width bands, so the legend can name each band exactly. */
export function shadeScale(max: number): ShadeScale {
  const top = sentenceCount(max);
  const levels = Math.min(MAX_SHADES, top);
  const levelOf = (count: number) => {
    const n = sentenceCount(count);
    return n === 0 || levels === 0 ? 0 : Math.min(levels, Math.ceil((n * levels) / top));
  };
  const label = (level: number): string => {
    if (level <= 0) return 'none';
    const from = Math.floor(((level - 1) * top) / levels) + 1;
    const to = Math.floor((level * top) / levels);
    return from === to ? `${from}` : `${from}–${to}`;
  };
  return { levels, levelOf, label };
}

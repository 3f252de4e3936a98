import type { ThemeId } from '../../model/types';
import type { ThemeRef } from './names';

/** Items of one lead theme inside an actor section, under the theme's label. */
export interface ThemeGroup<T> {
  theme: ThemeRef;
  items: T[];
}

/**
 * Items by lead theme, in the order each theme first appears (the compiler's order); items
 * with no lead theme form one group labelled by `themeOf(null)` ("Other").
 */
export function groupByTheme<T extends { theme: ThemeId | null }, V>(
  items: readonly T[],
  themeOf: (id: ThemeId | null) => ThemeRef,
  view: (item: T) => V,
): ThemeGroup<V>[] {
  const groups = new Map<ThemeId | null, ThemeGroup<V>>();
  for (const item of items) {
    let group = groups.get(item.theme);
    if (!group) {
      group = { theme: themeOf(item.theme), items: [] };
      groups.set(item.theme, group);
    }
    group.items.push(view(item));
  }
  return [...groups.values()];
}

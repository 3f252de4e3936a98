import type { BriefArticle, BriefModel, ThemeId } from '../../model/types';
import { formatIsoDate } from '../view/format-date';

/** Publication date as a reader should weigh it: says when the year was guessed or unknown. */
export function publishedLabel(
  article: Pick<BriefArticle, 'published' | 'publishedInferred'>,
): string {
  const date = formatIsoDate(article.published);
  if (!date) return 'date unknown';
  return article.publishedInferred ? `${date} (year inferred)` : date;
}

/** "1 article", "3 articles". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Sorted, de-duplicated numbers with runs of three or more collapsed: "1–4, 7, 9". */
export function numberList(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].filter(Number.isFinite).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    const [first, last] = [sorted[i] as number, sorted[j] as number];
    if (j - i >= 2) parts.push(`${first}–${last}`);
    else parts.push(...sorted.slice(i, j + 1).map(String));
    i = j + 1;
  }
  return parts.join(', ');
}

/** Look-ups every section needs: article id → citation number, theme id → display name. */
export interface BriefLookups {
  refsOf(articleIds: readonly string[]): number[];
  themeName(id: ThemeId | null): string;
}

/** Builds the look-ups once per render; unknown article ids are skipped, unknown themes show their id. */
export function makeLookups(model: BriefModel): BriefLookups {
  const refs = new Map(model.articles.map((a) => [a.id, a.ref]));
  const themes = new Map<string, string>();
  for (const t of model.heatmap.themes) themes.set(t.id, t.name);
  for (const t of model.byTheme) themes.set(t.id, t.name);
  return {
    refsOf: (ids) =>
      [...new Set(ids.map((id) => refs.get(id)).filter((r) => r !== undefined))].sort(
        (a, b) => a - b,
      ),
    themeName: (id) => (id === null ? 'General' : (themes.get(id) ?? id)),
  };
}

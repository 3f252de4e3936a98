import type { BriefItem, BriefModel } from '../../model/types';
import { formatIsoDate } from '../view/format-date';

/** A link to the brief in the bucket, and when it stops working. */
export interface BriefLink {
  url: string;
  expires: Date | null;
}

/**
 * The plain-text alternative of the e-mail: the same brief as the HTML (key developments, by
 * actor, by theme, sources), for mail clients that show no HTML and for screen readers.
 * Citations keep the HTML's [n] numbers; lines are not wrapped (format=flowed is not assumed).
 */
export function briefToText(model: BriefModel, link: BriefLink | null): string {
  const refs = new Map(model.articles.map((article) => [article.id, article.ref]));
  const cite = (item: BriefItem) =>
    item.sources
      .map((id) => refs.get(id))
      .filter((ref): ref is number => ref !== undefined)
      .map((ref) => `[${ref}]`)
      .join('');
  const line = (item: BriefItem) => `${item.text} ${cite(item)}`.trimEnd();
  const see = (numbers: number[]) =>
    numbers.length > 0 ? [`  → Key developments ${numbers.join(', ')}`] : [];
  const out: string[] = [`${model.title} — ${formatIsoDate(model.edition) ?? model.edition}`];
  if (model.handling) out.push(model.handling);
  if (link) out.push('', `Read it in a browser: ${link.url}${until(link.expires)}`);
  out.push(
    '',
    `${model.stats.articles} articles from ${model.stats.sources} sources.`,
    '',
    heading('Key developments'),
  );
  if (model.highlights.length === 0) out.push('None in this edition.');
  for (const h of model.highlights) out.push(`${h.number}. ${h.headline}`, `   ${line(h)}`, '');
  if (model.byActor.length > 0) out.push(heading('By actor'));
  for (const section of model.byActor) {
    out.push(section.name, ...section.items.map((item) => `- ${line(item)}`));
    out.push(...see(section.seeHighlights), '');
  }
  if (model.byTheme.length > 0) out.push(heading('By theme'));
  for (const section of model.byTheme) {
    out.push(section.name, ...section.items.map((item) => `- ${line(item)}`));
    out.push(...see(section.seeHighlights));
    if (section.seeActors.length > 0)
      out.push(`  → see ${section.seeActors.map((a) => a.name).join(', ')}`);
    out.push('');
  }
  out.push(heading('Sources'));
  for (const article of [...model.articles].sort((a, b) => a.ref - b.ref)) {
    const published = formatIsoDate(article.published);
    const meta = [article.source, published].filter(Boolean).join(', ');
    out.push(`[${article.ref}] ${article.title}${meta ? ` — ${meta}` : ''}`);
    if (article.url) out.push(`    ${article.url}`);
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function heading(text: string): string {
  return `${text.toUpperCase()}\n${'='.repeat(text.length)}`;
}

function until(expires: Date | null): string {
  return expires ? ` (until ${expires.toISOString().slice(0, 16).replace('T', ' ')} UTC)` : '';
}

import type { BriefModel } from '../../model/types';
import { type BriefView, buildBriefView, type ItemView } from '../view/brief-view';

/** A link to the brief in the bucket, and when it stops working. */
export interface BriefLink {
  url: string;
  expires: Date | null;
  /**
   * The link was signed with temporary credentials of unknown expiry (a Lambda role's
   * session): it stops working when they expire, which may be before `expires`.
   */
  mayEndSooner?: boolean;
}

/** How long a link works, in words: " (until 2026-11-23 05:00 UTC)", or null for no limit. */
export function linkLifetime(link: BriefLink): string {
  if (!link.expires) return '';
  const at = `${link.expires.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return link.mayEndSooner
    ? ` (works until ${at} at the latest, or until the credentials that signed it expire, which may be sooner; the attached PDF always opens)`
    : ` (until ${at})`;
}

/**
 * The plain-text alternative of the e-mail: the same brief as the HTML (key developments, by
 * actor with its theme groups and the actors also in today's reports, by theme, in other
 * languages, sources, not included), for mail clients that show no HTML and for
 * screen readers. Citations keep the HTML's [n] numbers; lines are not wrapped (format=flowed
 * is not assumed).
 */
export function briefToText(model: BriefModel, link: BriefLink | null): string {
  const view = buildBriefView(model);
  const out: string[] = [`${view.title} — ${view.date}`];
  if (view.handling) out.push(view.handling);
  if (link) out.push('', `Read it in a browser: ${link.url}${linkLifetime(link)}`);
  out.push(
    '',
    `${view.stats.articles} articles from ${view.stats.sources} sources.${view.notIncluded.length ? ` ${view.notIncluded.length} uploads not included.` : ''}`,
    '',
    ...highlightLines(view),
    ...actorLines(view),
    ...alsoMentionedLines(view),
    ...themeLines(view),
    ...otherLanguageLines(view),
    ...sourceLines(view),
    ...notIncludedLines(view),
  );
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

const line = (item: ItemView) =>
  `${item.attribution ? `${item.attribution} ` : ''}${item.text} ${item.refs.map((ref) => `[${ref}]`).join('')}`.trimEnd();

const see = (numbers: number[]) =>
  numbers.length > 0 ? [`  → Key developments ${numbers.join(', ')}`] : [];

function highlightLines(view: BriefView): string[] {
  const out = [heading('Key developments')];
  if (view.highlights.length === 0) out.push('None in this edition.');
  for (const h of view.highlights) {
    const marker = h.statusText ? `[${h.statusText}] ` : '';
    // A headline that only repeated the text is not shown: the text is printed once.
    if (h.headline) out.push(`${h.number}. ${marker}${h.headline}`, `   ${line(h)}`, '');
    else out.push(`${h.number}. ${marker}${line(h)}`, '');
  }
  if (view.continuing.length > 0) {
    const stories = view.continuing.map((story) => `${story.headline} (${story.since})`);
    out.push(`Continuing, nothing new since the last brief: ${stories.join('; ')}.`, '');
  }
  return out;
}

function actorLines(view: BriefView): string[] {
  const out = view.actors.length > 0 ? [heading('By actor')] : [];
  for (const section of view.actors) {
    out.push(section.name);
    for (const group of section.groups) {
      out.push(`  ${group.theme.name}:`, ...group.items.map((item) => `  - ${line(item)}`));
    }
    out.push(...see(section.seeHighlights), '');
  }
  return out;
}

function alsoMentionedLines(view: BriefView): string[] {
  if (view.alsoMentioned.length === 0) return [];
  return ["Also in today's reports:", ...view.alsoMentioned.map((entry) => `- ${entry.text}`), ''];
}

function otherLanguageLines(view: BriefView): string[] {
  if (view.otherLanguages.length === 0) return [];
  const out = [heading('In other languages')];
  for (const entry of view.otherLanguages) {
    const actors = entry.actors.map((actor) => actor.name).join(', ');
    const refs = entry.refs.map((ref) => `[${ref}]`).join('');
    out.push(
      `- ${entry.title} — ${entry.language} — ${entry.outlet ?? 'unknown source'}${actors ? ` — ${actors}` : ''} ${refs}`.trimEnd(),
    );
  }
  return [...out, ''];
}

function notIncludedLines(view: BriefView): string[] {
  if (view.notIncluded.length === 0) return [];
  const out = ['', heading('Not included')];
  for (const entry of view.notIncluded) {
    const title = entry.title ? ` — ${entry.title}${entry.outlet ? ` (${entry.outlet})` : ''}` : '';
    out.push(`- ${entry.key}${title} — ${entry.reason}`);
  }
  return out;
}

function themeLines(view: BriefView): string[] {
  const out = view.themes.length > 0 ? [heading('By theme')] : [];
  for (const section of view.themes) {
    out.push(section.name, ...section.items.map((item) => `- ${line(item)}`));
    out.push(...see(section.seeHighlights));
    if (section.seeActors.length > 0)
      out.push(`  → see ${section.seeActors.map((a) => a.name).join(', ')}`);
    out.push('');
  }
  return out;
}

function sourceLines(view: BriefView): string[] {
  const out = [heading('Sources')];
  for (const source of view.sources) {
    const meta = [source.outlet, source.date].filter(Boolean).join(', ');
    out.push(`[${source.ref}] ${source.titleText}${meta ? ` — ${meta}` : ''}`);
    if (source.url) out.push(`    ${source.url}`);
  }
  return out;
}

function heading(text: string): string {
  return `${text.toUpperCase()}\n${'='.repeat(text.length)}`;
}

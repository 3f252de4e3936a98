import type { BriefArticle, BriefModel } from '../../core/types';
import { type Block, bodyParagraph, type Run, run, sectionHeading, smallParagraph } from './blocks';
import { sourceAnchor } from './cross-refs';
import { publishedLabel } from './format';
import { COLORS, INDENT } from './style';

/**
 * The address to put in a link annotation: only http(s), normalised (percent-encoded, ASCII)
 * by the URL parser. Anything else — `javascript:`, `file:`, `data:`, garbage — gets null and
 * is printed as inert text, so a hostile upload can never plant an active link.
 */
export function webUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** "Sources": every article the brief cites, in citation order, each a link target. */
export function sourceBlocks(model: BriefModel): Block[] {
  const blocks: Block[] = [sectionHeading('Sources')];
  if (model.articles.length === 0) {
    blocks.push(smallParagraph([run('No articles in this edition.', 'italic')]));
  }
  const articles = [...model.articles].sort((a, b) => a.ref - b.ref);
  for (const article of articles) blocks.push(...sourceEntry(article));
  return blocks;
}

/** "Not included": uploads that did not become articles, and why; nothing when there are none. */
export function rejectedBlocks(model: BriefModel): Block[] {
  if (model.rejected.length === 0) return [];
  const blocks: Block[] = [sectionHeading('Not included')];
  for (const { key, reason } of model.rejected) {
    const why = reason.startsWith(`${key}: `) ? reason.slice(key.length + 2) : reason;
    const runs = [run(key, 'bold'), run(` — ${why}`)];
    blocks.push(bodyParagraph(runs, { label: run('•', 'regular', COLORS.muted), labelWidth: 12 }));
  }
  return blocks;
}

function sourceEntry(article: BriefArticle): Block[] {
  const source = article.source?.trim()
    ? run(article.source.trim(), 'bold')
    : run('unknown source', 'italic', COLORS.muted);
  const heading: Run[] = [
    source,
    run(` — ${article.title.trim() || 'untitled'} — `),
    run(publishedLabel(article), 'regular', COLORS.muted),
  ];
  const label = run(`[${article.ref}]`, 'bold', COLORS.accent);
  const details: Block[] = [];
  const href = webUrl(article.url);
  if (href) {
    details.push(smallParagraph([link(href)], INDENT.source));
  } else if (article.url?.trim()) {
    const inert = `${article.url.trim()} (not a web address; not linked)`;
    details.push(smallParagraph([run(inert, 'regular', COLORS.muted)], INDENT.source));
  }
  details.push(
    smallParagraph([run(`uploaded as ${article.key}`, 'regular', COLORS.muted)], INDENT.source),
  );
  return [
    {
      ...bodyParagraph(heading, { label, labelWidth: INDENT.source }),
      anchor: sourceAnchor(article.ref),
      spaceAfter: 1,
      keepWithNext: true,
    },
    ...details.map((block, i) => (i === details.length - 1 ? { ...block, spaceAfter: 6 } : block)),
  ];
}

function link(href: string): Run {
  return { text: href, style: 'regular', color: COLORS.link, link: { kind: 'uri', uri: href } };
}

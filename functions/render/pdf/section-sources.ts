import type { BriefArticle, BriefModel } from '../../model/types';
import { type Block, bodyParagraph, type Run, run, sectionHeading, smallParagraph } from './blocks';
import { sourceAnchor } from './cross-refs';
import { publishedLabel } from './format';
import { COLORS, INDENT, TYPE } from './style';

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

/**
 * One compact entry: outlet, title, date, the web address as a link on its host name (or, when
 * there is none, the uploaded file), in small type, so 200 sources take a few pages, not a dozen.
 */
function sourceEntry(article: BriefArticle): Block[] {
  const source = article.source?.trim()
    ? run(article.source.trim(), 'bold')
    : run('unknown source', 'italic', COLORS.muted);
  const runs: Run[] = [
    source,
    run(` — ${article.title.trim() || 'untitled'} — `),
    run(publishedLabel(article), 'regular', COLORS.muted),
  ];
  const href = webUrl(article.url);
  if (href) {
    runs.push(run(' — '), link(href));
  } else if (article.url?.trim()) {
    runs.push(
      run(` — ${article.url.trim()} (not a web address; not linked)`, 'regular', COLORS.muted),
    );
  }
  // The uploaded file is how an uploader finds an article that has no web address.
  if (!href) runs.push(run(` · uploaded as ${article.key}`, 'regular', COLORS.muted));
  const label = run(`[${article.ref}]`, 'bold', COLORS.accent);
  return [
    {
      ...bodyParagraph(runs, { label, labelWidth: INDENT.source }),
      size: TYPE.reference.size,
      leading: TYPE.reference.leading,
      anchor: sourceAnchor(article.ref),
      spaceAfter: TYPE.reference.after,
    },
  ];
}

/** The host name ("www.forbes.com"), linked to the full address. */
function link(href: string): Run {
  const text = new URL(href).host || href;
  return { text, style: 'regular', color: COLORS.link, link: { kind: 'uri', uri: href } };
}

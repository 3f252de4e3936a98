import type { BriefView } from '../view/brief-view';
import type { SourceView } from '../view/sources';
import { type Block, bodyParagraph, type Run, run, sectionHeading, smallParagraph } from './blocks';
import { sourceAnchor } from './cross-refs';
import { COLORS, INDENT, TYPE } from './style';

/** "Sources": every article the brief cites, in citation order, each a link target. */
export function sourceBlocks(view: BriefView): Block[] {
  const blocks: Block[] = [sectionHeading('Sources')];
  if (view.sources.length === 0) {
    blocks.push(smallParagraph([run('No articles in this edition.', 'italic')]));
  }
  for (const source of view.sources) blocks.push(...sourceEntry(source));
  return blocks;
}

/**
 * "Not included": uploads that did not become articles and off-topic articles, and why;
 * nothing when there are none.
 */
export function rejectedBlocks(view: BriefView): Block[] {
  if (view.notIncluded.length === 0) return [];
  const blocks: Block[] = [sectionHeading('Not included')];
  for (const { key, title, outlet, reason } of view.notIncluded) {
    const runs = [run(key, 'bold')];
    if (title) runs.push(run(' — '), run(title, 'italic'));
    if (outlet) runs.push(run(` (${outlet})`));
    runs.push(run(` — ${reason}`));
    blocks.push(bodyParagraph(runs, { label: run('•', 'regular', COLORS.muted), labelWidth: 12 }));
  }
  return blocks;
}

/**
 * One compact entry: outlet, title, date, the web address as a link on its host name (or, when
 * there is none, the uploaded file), in small type, so 200 sources take a few pages, not a dozen.
 */
function sourceEntry(article: SourceView): Block[] {
  const source = article.outlet
    ? run(article.outlet, 'bold')
    : run('unknown source', 'italic', COLORS.muted);
  const runs: Run[] = [
    source,
    run(` — ${article.titleText} — `),
    run(article.dateLabel, 'regular', COLORS.muted),
  ];
  const href = article.href;
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
      tag: { type: 'LI', numbering: 'Decimal' },
    },
  ];
}

/** The host name ("www.forbes.com"), linked to the full address. */
function link(href: string): Run {
  const text = new URL(href).host || href;
  return { text, style: 'regular', color: COLORS.link, link: { kind: 'uri', uri: href } };
}

import type { BriefView, HighlightView } from '../view/brief-view';
import { plural } from '../view/plural';
import {
  type Block,
  bodyParagraph,
  type ParagraphBlock,
  type Run,
  run,
  sectionHeading,
  smallParagraph,
} from './blocks';
import { citationRuns, highlightAnchor } from './cross-refs';
import { attributionRuns } from './items';
import { COLORS, INDENT, TYPE } from './style';

/** Title, edition date, coverage and handling line: what the reader sees first. */
export function mastheadBlocks(view: BriefView): Block[] {
  const blocks: Block[] = [];
  if (view.handling) {
    blocks.push(line([run(view.handling, 'bold', COLORS.handling)], TYPE.small, 4));
  }
  const title = line([run(view.title, 'bold', COLORS.accent)], TYPE.title, 2);
  blocks.push({ ...title, tag: { type: 'H1' } });
  blocks.push(line([run(view.date, 'bold')], TYPE.masthead, 1));
  const { articles, sources } = view.stats;
  const coverage = [`${plural(articles, 'article')} from ${plural(sources, 'source')}`];
  const notIncluded = view.notIncluded.length;
  if (notIncluded > 0) coverage.push(`${plural(notIncluded, 'upload')} not included`);
  const note = view.omittedNote;
  blocks.push(
    line([run(coverage.join(' · '), 'regular', COLORS.muted)], TYPE.masthead, note ? 2 : 6),
  );
  if (note) blocks.push(line([run(note, 'italic', COLORS.muted)], TYPE.small, 6));
  blocks.push(rule());
  return blocks;
}

/** "Key developments": the numbered items a reader must not miss. */
export function highlightBlocks(view: BriefView): Block[] {
  const blocks: Block[] = [sectionHeading('Key developments')];
  if (view.highlights.length === 0) {
    blocks.push(smallParagraph([run('No key developments in this edition.', 'italic')]));
    return blocks;
  }
  for (const item of view.highlights) blocks.push(highlightBlock(item));
  if (view.continuing.length > 0) {
    const stories = view.continuing.map((story) => `${story.headline} (${story.since})`);
    blocks.push(
      smallParagraph([
        run(
          `Continuing, nothing new since the last brief: ${stories.join('; ')}.`,
          'regular',
          COLORS.muted,
        ),
      ]),
    );
  }
  return blocks;
}

function highlightBlock(item: HighlightView): ParagraphBlock {
  const runs: Run[] = [];
  if (item.statusText) runs.push(run(`${item.statusText} `, 'bold', COLORS.accent));
  if (item.headlineText) runs.push(run(`${item.headlineText} `, 'bold'));
  runs.push(...attributionRuns(item));
  if (item.text) runs.push(run(item.text));
  runs.push(...citationRuns(item.refs));
  const also = item.alsoRefs;
  if (also.length) runs.push(run(' same story:', 'regular', COLORS.muted), ...citationRuns(also));
  const label = run(`${item.number}.`, 'bold', COLORS.accent);
  return {
    ...bodyParagraph(runs, { label, labelWidth: INDENT.number }),
    anchor: highlightAnchor(item.number),
    spaceAfter: 6,
    tag: { type: 'LI', numbering: 'Decimal' },
  };
}

function line(runs: Run[], type: { size: number; leading: number }, after: number): Block {
  return { kind: 'paragraph', runs, size: type.size, leading: type.leading, spaceAfter: after };
}

function rule(): Block {
  return {
    kind: 'graphic',
    height: 2,
    spaceAfter: 4,
    draw: (page, x, top, width) =>
      page.drawLine({
        start: { x, y: top - 1 },
        end: { x: x + width, y: top - 1 },
        thickness: 1.2,
        color: COLORS.accent,
      }),
  };
}

import type { BriefModel, Highlight } from '../../model/types';
import { formatIsoDate } from '../view/format-date';
import { omittedNote } from '../view/omitted-note';
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
import { type BriefLookups, plural } from './format';
import { COLORS, INDENT, TYPE } from './style';

/** Title, edition date, coverage and handling line: what the reader sees first. */
export function mastheadBlocks(model: BriefModel): Block[] {
  const blocks: Block[] = [];
  if (model.handling) {
    blocks.push(line([run(model.handling, 'bold', COLORS.handling)], TYPE.small, 4));
  }
  blocks.push(line([run(model.title || 'Daily Brief', 'bold', COLORS.accent)], TYPE.title, 2));
  const date = formatIsoDate(model.edition) ?? model.edition;
  blocks.push(line([run(date, 'bold')], TYPE.masthead, 1));
  const { articles, sources, rejected } = model.stats;
  const coverage = [`${plural(articles, 'article')} from ${plural(sources, 'source')}`];
  if (rejected > 0) coverage.push(`${plural(rejected, 'upload')} not included`);
  const note = omittedNote(model);
  blocks.push(
    line([run(coverage.join(' · '), 'regular', COLORS.muted)], TYPE.masthead, note ? 2 : 6),
  );
  if (note) blocks.push(line([run(note, 'italic', COLORS.muted)], TYPE.small, 6));
  blocks.push(rule());
  return blocks;
}

/** "Key developments": the numbered items a reader must not miss. */
export function highlightBlocks(model: BriefModel, lookups: BriefLookups): Block[] {
  const blocks: Block[] = [sectionHeading('Key developments')];
  if (model.highlights.length === 0) {
    blocks.push(smallParagraph([run('No key developments in this edition.', 'italic')]));
    return blocks;
  }
  for (const item of model.highlights) blocks.push(highlightBlock(item, lookups));
  return blocks;
}

function highlightBlock(item: Highlight, lookups: BriefLookups): ParagraphBlock {
  const runs: Run[] = [];
  const headline = item.headline.trim();
  if (headline) runs.push(run(/[.!?…]$/.test(headline) ? headline : `${headline}.`, 'bold'));
  if (item.text.trim()) runs.push(run(` ${item.text.trim()}`));
  runs.push(...citationRuns(lookups.refsOf(item.sources)));
  const also = lookups.refsOf(item.alsoIn ?? []);
  if (also.length) runs.push(run(' same story:', 'regular', COLORS.muted), ...citationRuns(also));
  const label = run(`${item.number}.`, 'bold', COLORS.accent);
  return {
    ...bodyParagraph(runs, { label, labelWidth: INDENT.number }),
    anchor: highlightAnchor(item.number),
    spaceAfter: 6,
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

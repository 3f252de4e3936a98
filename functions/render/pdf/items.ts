import type { BriefItem } from '../../model/types';
import { bodyParagraph, type ParagraphBlock, type Run, run } from './blocks';
import { citationRuns } from './cross-refs';
import type { BriefLookups } from './format';
import { COLORS, INDENT } from './style';

/** A bulleted brief item: its text, optional trailing runs (its actors), then its citations. */
export function bulletItem(
  item: BriefItem,
  lookups: BriefLookups,
  extra: Run[] = [],
): ParagraphBlock {
  const runs = [run(item.text.trim()), ...extra, ...citationRuns(lookups.refsOf(item.sources))];
  const label = run('•', 'regular', COLORS.muted);
  return bodyParagraph(runs, { label, labelWidth: INDENT.bullet });
}

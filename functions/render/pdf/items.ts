import type { ItemView } from '../view/brief-view';
import { bodyParagraph, type ParagraphBlock, type Run, run } from './blocks';
import { citationRuns } from './cross-refs';
import { COLORS, INDENT } from './style';

/** A bulleted brief item: its text, optional trailing runs (its actors), then its citations. */
export function bulletItem(item: ItemView, extra: Run[] = []): ParagraphBlock {
  const runs = [run(item.text), ...extra, ...citationRuns(item.refs)];
  const label = run('•', 'regular', COLORS.muted);
  return bodyParagraph(runs, { label, labelWidth: INDENT.bullet });
}

import type { ItemView } from '../view/brief-view';
import { bodyParagraph, type ParagraphBlock, type Run, run } from './blocks';
import { citationRuns } from './cross-refs';
import { COLORS, INDENT } from './style';

/** "Imran Khan: " before an item whose quote names its speaker only by a pronoun. */
export function attributionRuns(item: ItemView): Run[] {
  return item.attribution ? [run(`${item.attribution} `, 'italic')] : [];
}

/**
 * A bulleted brief item: its speaker's attribution, its text, optional trailing runs (its
 * actors), then its citations.
 */
export function bulletItem(item: ItemView, extra: Run[] = []): ParagraphBlock {
  const runs = [...attributionRuns(item), run(item.text), ...extra, ...citationRuns(item.refs)];
  const label = run('•', 'regular', COLORS.muted);
  return bodyParagraph(runs, { label, labelWidth: INDENT.bullet });
}

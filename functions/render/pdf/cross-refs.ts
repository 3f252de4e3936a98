import type { Run } from './blocks';
import { numberList } from './format';
import { COLORS } from './style';

/** Name of the anchor on a Sources entry, the target of its citations. */
export const sourceAnchor = (ref: number): string => `source-${ref}`;

/** Name of the anchor on a Key developments item. */
export const highlightAnchor = (number: number): string => `highlight-${number}`;

/** " [1] [3]", each number a link to its entry in Sources; empty when nothing is cited. */
export function citationRuns(refs: readonly number[]): Run[] {
  return refs.flatMap((ref) => [
    { text: ' ', style: 'regular' as const },
    {
      text: `[${ref}]`,
      style: 'regular' as const,
      color: COLORS.link,
      link: { kind: 'dest' as const, name: sourceAnchor(ref) },
    },
  ]);
}

/** "→ Key developments 1, 2" pointing back at items printed in full earlier; null when none. */
export function seeHighlightsRuns(numbers: readonly number[]): Run[] | null {
  if (numbers.length === 0) return null;
  const first = Math.min(...numbers);
  return [
    { text: '→ Key developments ', style: 'regular', color: COLORS.muted },
    {
      text: numberList(numbers),
      style: 'regular',
      color: COLORS.link,
      link: { kind: 'dest', name: highlightAnchor(first) },
    },
  ];
}

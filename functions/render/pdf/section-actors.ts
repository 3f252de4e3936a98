import type { ActorSection, BriefItem, BriefModel } from '../../model/types';
import { type Block, entryHeading, run, sectionHeading, smallParagraph, subLabel } from './blocks';
import { seeHighlightsRuns } from './cross-refs';
import { type BriefLookups, plural } from './format';
import { bulletItem } from './items';
import { COLORS } from './style';

/** "By actor": one entry per actor, its items grouped under theme labels. */
export function actorBlocks(model: BriefModel, lookups: BriefLookups): Block[] {
  const blocks: Block[] = [sectionHeading('By actor')];
  if (model.byActor.length === 0) {
    blocks.push(smallParagraph([run('No actor sections in this edition.', 'italic')]));
  }
  for (const section of model.byActor) blocks.push(...actorSection(section, lookups));
  return blocks;
}

function actorSection(section: ActorSection, lookups: BriefLookups): Block[] {
  const name = section.name.trim() || section.id;
  const blocks: Block[] = [
    entryHeading(
      [
        run(name, 'bold'),
        run(
          ` (${section.id}) — in ${plural(section.articleCount, 'article')}`,
          'regular',
          COLORS.muted,
        ),
      ],
      name,
    ),
  ];
  for (const [theme, items] of groupByTheme(section.items)) {
    blocks.push(subLabel(lookups.themeName(theme)));
    blocks.push(...items.map((item) => bulletItem(item, lookups)));
  }
  const see = seeHighlightsRuns(section.seeHighlights);
  if (see) blocks.push(smallParagraph(see));
  return blocks;
}

/** Items by lead theme, in the order each theme first appears (the compiler's order). */
function groupByTheme(items: readonly BriefItem[]): Map<string | null, BriefItem[]> {
  const groups = new Map<string | null, BriefItem[]>();
  for (const item of items) {
    const group = groups.get(item.theme) ?? [];
    group.push(item);
    groups.set(item.theme, group);
  }
  return groups;
}

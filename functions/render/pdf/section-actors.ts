import type { ActorSectionView, BriefView } from '../view/brief-view';
import { plural } from '../view/plural';
import { type Block, entryHeading, run, sectionHeading, smallParagraph, subLabel } from './blocks';
import { seeHighlightsRuns } from './cross-refs';
import { bulletItem } from './items';
import { COLORS } from './style';

/** "By actor": one entry per actor, its items grouped under theme labels. */
export function actorBlocks(view: BriefView): Block[] {
  const blocks: Block[] = [sectionHeading('By actor')];
  if (view.actors.length === 0) {
    blocks.push(smallParagraph([run('No actor sections in this edition.', 'italic')]));
  }
  for (const section of view.actors) blocks.push(...actorSection(section));
  return blocks;
}

function actorSection(section: ActorSectionView): Block[] {
  const blocks: Block[] = [
    entryHeading(
      [
        run(section.name, 'bold'),
        run(
          ` (${section.id}) — in ${plural(section.articleCount, 'article')}`,
          'regular',
          COLORS.muted,
        ),
      ],
      section.name,
    ),
  ];
  for (const group of section.groups) {
    blocks.push(subLabel(group.theme.name));
    blocks.push(...group.items.map((item) => bulletItem(item)));
  }
  const see = seeHighlightsRuns(section.seeHighlights);
  if (see) blocks.push(smallParagraph(see));
  return blocks;
}

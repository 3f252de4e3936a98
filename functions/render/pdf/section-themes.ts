import type { BriefView, ThemeSectionView } from '../view/brief-view';
import type { ActorRef } from '../view/names';
import { type Block, entryHeading, run, sectionHeading, smallParagraph } from './blocks';
import { seeHighlightsRuns } from './cross-refs';
import { bulletItem } from './items';
import { COLORS } from './style';

/** "By theme": items not printed elsewhere, plus pointers to where the rest of a theme is. */
export function themeBlocks(view: BriefView): Block[] {
  const blocks: Block[] = [sectionHeading('By theme')];
  if (view.themes.length === 0) {
    blocks.push(smallParagraph([run('No theme sections in this edition.', 'italic')]));
  }
  for (const section of view.themes) blocks.push(...themeSection(section));
  return blocks;
}

/** " — RUS, CHN": the print edition names the actors of a theme by their short ids. */
const actorIds = (actors: ActorRef[]) =>
  actors.length > 0
    ? [run(` — ${actors.map((actor) => actor.id).join(', ')}`, 'regular', COLORS.muted)]
    : [];

function themeSection(section: ThemeSectionView): Block[] {
  const heading = [run(section.name, 'bold'), ...actorIds(section.actors)];
  const blocks: Block[] = [entryHeading(heading, section.name)];
  for (const item of section.items) blocks.push(bulletItem(item, actorIds(item.actors)));
  const see = seeHighlightsRuns(section.seeHighlights);
  if (see) blocks.push(smallParagraph(see));
  if (section.seeActors.length > 0) {
    const names = section.seeActors.map((actor) => actor.name).join(', ');
    blocks.push(smallParagraph([run(`→ see ${names}`, 'regular', COLORS.muted)]));
  }
  return blocks;
}

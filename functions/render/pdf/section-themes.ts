import type { BriefModel, ThemeSection } from '../../model/types';
import { type Block, entryHeading, run, sectionHeading, smallParagraph } from './blocks';
import { seeHighlightsRuns } from './cross-refs';
import type { BriefLookups } from './format';
import { bulletItem } from './items';
import { COLORS } from './style';

/** "By theme": items not printed elsewhere, plus pointers to where the rest of a theme is. */
export function themeBlocks(model: BriefModel, lookups: BriefLookups): Block[] {
  const blocks: Block[] = [sectionHeading('By theme')];
  if (model.byTheme.length === 0) {
    blocks.push(smallParagraph([run('No theme sections in this edition.', 'italic')]));
  }
  for (const section of model.byTheme) blocks.push(...themeSection(section, lookups));
  return blocks;
}

function themeSection(section: ThemeSection, lookups: BriefLookups): Block[] {
  const name = section.name.trim() || section.id;
  const heading = [run(name, 'bold')];
  if (section.actors.length > 0) {
    heading.push(run(` — ${section.actors.join(', ')}`, 'regular', COLORS.muted));
  }
  const blocks: Block[] = [entryHeading(heading, name)];
  for (const item of section.items) {
    const actors =
      item.actors.length > 0 ? [run(` — ${item.actors.join(', ')}`, 'regular', COLORS.muted)] : [];
    blocks.push(bulletItem(item, lookups, actors));
  }
  const see = seeHighlightsRuns(section.seeHighlights);
  if (see) blocks.push(smallParagraph(see));
  if (section.seeActors.length > 0) {
    const names = section.seeActors.map((a) => a.name.trim() || a.id).join(', ');
    blocks.push(smallParagraph([run(`→ see ${names}`, 'regular', COLORS.muted)]));
  }
  return blocks;
}

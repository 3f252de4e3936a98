import type { BriefView } from '../view/brief-view';
import { highlightsPointer } from '../view/more-sections';
import { type Block, bodyParagraph, entryHeading, type Run, run, sectionHeading } from './blocks';
import { citationRuns, highlightAnchor } from './cross-refs';
import { COLORS, INDENT } from './style';

const bullet = () => run('•', 'regular', COLORS.muted);

/**
 * "Also in today's reports", closing "By actor": actors without a section of their own, one
 * line per set of places that name them, each pointing there ("→ Key development 3").
 */
export function alsoMentionedBlocks(view: BriefView): Block[] {
  if (view.alsoMentioned.length === 0) return [];
  const blocks: Block[] = [
    entryHeading([run("Also in today's reports", 'bold')], "Also in today's reports"),
  ];
  for (const entry of view.alsoMentioned) {
    const runs: Run[] = [run(entry.actors.map((actor) => actor.name).join(', '))];
    if (entry.where) {
      runs.push(run(' → ', 'regular', COLORS.muted));
      if (entry.seeHighlights.length) {
        const first = Math.min(...entry.seeHighlights);
        runs.push({
          text: highlightsPointer(entry.seeHighlights),
          style: 'regular',
          color: COLORS.link,
          link: { kind: 'dest', name: highlightAnchor(first) },
        });
      }
      const sections = [...entry.seeActors, ...entry.seeThemes].map((section) => section.name);
      if (sections.length)
        runs.push(
          run(`${entry.seeHighlights.length ? '; ' : ''}see ${sections.join(', ')}`, 'regular'),
        );
    }
    blocks.push(bodyParagraph(runs, { label: bullet(), labelWidth: INDENT.bullet }));
  }
  return blocks;
}

/** "In other languages": title as written, language, source, actors, citation; never quoted. */
export function otherLanguageBlocks(view: BriefView): Block[] {
  if (view.otherLanguages.length === 0) return [];
  const blocks: Block[] = [
    sectionHeading('In other languages'),
    bodyParagraph([
      run(
        'Reports not in English: their actors and stories count in this brief, but they are not quoted.',
        'italic',
        COLORS.muted,
      ),
    ]),
  ];
  for (const entry of view.otherLanguages) {
    const runs: Run[] = [
      { ...run(entry.title, 'italic'), lang: entry.languageCode || undefined },
      run(` — ${entry.language} — `),
      entry.outlet ? run(entry.outlet, 'bold') : run('unknown source', 'italic', COLORS.muted),
    ];
    if (entry.actors.length)
      runs.push(run(` — ${entry.actors.map((actor) => actor.name).join(', ')}`));
    runs.push(...citationRuns(entry.refs));
    blocks.push(bodyParagraph(runs, { label: bullet(), labelWidth: INDENT.bullet }));
  }
  return blocks;
}

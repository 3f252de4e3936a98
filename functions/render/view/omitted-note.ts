import type { BriefModel } from '../../model/types';

const namedActors = 6;

/**
 * The line telling the reader what the length budget left out, shared by the HTML and PDF
 * renderers; null when nothing was cut.
 */
export function omittedNote(model: BriefModel): string | null {
  const omitted = model.omitted;
  if (!omitted || (omitted.items === 0 && omitted.actors.length === 0)) return null;
  const parts: string[] = [];
  if (omitted.items > 0)
    parts.push(
      `${omitted.items} lower-ranked item${omitted.items === 1 ? ' was' : 's were'} left out`,
    );
  if (omitted.actors.length > 0) {
    const names = omitted.actors.slice(0, namedActors).map((actor) => actor.name);
    const more = omitted.actors.length - names.length;
    parts.push(
      `${parts.length ? 'and' : ''} no section is given to ${names.join(', ')}${more > 0 ? ` and ${more} more actor${more === 1 ? '' : 's'}` : ''}`.trim(),
    );
  }
  return `To fit about ${omitted.pages} pages, ${parts.join(' ')}; every article is still listed under Sources.`;
}

import type { BriefView } from '../view/brief-view';
import type { SourceView } from '../view/sources';
import { highlightAnchor, sourceAnchor } from './cross-refs';
import type { DescribeLink } from './links';

/**
 * Describes each link of the brief in words, for the `/Contents` of its annotation (what a
 * screen reader announces for "[3]"): "Source 3: TASS, 30 August 2026", "Key development 2:
 * <headline>", "TASS, web page: https://…". A link to nothing known is described by its text.
 */
export function linkDescriber(view: BriefView): DescribeLink {
  const targets = new Map<string, string>();
  const pages = new Map<string, string>();
  for (const source of view.sources) {
    targets.set(sourceAnchor(source.ref), `Source ${source.ref}: ${sourceLabel(source)}`);
    if (source.href) pages.set(source.href, `${sourceLabel(source)}, web page: ${source.href}`);
  }
  for (const item of view.highlights) {
    const headline = item.headlineText || item.text;
    targets.set(highlightAnchor(item.number), `Key development ${item.number}: ${headline}`);
  }
  return (target, text) => {
    const described = target.kind === 'uri' ? pages.get(target.uri) : targets.get(target.name);
    if (!described) return target.kind === 'uri' ? `Web page: ${target.uri}` : text;
    // "→ Key developments 1–3" jumps to the first of them: say both.
    if (target.kind === 'dest' && /[,–-]/.test(text)) {
      return `Key developments ${text.replace(/^Key developments? /, '')}; goes to ${described}`;
    }
    return described;
  };
}

/** "TASS, 30 August 2026 (year inferred)". */
function sourceLabel(source: SourceView): string {
  return `${source.outlet ?? 'unknown source'}, ${source.dateLabel}`;
}

import type { BriefView } from '../view/brief-view';
import type { SourceView } from '../view/sources';
import type { LinkTarget } from './blocks';
import { highlightAnchor, sourceAnchor } from './cross-refs';
import type { DescribeLink } from './links';

/**
 * Describes each link of the brief in words, for the `/Contents` of its annotation (what a
 * screen reader announces for "[3]"): "Source 3: TASS, 30 August 2026", "Key development 2:
 * <headline>", "Web page of source 3: TASS, 30 August 2026 (tass.com)". A link to nothing known
 * is described by its text, or a web address by its host.
 */
export function linkDescriber(view: BriefView): DescribeLink {
  const targets = new Map<string, string>();
  const pages = new Map<string, string>();
  for (const source of view.sources) {
    targets.set(sourceAnchor(source.ref), `Source ${source.ref}: ${sourceLabel(source)}`);
    if (source.href) {
      const page = `Web page of source ${source.ref}: ${sourceLabel(source)}`;
      pages.set(source.href, `${page} (${hostOf(source.href)})`);
    }
  }
  for (const item of view.highlights) {
    const headline = item.headlineText || item.text;
    targets.set(highlightAnchor(item.number), `Key development ${item.number}: ${headline}`);
  }
  const describe = (target: LinkTarget, text: string): string => {
    const described = target.kind === 'uri' ? pages.get(target.uri) : targets.get(target.name);
    if (!described) return target.kind === 'uri' ? `Web page on ${hostOf(target.uri)}` : text;
    // "→ Key developments 1–3" jumps to the first of them: say both.
    if (target.kind === 'dest' && /[,–-]/.test(text)) {
      return `Key developments ${text.replace(/^Key developments? /, '')}; goes to ${described}`;
    }
    return described;
  };
  return (target, text) => flatten(describe(target, text));
}

/**
 * One line of text: no line breaks or control characters. Not limited to the embedded fonts'
 * characters (a viewer shows `/Contents` in its own font), and written as a PDF text string.
 */
const flatten = (text: string) =>
  text
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** "TASS, 30 August 2026 (year inferred)". */
function sourceLabel(source: SourceView): string {
  return `${source.outlet ?? 'unknown source'}, ${source.dateLabel}`;
}

function hostOf(href: string): string {
  try {
    return new URL(href).host || href;
  } catch {
    return href;
  }
}

import type { PDFDict, PDFDocument } from 'pdf-lib';
import type { LinkTarget } from './blocks';
import type { PlacedLink, Position } from './page-flow';
import { textString } from './pdf-text';

/** What a link does, in words, for its annotation's `/Contents` ("Source 3: TASS, 30 August"). */
export type DescribeLink = (target: LinkTarget, text: string) => string;

/**
 * Turns placed links into /Link annotations: web addresses as URI actions, citations as jumps
 * to their Sources entry. pdf-lib has no API for either, so the dictionaries are built by hand.
 * URIs (printable ASCII only) are literal strings with `\`, `(` and `)` escaped; a link whose
 * target anchor does not exist is dropped rather than left dangling. Each annotation carries
 * a description (`/Contents`) and takes its place in its `Link` structure element.
 */
export function addLinkAnnotations(
  doc: PDFDocument,
  links: PlacedLink[],
  anchors: Map<string, Position>,
  describe: DescribeLink,
): void {
  const pages = doc.getPages();
  for (const { pageIndex, rect, target, record, kid } of links) {
    const page = pages[pageIndex];
    if (!page) continue;
    const base = {
      Type: 'Annot',
      Subtype: 'Link',
      Rect: rect,
      Border: [0, 0, 0],
      Contents: textString(describe(target, record.text)),
    };
    let dict: PDFDict;
    if (target.kind === 'uri') {
      if (!/^https?:\/\/[\x21-\x7e]+$/.test(target.uri)) continue;
      const action = { Type: 'Action', S: 'URI', URI: textString(target.uri) };
      dict = doc.context.obj({ ...base, A: action });
    } else {
      const anchor = anchors.get(target.name);
      const destPage = anchor && pages[anchor.pageIndex];
      if (!anchor || !destPage) continue;
      const dest = [destPage.ref, 'XYZ', null, anchor.y + 4, null];
      dict = doc.context.obj({ ...base, Dest: dest });
    }
    const ref = doc.context.register(dict);
    page.node.addAnnot(ref);
    if (kid) kid.annotation = { ref, dict };
  }
}

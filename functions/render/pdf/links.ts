import {
  PDFArray,
  type PDFContext,
  PDFDict,
  type PDFDocument,
  PDFName,
  PDFNull,
  PDFNumber,
} from 'pdf-lib';
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
  const { context } = doc;
  const pages = doc.getPages();
  for (const { pageIndex, rect, target, record, kid } of links) {
    const page = pages[pageIndex];
    if (!page) continue;
    // Built with PDFDict directly: a long brief has thousands of links, and context.obj's
    // conversion of plain objects was most of the time spent here.
    const dict = PDFDict.withContext(context);
    dict.set(N.Type, N.Annot);
    dict.set(N.Subtype, N.Link);
    dict.set(N.Rect, numbers(context, rect));
    dict.set(N.Border, numbers(context, [0, 0, 0]));
    dict.set(N.Contents, textString(describe(target, record.text)));
    if (target.kind === 'uri') {
      if (!/^https?:\/\/[\x21-\x7e]+$/.test(target.uri)) continue;
      const action = PDFDict.withContext(context);
      action.set(N.Type, N.Action);
      action.set(N.S, N.URI);
      action.set(N.URI, textString(target.uri));
      dict.set(N.A, action);
    } else {
      const anchor = anchors.get(target.name);
      const destPage = anchor && pages[anchor.pageIndex];
      if (!anchor || !destPage) continue;
      const dest = PDFArray.withContext(context);
      for (const part of [destPage.ref, N.XYZ, PDFNull, PDFNumber.of(anchor.y + 4), PDFNull]) {
        dest.push(part);
      }
      dict.set(N.Dest, dest);
    }
    const ref = context.register(dict);
    page.node.addAnnot(ref);
    if (kid) kid.annotation = { ref, dict };
  }
}

function numbers(context: PDFContext, values: number[]): PDFArray {
  const array = PDFArray.withContext(context);
  for (const value of values) array.push(PDFNumber.of(value));
  return array;
}

/** The names an annotation uses, made once (`PDFName.of` parses its argument). */
const NAMES = [
  'Type',
  'Annot',
  'Subtype',
  'Link',
  'Rect',
  'Border',
  'Contents',
  'A',
  'Action',
  'S',
  'URI',
  'Dest',
  'XYZ',
] as const;
const N = Object.fromEntries(NAMES.map((name) => [name, PDFName.of(name)])) as Record<
  (typeof NAMES)[number],
  PDFName
>;

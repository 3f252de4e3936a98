import { type PDFDocument, PDFHexString, type PDFRef } from 'pdf-lib';
import type { PlacedLink, Position } from './page-flow';

/**
 * Turns placed links into /Link annotations: web addresses as URI actions, citations as jumps
 * to their Sources entry. pdf-lib has no API for either, so the dictionaries are built by hand.
 * URIs are written as hex strings of their ASCII bytes (no escaping pitfalls); a link whose
 * target anchor does not exist is dropped rather than left dangling.
 */
export function addLinkAnnotations(
  doc: PDFDocument,
  links: PlacedLink[],
  anchors: Map<string, Position>,
): void {
  const pages = doc.getPages();
  for (const { pageIndex, rect, target } of links) {
    const page = pages[pageIndex];
    if (!page) continue;
    const base = { Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0] };
    let annotation: PDFRef;
    if (target.kind === 'uri') {
      if (!/^https?:\/\/[\x21-\x7e]+$/.test(target.uri)) continue;
      const action = { Type: 'Action', S: 'URI', URI: PDFHexString.of(asciiHex(target.uri)) };
      annotation = doc.context.register(doc.context.obj({ ...base, A: action }));
    } else {
      const anchor = anchors.get(target.name);
      const destPage = anchor && pages[anchor.pageIndex];
      if (!anchor || !destPage) continue;
      const dest = [destPage.ref, 'XYZ', null, anchor.y + 4, null];
      annotation = doc.context.register(doc.context.obj({ ...base, Dest: dest }));
    }
    page.node.addAnnot(annotation);
  }
}

/** Hex digits of a string's bytes, for strings already known to be printable ASCII. */
export function asciiHex(text: string): string {
  return [...text].map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(2, '0')).join('');
}

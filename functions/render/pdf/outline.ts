import {
  type PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFRef,
} from 'pdf-lib';
import type { OutlineEntry } from './page-flow';

interface Node {
  entry: OutlineEntry;
  ref: PDFRef;
  dict: PDFDict;
  children: Node[];
}

/**
 * Writes the PDF outline (bookmarks): sections at level 1, actors and themes under them, and
 * asks the viewer to open with the outline shown. Built from low-level dictionaries because
 * pdf-lib has no outline API; titles go in as UTF-16 so Cyrillic names survive.
 */
export function addOutline(
  doc: PDFDocument,
  entries: OutlineEntry[],
  clean: (s: string) => string,
) {
  if (entries.length === 0) return;
  const pages = doc.getPages();
  const context = doc.context;
  const rootRef = context.nextRef();
  const roots: Node[] = [];
  for (const entry of entries) {
    const page = pages[entry.pageIndex];
    if (!page) continue;
    const dict = context.obj({
      Title: PDFHexString.fromText(clean(entry.title)),
      Dest: [page.ref, 'XYZ', null, entry.y + 4, null],
    });
    const node: Node = { entry, ref: context.register(dict), dict, children: [] };
    const parent = roots.at(-1);
    if (entry.level === 2 && parent) parent.children.push(node);
    else roots.push(node);
  }
  link(roots, rootRef);
  const root = context.obj({ Type: 'Outlines', Count: roots.length });
  setEnds(root, roots);
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Chains siblings with /Prev and /Next and points each at its parent; children stay closed. */
function link(nodes: Node[], parentRef: PDFRef): void {
  nodes.forEach((node, i) => {
    node.dict.set(PDFName.of('Parent'), parentRef);
    const prev = nodes[i - 1];
    const next = nodes[i + 1];
    if (prev) node.dict.set(PDFName.of('Prev'), prev.ref);
    if (next) node.dict.set(PDFName.of('Next'), next.ref);
    if (node.children.length === 0) return;
    link(node.children, node.ref);
    setEnds(node.dict, node.children);
    node.dict.set(PDFName.of('Count'), PDFNumber.of(-node.children.length));
  });
}

function setEnds(dict: PDFDict, children: Node[]): void {
  const first = children[0];
  const last = children.at(-1);
  if (first) dict.set(PDFName.of('First'), first.ref);
  if (last) dict.set(PDFName.of('Last'), last.ref);
}

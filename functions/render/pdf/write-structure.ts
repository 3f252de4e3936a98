import {
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  type PDFRef,
  PDFString,
} from 'pdf-lib';
import type { Kid, StructElement, StructType, StructureTree } from './structure-tree';

/**
 * Writes the structure tree into the document and marks it as tagged: `StructTreeRoot` with
 * the elements (`/K` kids in reading order: MCIDs, marked-content references to other pages,
 * `OBJR`s of link annotations), the `ParentTree` number tree from each page's MCIDs and each
 * annotation back to its element (`/StructParents` on pages, `/StructParent` on annotations),
 * `/MarkInfo << /Marked true >>` and `/Tabs /S` on every page. Elements that got no content
 * are left out; a `Link` whose annotation was dropped is written as a `Span`.
 */
export function writeStructureTree(doc: PDFDocument, tree: StructureTree): void {
  const { context } = doc;
  const pages = doc.getPages();
  const pageRef = (index: number): PDFRef => (pages[index] as (typeof pages)[number]).ref;
  const kept: StructElement[] = [];
  collect(tree.root, kept);
  const refs = new Map<StructElement, PDFRef>();
  for (const element of kept) refs.set(element, context.nextRef());
  const rootRef = context.nextRef();
  const annotations: { key: number; element: PDFRef }[] = [];

  for (const element of kept) {
    const ref = refs.get(element) as PDFRef;
    const firstContent = element.kids.find((kid) => kid.kind === 'content');
    const page = firstContent?.kind === 'content' ? firstContent.page : null;
    const kids: PDFObject[] = [];
    for (const kid of element.kids) {
      if (kid.kind === 'element') {
        const child = refs.get(kid);
        if (child) kids.push(child);
      } else if (kid.kind === 'content') {
        kids.push(
          kid.page === page
            ? PDFNumber.of(kid.mcid)
            : context.obj({ Type: 'MCR', Pg: pageRef(kid.page), MCID: kid.mcid }),
        );
      } else if (kid.annotation) {
        const key = pages.length + annotations.length;
        kid.annotation.dict.set(PDFName.of('StructParent'), PDFNumber.of(key));
        annotations.push({ key, element: ref });
        kids.push(context.obj({ Type: 'OBJR', Obj: kid.annotation.ref, Pg: pageRef(kid.page) }));
      }
    }
    const dict = context.obj({
      Type: 'StructElem',
      S: writtenType(element),
      P: element.parent ? (refs.get(element.parent) as PDFRef) : rootRef,
      K: kids,
    });
    if (page !== null) dict.set(PDFName.of('Pg'), pageRef(page));
    const { lang, actualText, scope, numbering } = element.options;
    if (lang) dict.set(PDFName.of('Lang'), PDFString.of(lang));
    if (actualText) dict.set(PDFName.of('ActualText'), PDFHexString.fromText(actualText));
    if (scope) dict.set(PDFName.of('A'), context.obj({ O: 'Table', Scope: scope }));
    if (numbering) dict.set(PDFName.of('A'), context.obj({ O: 'List', ListNumbering: numbering }));
    context.assign(ref, dict);
  }

  const nums: PDFObject[] = [];
  tree.owners.forEach((owners, index) => {
    if (!owners || owners.length === 0) return;
    (pages[index] as (typeof pages)[number]).node.set(
      PDFName.of('StructParents'),
      PDFNumber.of(index),
    );
    nums.push(PDFNumber.of(index), context.obj(owners.map((owner) => refs.get(owner) ?? null)));
  });
  for (const { key, element } of annotations) nums.push(PDFNumber.of(key), element);
  const parentTree = context.register(context.obj({ Nums: nums }));
  context.assign(
    rootRef,
    context.obj({
      Type: 'StructTreeRoot',
      K: refs.get(tree.root) as PDFRef,
      ParentTree: parentTree,
      ParentTreeNextKey: pages.length + annotations.length,
    }),
  );
  doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  for (const page of pages) page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
}

/**
 * Collects, depth first (the order refs are numbered in, so output is stable), the elements
 * that have content: marked content, a placed annotation, or a kept child. The root is kept.
 */
function collect(element: StructElement, kept: StructElement[]): boolean {
  const start = kept.length;
  kept.push(element);
  let content = false;
  for (const kid of element.kids) {
    if (kid.kind === 'element') content = collect(kid, kept) || content;
    else if (kid.kind === 'content' || kid.annotation) content = true;
  }
  // An empty element goes, with its (empty) subtree, which was collected after it.
  if (!content && element.parent) kept.length = start;
  return content;
}

function writtenType(element: StructElement): StructType {
  if (element.type !== 'Link') return element.type;
  const linked = element.kids.some((kid: Kid) => kid.kind === 'annotation' && kid.annotation);
  return linked ? 'Link' : 'Span';
}

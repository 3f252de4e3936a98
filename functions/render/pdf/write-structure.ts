import {
  copyStringIntoBuffer,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFObject,
  type PDFRef,
  PDFString,
} from 'pdf-lib';
import { textString } from './pdf-text';
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
  const dict = (entries: [PDFName, PDFObject][]) => {
    const made = PDFDict.withContext(context);
    for (const [key, value] of entries) made.set(key, value);
    return made;
  };

  // Each element is written straight as the text pdf-lib would write for its dictionary: a
  // long brief has some 10,000 elements, and their dictionaries, arrays and numbers were most
  // of the objects (and the garbage-collection time) of a render.
  for (const element of kept) {
    const ref = refs.get(element) as PDFRef;
    const firstContent = element.kids.find((kid) => kid.kind === 'content');
    const page = firstContent?.kind === 'content' ? firstContent.page : null;
    let kids = '';
    for (const kid of element.kids) {
      if (kid.kind === 'element') {
        const child = refs.get(kid);
        if (child) kids += `${child} `;
      } else if (kid.kind === 'content') {
        kids +=
          kid.page === page
            ? `${kid.mcid} `
            : `<<\n/Type /MCR\n/Pg ${pageRef(kid.page)}\n/MCID ${kid.mcid}\n>> `;
      } else if (kid.annotation) {
        const key = pages.length + annotations.length;
        kid.annotation.dict.set(N.StructParent, PDFNumber.of(key));
        annotations.push({ key, element: ref });
        kids += `<<\n/Type /OBJR\n/Obj ${kid.annotation.ref}\n/Pg ${pageRef(kid.page)}\n>> `;
      }
    }
    const parent = element.parent ? (refs.get(element.parent) as PDFRef) : rootRef;
    let written = `<<\n/Type /StructElem\n/S /${writtenType(element)}\n/P ${parent}\n/K [ ${kids}]\n`;
    if (page !== null) written += `/Pg ${pageRef(page)}\n`;
    const { lang, actualText, scope, numbering } = element.options;
    if (lang) written += `/Lang ${PDFString.of(lang)}\n`;
    if (actualText) written += `/ActualText ${textString(actualText)}\n`;
    if (numbering) written += `/A <<\n/O /List\n/ListNumbering /${numbering}\n>>\n`;
    else if (scope) written += `/A <<\n/O /Table\n/Scope /${scope}\n>>\n`;
    context.assign(ref, new PdfText(`${written}>>`));
  }

  const nums = PDFArray.withContext(context);
  tree.owners.forEach((owners, index) => {
    if (!owners || owners.length === 0) return;
    const page = pages[index] as (typeof pages)[number];
    page.node.set(N.StructParents, PDFNumber.of(index));
    const byMcid = PDFArray.withContext(context);
    for (const owner of owners) byMcid.push(refs.get(owner) ?? PDFNull);
    nums.push(PDFNumber.of(index));
    nums.push(byMcid);
  });
  for (const { key, element } of annotations) {
    nums.push(PDFNumber.of(key));
    nums.push(element);
  }
  const parentTree = context.register(dict([[N.Nums, nums]]));
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
  for (const page of pages) page.node.set(N.Tabs, N.S);
}

/**
 * An object given as the text it is written as (pdf-lib writes any object as its `toString()`,
 * byte for byte; see `savePdf`), one byte per character as pdf-lib writes strings.
 */
class PdfText extends PDFObject {
  constructor(private readonly text: string) {
    super();
  }

  override clone(): PdfText {
    return this;
  }

  override toString(): string {
    return this.text;
  }

  override sizeInBytes(): number {
    return this.text.length;
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    return copyStringIntoBuffer(this.text, buffer, offset);
  }
}

/** The names written for every element, made once (`PDFName.of` parses its argument). */
const NAMES = ['StructParent', 'StructParents', 'Nums', 'Tabs', 'S'] as const;
const N = Object.fromEntries(NAMES.map((name) => [name, PDFName.of(name)])) as Record<
  (typeof NAMES)[number],
  PDFName
>;

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

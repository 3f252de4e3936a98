import type { PDFDict, PDFOperator, PDFRef } from 'pdf-lib';
import { beginElementContent } from './marked-content';

/** The standard structure types the brief uses (ISO 32000-1, 14.8.4); no role map is needed. */
export type StructType =
  | 'Document'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Link'
  | 'Span'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD';

/** How a list labels its items (the `/ListNumbering` attribute of an `L`). */
export type ListNumbering = 'Decimal' | 'Disc' | 'None';

/** What an element says about itself besides its content. */
export interface ElementOptions {
  /** Language of the element's text when it differs from the document's (`fr`). */
  lang?: string;
  /** Replacement text of the content, e.g. the full name of a label cut with "…". */
  actualText?: string;
  /** Layout attributes of the table and list owners: `Scope` of a header cell, `ListNumbering`. */
  scope?: 'Row' | 'Column';
  numbering?: ListNumbering;
}

/** A marked-content sequence of a page, tied to the element that owns it. */
export interface ContentKid {
  kind: 'content';
  page: number;
  mcid: number;
}

/** A link annotation, tied to its `Link` element; filled in once the annotation exists. */
export interface AnnotationKid {
  kind: 'annotation';
  page: number;
  annotation?: { ref: PDFRef; dict: PDFDict };
}

export type Kid = StructElement | ContentKid | AnnotationKid;

/** One node of the structure tree, with its children in reading order. */
export class StructElement {
  readonly kind = 'element';
  readonly kids: Kid[] = [];

  constructor(
    readonly type: StructType,
    readonly parent: StructElement | null,
    readonly options: ElementOptions = {},
  ) {}
}

/**
 * The logical structure of the brief, built while the page flow draws: elements in reading
 * order, each with the marked-content sequences (per page, by MCID) and link annotations that
 * are its content. Written into the PDF by `writeStructureTree` once every page is drawn, so
 * an element may own content on several pages (an item that continues on the next page stays
 * one `LI`).
 */
export class StructureTree {
  readonly root = new StructElement('Document', null);
  /** Per page, the owner of each MCID (the page's entry in the parent tree). */
  readonly owners: StructElement[][] = [];

  /** Appends a child element to `parent` (in reading order) and returns it. */
  add(parent: StructElement, type: StructType, options: ElementOptions = {}): StructElement {
    const element = new StructElement(type, parent, options);
    parent.kids.push(element);
    return element;
  }

  /**
   * Declares the next marked-content sequence of page `pageIndex` as content of `element`,
   * and returns its opening operator (`/P <</MCID n>> BDC`); close it with `endMarked()`.
   */
  mark(element: StructElement, pageIndex: number): PDFOperator {
    let owners = this.owners[pageIndex];
    if (!owners) {
      owners = [];
      this.owners[pageIndex] = owners;
    }
    const mcid = owners.length;
    owners.push(element);
    element.kids.push({ kind: 'content', page: pageIndex, mcid });
    return beginElementContent(element.type, mcid);
  }

  /** Reserves the place of a link annotation among the kids of its `Link` element. */
  annotation(element: StructElement, pageIndex: number): AnnotationKid {
    const kid: AnnotationKid = { kind: 'annotation', page: pageIndex };
    element.kids.push(kid);
    return kid;
  }
}

/**
 * An element created only when its first content is drawn, so that it takes its place among
 * its parent's kids in drawing order (a link after the text before it) and never exists empty.
 */
export class LazyElement {
  private element: StructElement | null = null;

  constructor(
    private readonly tree: StructureTree,
    private readonly parent: StructElement,
    private readonly type: StructType,
    private readonly options: ElementOptions = {},
  ) {}

  get(): StructElement {
    this.element ??= this.tree.add(this.parent, this.type, this.options);
    return this.element;
  }

  get created(): StructElement | null {
    return this.element;
  }
}

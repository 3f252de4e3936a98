import type { Block, BlockTag, LinkTarget } from './blocks';
import { artifactTag, type ContentTag, elementTag } from './marked-content';
import {
  type AnnotationKid,
  LazyElement,
  type ListNumbering,
  type StructElement,
  type StructureTree,
} from './structure-tree';
import type { Fragment } from './text-layout';

/** A block's role, with the defaults `BlockTag` describes. */
export function tagOf(block: Block): BlockTag {
  if (block.tag) return block.tag;
  if (block.kind === 'graphic') return { type: 'Artifact' };
  return block.label ? { type: 'LI', numbering: 'Disc' } : { type: 'P' };
}

/** Where a block's content goes: its text (an `LI`'s `LBody`) and its label (`Lbl`). */
export interface BlockElements {
  body: StructElement;
  label: StructElement | null;
}

/**
 * Builds the structure tree block by block, in the order the flow places them: one element
 * per block under `Document`, list items gathered into one `L` while they follow each other
 * (with the same numbering), table chunks into one `Table`.
 */
export class BlockStructure {
  private list: { element: StructElement; numbering: ListNumbering } | null = null;
  private table: StructElement | null = null;

  constructor(readonly tree: StructureTree) {}

  /** Opens the elements of `block`; null when the block is an artifact. */
  open(block: Block): BlockElements | null {
    const tag = tagOf(block);
    if (tag.type === 'Artifact') return null;
    const { tree } = this;
    if (tag.type !== 'LI') this.list = null;
    if (tag.type !== 'Table') this.table = null;
    if (tag.type === 'Table') {
      this.table ??= tree.add(tree.root, 'Table');
      return { body: this.table, label: null };
    }
    if (tag.type === 'LI') {
      if (this.list?.numbering !== tag.numbering) {
        const element = tree.add(tree.root, 'L', { numbering: tag.numbering });
        this.list = { element, numbering: tag.numbering };
      }
      const item = tree.add(this.list.element, 'LI');
      const labelled = block.kind === 'paragraph' && block.label;
      const label = labelled ? tree.add(item, 'Lbl') : null;
      return { body: tree.add(item, 'LBody'), label };
    }
    return { body: tree.add(tree.root, tag.type), label: null };
  }
}

/** A link as drawn: its text so far (for its description) and its structure element. */
export interface LinkRecord {
  text: string;
  element: LazyElement;
  tags: PageTags;
}

/** One content tag per page for an element, so that a line's pieces share one sequence. */
class PageTags {
  private readonly tags = new Map<number, ContentTag>();

  constructor(
    private readonly tree: StructureTree,
    private readonly element: () => StructElement,
  ) {}

  on(pageIndex: number): ContentTag {
    let tag = this.tags.get(pageIndex);
    if (!tag) {
      tag = elementTag(this.tree, this.element, pageIndex);
      this.tags.set(pageIndex, tag);
    }
    return tag;
  }
}

/**
 * The content tags of one paragraph's pieces: the label is the `Lbl`'s, plain text the body's,
 * a link run a `Link` element's (one element for the whole run, even when it wraps onto the
 * next line or page) and a run in another language a `Span` with its `/Lang`.
 */
export class ParagraphTags {
  private current: { key: LinkTarget | string; record: LinkRecord } | null = null;
  private readonly artifact = artifactTag();
  private readonly body: PageTags | null = null;
  private readonly label: PageTags | null = null;

  constructor(
    private readonly tree: StructureTree,
    private readonly elements: BlockElements | null,
  ) {
    if (!elements) return;
    const { body, label } = elements;
    this.body = new PageTags(tree, () => body);
    this.label = new PageTags(tree, () => label ?? body);
  }

  labelTag(pageIndex: number): ContentTag {
    return this.label?.on(pageIndex) ?? this.artifact;
  }

  /** The tag of a space between words: the paragraph's own text. */
  space(pageIndex: number): ContentTag {
    return this.body?.on(pageIndex) ?? this.artifact;
  }

  /** The tag of a fragment; call in reading order (it decides where a link run ends). */
  fragment(fragment: Fragment, pageIndex: number): ContentTag {
    if (!this.elements || !this.body) return this.artifact;
    const key = fragment.link ?? fragment.lang;
    if (key === undefined) {
      this.current = null;
      return this.body.on(pageIndex);
    }
    if (this.current?.key !== key) {
      const type = fragment.link ? 'Link' : 'Span';
      const options = fragment.lang ? { lang: fragment.lang } : {};
      const element = new LazyElement(this.tree, this.elements.body, type, options);
      const tags = new PageTags(this.tree, () => element.get());
      this.current = { key, record: { text: '', element, tags } };
    }
    const { record } = this.current;
    record.text += record.text ? ` ${fragment.text}` : fragment.text;
    return record.tags.on(pageIndex);
  }

  /** The link record of the fragment last passed to `fragment`, if it was a link. */
  get link(): LinkRecord | null {
    return this.current && typeof this.current.key !== 'string' ? this.current.record : null;
  }

  /** Reserves a link annotation's place in its element, once the link's text is drawn. */
  annotate(record: LinkRecord, pageIndex: number): AnnotationKid | null {
    const element = record.element.created;
    return element ? this.tree.annotation(element, pageIndex) : null;
  }
}

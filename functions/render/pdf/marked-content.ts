import { PDFOperator, PDFOperatorNames, type PDFPage } from 'pdf-lib';
import type { ElementOptions, StructElement, StructType, StructureTree } from './structure-tree';

/**
 * Marked content: the operators that tie what a page draws to the structure tree (`BDC` with
 * an MCID) or declare it an artifact (running headers, page numbers, rules, shading that
 * repeats a value given as text). Every text and path operator of the brief sits inside one.
 */

/** `/Artifact` kinds: page furniture (`Pagination`, header or footer) and decoration (`Layout`). */
export type ArtifactKind = 'Header' | 'Footer' | 'Layout';

/** `/<type> <</MCID n>> BDC`: opens content of a structure element. */
export function beginElementContent(type: StructType, mcid: number): PDFOperator {
  return PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
    `/${type}`,
    `<</MCID ${mcid}>>`,
  ]);
}

const ARTIFACT_PROPERTIES: Record<ArtifactKind, string> = {
  Header: '<</Type /Pagination /Subtype /Header>>',
  Footer: '<</Type /Pagination /Subtype /Footer>>',
  Layout: '<</Type /Layout>>',
};

/** `/Artifact <<…>> BDC`: opens content that is not part of the document's text. */
export function beginArtifact(kind: ArtifactKind = 'Layout'): PDFOperator {
  return PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
    '/Artifact',
    ARTIFACT_PROPERTIES[kind],
  ]);
}

const EMC = PDFOperator.of(PDFOperatorNames.EndMarkedContent);

/** `EMC`: closes the innermost marked-content sequence (one shared, immutable operator). */
export function endMarked(): PDFOperator {
  return EMC;
}

/** Whatever `draw` puts on the page, as one artifact. */
export function drawArtifact(page: PDFPage, draw: () => void, kind: ArtifactKind = 'Layout') {
  page.pushOperators(beginArtifact(kind));
  draw();
  page.pushOperators(endMarked());
}

/**
 * The owner of a piece of text drawn by `drawLine`: opens its marked-content sequence when the
 * piece is drawn (allocating the MCID then, so elements made on demand keep drawing order).
 */
export interface ContentTag {
  open(): PDFOperator;
}

/** Content of `element` on page `pageIndex`. */
export const elementTag = (
  tree: StructureTree,
  element: () => StructElement,
  pageIndex: number,
): ContentTag => ({ open: () => tree.mark(element(), pageIndex) });

export const artifactTag = (kind: ArtifactKind = 'Layout'): ContentTag => ({
  open: () => beginArtifact(kind),
});

/**
 * What a graphic block's `draw` uses to tag what it draws (the heat map as a table): content
 * of its element, child elements, and artifacts. Inside an artifact block every call just
 * draws, so a graphic can be drawn either way.
 */
export interface GraphicTags {
  /** Draws content of the current element. */
  content(draw: () => void): void;
  /** A child element of the current one; what `build` draws through its tags is the child's. */
  child(type: StructType, options: ElementOptions, build: (tags: GraphicTags) => void): void;
  /** Draws decoration that is no content (shading that repeats a value given as text). */
  artifact(draw: () => void): void;
}

/** Tags drawing on `page` into `element`. */
export function graphicTags(
  tree: StructureTree,
  element: StructElement,
  page: PDFPage,
  pageIndex: number,
): GraphicTags {
  return {
    content(draw) {
      page.pushOperators(tree.mark(element, pageIndex));
      draw();
      page.pushOperators(endMarked());
    },
    child(type, options, build) {
      build(graphicTags(tree, tree.add(element, type, options), page, pageIndex));
    },
    artifact(draw) {
      drawArtifact(page, draw);
    },
  };
}

/** Tags for a graphic drawn whole as an artifact: nothing more is marked inside it. */
export const untaggedGraphic: GraphicTags = {
  content: (draw) => draw(),
  child: (_type, _options, build) => build(untaggedGraphic),
  artifact: (draw) => draw(),
};

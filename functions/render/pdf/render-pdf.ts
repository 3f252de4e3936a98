import { PDFDocument } from 'pdf-lib';
import type { BriefModel } from '../../model/types';
import { type BriefView, buildBriefView } from '../view/brief-view';
import type { Block } from './blocks';
import { FontBook, type PdfFonts } from './font-book';
import { drawPageFurniture } from './furniture';
import { heatmapBlocks } from './heatmap';
import { linkDescriber } from './link-descriptions';
import { addLinkAnnotations } from './links';
import { addOutline } from './outline';
import { flowBlocks } from './page-flow';
import { savePdf } from './save-pdf';
import { actorBlocks } from './section-actors';
import { highlightBlocks, mastheadBlocks } from './section-front';
import { alsoMentionedBlocks, otherLanguageBlocks } from './section-more';
import { rejectedBlocks, sourceBlocks } from './section-sources';
import { themeBlocks } from './section-themes';
import { pageGeometry } from './style';
import { writeStructureTree } from './write-structure';
import { setXmpMetadata } from './xmp-metadata';

export type { PdfFonts } from './font-book';

/**
 * Renders a brief model as a PDF for print (A4, or US Letter when `model.paper` says so): masthead, Key developments, By actor (ending with Also in today's reports), By theme,
 * the actor × theme heat map, In other languages, Sources and Not included, with page numbers, bookmarks, links
 * from citations to sources and (http/https only) web links.
 *
 * Tagged for accessibility (PDF/UA-1): a structure tree in reading order (headings, lists,
 * links with descriptions, the heat map as a table), page furniture as artifacts, the
 * document's language and XMP metadata.
 *
 * Pure: no file system, no clock — the creation date is `model.generatedAt`, so the same model
 * and fonts give the same bytes. Any string content is safe: characters the fonts lack are
 * replaced with U+FFFD, control characters dropped. Throws `ConfigError` only when `fonts` is
 * not three usable TrueType faces (get them with `loadPdfFonts`).
 */
export async function renderPdf(model: BriefModel, fonts: PdfFonts): Promise<Uint8Array> {
  const view = buildBriefView(model);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const book = await FontBook.embed(doc, fonts);
  const geometry = pageGeometry(view.paper);
  const flow = flowBlocks(doc, book, briefBlocks(view, book), geometry);
  const clean = (text: string) => book.clean(text, 'regular');
  addLinkAnnotations(doc, flow.links, flow.anchors, linkDescriber(view));
  addOutline(doc, flow.outline, clean);
  drawPageFurniture(doc.getPages(), view, book, geometry);
  writeStructureTree(doc, flow.structure);
  setMetadata(doc, view, clean);
  return savePdf(doc);
}

/** The whole brief as a flat list of blocks, in reading order. */
function briefBlocks(view: BriefView, book: FontBook): Block[] {
  return [
    ...mastheadBlocks(view),
    ...highlightBlocks(view),
    ...actorBlocks(view),
    ...alsoMentionedBlocks(view),
    ...themeBlocks(view),
    ...heatmapBlocks(view, book),
    ...otherLanguageBlocks(view),
    ...sourceBlocks(view),
    ...rejectedBlocks(view),
  ];
}

/** Document information and the same in XMP; the title is shown in the window's title bar. */
function setMetadata(doc: PDFDocument, view: BriefView, clean: (s: string) => string): void {
  const { model, date } = view;
  const title = clean(`${view.title} — ${date}`);
  doc.setTitle(title, { showInWindowTitleBar: true });
  const subject = clean(
    `Brief of ${date}: ${view.stats.articles} articles from ${view.stats.sources} sources (inputs ${model.inputsHash})`,
  );
  doc.setSubject(subject);
  const keywords = [
    ...(view.handling ? [view.handling] : []),
    ...view.actors.slice(0, 10).map((actor) => actor.name),
    ...view.themes.slice(0, 8).map((theme) => theme.name),
  ].map(clean);
  if (keywords.length) doc.setKeywords(keywords);
  const author = model.author ? clean(model.author) : null;
  if (author) doc.setAuthor(author);
  const [creator, producer, language] = ['daily-brief', 'pdf-lib', 'en'];
  doc.setCreator(creator);
  doc.setProducer(producer);
  doc.setLanguage(language);
  const generated = new Date(model.generatedAt);
  const valid = !Number.isNaN(generated.getTime());
  if (valid) {
    doc.setCreationDate(generated);
    doc.setModificationDate(generated);
  }
  const created = valid ? generated.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
  setXmpMetadata(doc, { title, subject, author, keywords, language, created, creator, producer });
}

import { PDFDocument } from 'pdf-lib';
import type { BriefModel } from '../../model/types';
import { type BriefView, buildBriefView } from '../view/brief-view';
import type { Block } from './blocks';
import { FontBook, type PdfFonts } from './font-book';
import { drawPageFurniture } from './furniture';
import { heatmapBlocks } from './heatmap';
import { addLinkAnnotations } from './links';
import { addOutline } from './outline';
import { flowBlocks } from './page-flow';
import { actorBlocks } from './section-actors';
import { highlightBlocks, mastheadBlocks } from './section-front';
import { alsoMentionedBlocks, otherLanguageBlocks } from './section-more';
import { rejectedBlocks, sourceBlocks } from './section-sources';
import { themeBlocks } from './section-themes';
import { pageGeometry } from './style';

export type { PdfFonts } from './font-book';

/**
 * Renders a brief model as a PDF for print (A4, or US Letter when `model.paper` says so): masthead, Key developments, By actor (ending with Also in today's reports), By theme,
 * the actor × theme heat map, In other languages, Sources and Not included, with page numbers, bookmarks, links
 * from citations to sources and (http/https only) web links.
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
  addLinkAnnotations(doc, flow.links, flow.anchors);
  addOutline(doc, flow.outline, (text) => book.clean(text, 'regular'));
  drawPageFurniture(doc.getPages(), view, book, geometry);
  setMetadata(doc, view, (text) => book.clean(text, 'regular'));
  // One pass: yielding to the event loop every 50 objects only adds latency to a brief.
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
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

function setMetadata(doc: PDFDocument, view: BriefView, clean: (s: string) => string): void {
  const { model, date } = view;
  doc.setTitle(clean(`${view.title} — ${date}`), { showInWindowTitleBar: true });
  doc.setSubject(
    clean(
      `Brief of ${date}: ${view.stats.articles} articles from ${view.stats.sources} sources (inputs ${model.inputsHash})`,
    ),
  );
  const keywords = [
    ...(view.handling ? [view.handling] : []),
    ...view.actors.slice(0, 10).map((actor) => actor.name),
    ...view.themes.slice(0, 8).map((theme) => theme.name),
  ];
  if (keywords.length) doc.setKeywords(keywords.map(clean));
  if (model.author) doc.setAuthor(clean(model.author));
  doc.setCreator('daily-brief');
  doc.setProducer('pdf-lib');
  doc.setLanguage('en');
  const generated = new Date(model.generatedAt);
  if (!Number.isNaN(generated.getTime())) {
    doc.setCreationDate(generated);
    doc.setModificationDate(generated);
  }
}

import type { Renderers } from '../model/types';
import { loadTemplates } from '../render/html/load-templates';
import { renderHtml } from '../render/html/render-html';
import { loadPdfFonts } from '../render/pdf/load-fonts';
import { renderPdf } from '../render/pdf/render-pdf';
import type { RuntimeConfig } from './config';

/** The HTML and PDF renderers, with the templates and fonts read once (per process or cold start). */
export function makeRenderers(config: RuntimeConfig): Renderers {
  const templates = loadTemplates(config.templatesDir);
  const fonts = loadPdfFonts(config.root);
  return {
    html: (model) => renderHtml(model, templates),
    pdf: (model) => renderPdf(model, fonts),
  };
}

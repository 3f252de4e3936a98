import type { PipelineDeps } from '../pipeline/pipeline-deps';
import { loadReference } from '../reference/load-reference';
import { loadTemplates } from '../render/html/load-templates';
import { renderHtml } from '../render/html/render-html';
import { loadPdfFonts } from '../render/pdf/load-fonts';
import { renderPdf } from '../render/pdf/render-pdf';
import type { Store } from '../store/store';
import type { RuntimeConfig } from './config';
import { logger } from './log';

/**
 * Wires the pipeline: reads the reference data, templates and fonts once (per process or cold
 * start) and pairs them with the given store.
 */
export function makeDeps(
  config: RuntimeConfig,
  store: Store,
  clock: () => Date = () => new Date(),
): PipelineDeps {
  const reference = loadReference({
    root: config.root,
    actorsFile: config.actorsFile,
    themesFile: config.themesFile,
  });
  const templates = loadTemplates(config.templatesDir);
  const fonts = loadPdfFonts(config.root);
  return {
    store,
    reference,
    clock,
    settings: config.settings,
    warn: (message, fields) => logger.warn(message, fields),
    renderers: {
      html: (model) => renderHtml(model, templates),
      pdf: (model) => renderPdf(model, fonts),
    },
  };
}

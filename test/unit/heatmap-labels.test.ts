import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BriefModel } from '../../functions/model/types';
import { loadPdfFonts } from '../../functions/render/pdf/load-fonts';
import { renderPdf } from '../../functions/render/pdf/render-pdf';
import { pdfToText } from '../helpers/pdf';
import { reference } from '../helpers/reference';

const base = JSON.parse(readFileSync('test/fixtures/brief-model.json', 'utf8')) as BriefModel;
const fonts = loadPdfFonts(process.cwd());
const themes = reference().themes.map((theme) => ({ id: theme.id, name: theme.label }));

/** The fixture brief with a heat map of the first `columns` themes, every cell filled. */
function withHeatmap(columns: number, longActorName: boolean): BriefModel {
  const model = structuredClone(base);
  if (longActorName && model.heatmap.actors[0])
    model.heatmap.actors[0].name = 'Shanghai Cooperation Organisation';
  model.heatmap.themes = themes.slice(0, columns);
  model.heatmap.cells = model.heatmap.actors.flatMap((actor) =>
    model.heatmap.themes.map((theme) => ({ actor: actor.id, theme: theme.id, count: 2 })),
  );
  return model;
}

/** The heat map's part of the PDF as read back, from its heading to the next section. */
function heatmapText(text: string): string {
  const start = text.lastIndexOf('Actors × themes');
  return text.slice(start, text.indexOf('Sources', start));
}

describe('the PDF heat map’s column headers', () => {
  // With a long actor name the label column is wide and the theme columns narrow: before, a
  // header like "Governance" was broken inside the word ("Governanc e").
  for (const longActorName of [false, true])
    for (const columns of [3, 5, 7, 8, 9])
      it(`never break inside a word (${columns} themes${longActorName ? ', a long actor name' : ''})`, async () => {
        const text = heatmapText(
          pdfToText(await renderPdf(withHeatmap(columns, longActorName), fonts)),
        );
        const read = new Set(text.split(/[^\p{L}]+/u).filter(Boolean));
        for (const theme of themes.slice(0, columns))
          for (const word of theme.name.split(/\s+/)) expect(read, theme.name).toContain(word);
      });
});

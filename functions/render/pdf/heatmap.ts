import { degrees, type PDFPage } from 'pdf-lib';
import type { BriefModel } from '../../model/types';
import { type Block, type GraphicBlock, run, sectionHeading, smallParagraph } from './blocks';
import type { FontBook } from './font-book';
import { cellCounts, cellKey, type ShadeScale, shadeScale } from './heatmap-scale';
import { COLORS, CONTENT_HEIGHT, CONTENT_WIDTH } from './style';
import { fitText, layoutRuns } from './text-layout';

type Named = { id: string; name: string };

/** Sizes of the grid, fixed once so every chunk of rows lines up with the others. */
interface Grid {
  labelWidth: number;
  colWidth: number;
  headerHeight: number;
  /** Theme labels: up to three horizontal lines each, or one vertical line when columns are narrow. */
  columnLabels: string[][];
  vertical: boolean;
}

const LABEL_SIZE = 7.5;
const ROW_HEIGHT = 15;
const MAX_COL_WIDTH = 64;
/** Narrower columns get their labels turned a quarter turn. */
const MIN_HORIZONTAL_COL = 44;
const MAX_HEADER_LINES = 3;
/** Height kept free above a chunk so the first one fits one page with the heading and legend. */
const HEADING_AND_LEGEND = 70;

/**
 * "Actors × themes" as a shaded grid drawn with vector rectangles: rows are actors, columns
 * themes, darker means more sentences about both. Long actor lists are cut into chunks that
 * each fit a page and repeat the column labels.
 */
export function heatmapBlocks(model: BriefModel, book: FontBook): Block[] {
  const blocks: Block[] = [sectionHeading('Actors × themes')];
  const { actors, themes } = model.heatmap;
  if (actors.length === 0 || themes.length === 0) {
    blocks.push(smallParagraph([run('No actor–theme data in this edition.', 'italic')]));
    return blocks;
  }
  const counts = cellCounts(model.heatmap);
  const scale = shadeScale(Math.max(0, ...counts.values()));
  const grid = measureGrid(actors, themes, book);
  blocks.push({
    kind: 'graphic',
    height: 16,
    spaceAfter: 4,
    keepWithNext: true,
    draw: legend(scale, book),
  });
  const room = CONTENT_HEIGHT - grid.headerHeight - HEADING_AND_LEGEND;
  const chunks = Math.ceil(actors.length / Math.max(1, Math.floor(room / ROW_HEIGHT)));
  const perChunk = Math.ceil(actors.length / chunks);
  for (let i = 0; i < actors.length; i += perChunk) {
    const rows = actors.slice(i, i + perChunk);
    blocks.push(
      chunkBlock(
        rows,
        themes,
        grid,
        (a, t) => scale.color(scale.levelOf(counts.get(cellKey(a, t)) ?? 0)),
        book,
      ),
    );
  }
  return blocks;
}

function measureGrid(actors: Named[], themes: Named[], book: FontBook): Grid {
  const names = actors.map((a) =>
    book.width(book.clean(a.name || a.id, 'regular'), 'regular', LABEL_SIZE),
  );
  const labelWidth = Math.max(60, Math.min(Math.max(...names) + 10, CONTENT_WIDTH * 0.32));
  const colWidth = Math.min(MAX_COL_WIDTH, (CONTENT_WIDTH - labelWidth) / themes.length);
  const vertical = colWidth < MIN_HORIZONTAL_COL;
  if (vertical) {
    const columnLabels = themes.map((t) => [
      fitText(t.name || t.id, 'regular', LABEL_SIZE, 100, book),
    ]);
    const longest = Math.max(
      ...columnLabels.map(([l]) => book.width(l ?? '', 'regular', LABEL_SIZE)),
    );
    return { labelWidth, colWidth, columnLabels, vertical, headerHeight: longest + 8 };
  }
  const columnLabels = themes.map((t) => wrapLabel(t.name || t.id, colWidth - 4, book));
  const lines = Math.max(...columnLabels.map((l) => l.length));
  return {
    labelWidth,
    colWidth,
    columnLabels,
    vertical,
    headerHeight: lines * (LABEL_SIZE + 1.5) + 5,
  };
}

function wrapLabel(text: string, width: number, book: FontBook): string[] {
  const lines = layoutRuns([run(text)], LABEL_SIZE, width, book).map((l) =>
    l.fragments.map((f) => f.text).join(' '),
  );
  if (lines.length <= MAX_HEADER_LINES) return lines;
  const rest = lines.slice(MAX_HEADER_LINES - 1).join(' ');
  return [
    ...lines.slice(0, MAX_HEADER_LINES - 1),
    fitText(rest, 'regular', LABEL_SIZE, width, book),
  ];
}

function chunkBlock(
  rows: Named[],
  themes: Named[],
  grid: Grid,
  shade: (actor: string, theme: string) => ReturnType<ShadeScale['color']>,
  book: FontBook,
): GraphicBlock {
  const font = book.font('regular');
  const text = (page: PDFPage, value: string, x: number, y: number, rotate = 0) =>
    page.drawText(value, {
      x,
      y,
      size: LABEL_SIZE,
      font,
      color: COLORS.text,
      rotate: degrees(rotate),
    });
  const draw = (page: PDFPage, x: number, top: number) => {
    const gridLeft = x + grid.labelWidth;
    grid.columnLabels.forEach((lines, j) => {
      const colLeft = gridLeft + j * grid.colWidth;
      if (grid.vertical) {
        text(
          page,
          lines[0] ?? '',
          colLeft + grid.colWidth / 2 + LABEL_SIZE * 0.35,
          top - grid.headerHeight + 4,
          90,
        );
        return;
      }
      const bottom = top - grid.headerHeight + 4;
      lines.forEach((line, k) => {
        const width = book.width(line, 'regular', LABEL_SIZE);
        const y = bottom + (lines.length - 1 - k) * (LABEL_SIZE + 1.5);
        text(page, line, colLeft + (grid.colWidth - width) / 2, y);
      });
    });
    rows.forEach((actor, i) => {
      const rowTop = top - grid.headerHeight - i * ROW_HEIGHT;
      const label = fitText(
        actor.name || actor.id,
        'regular',
        LABEL_SIZE,
        grid.labelWidth - 8,
        book,
      );
      text(page, label, x, rowTop - ROW_HEIGHT / 2 - LABEL_SIZE * 0.35);
      themes.forEach((theme, j) => {
        const color = shade(actor.id, theme.id);
        const cellX = gridLeft + j * grid.colWidth + 0.75;
        page.drawRectangle({
          x: cellX,
          y: rowTop - ROW_HEIGHT + 0.75,
          width: grid.colWidth - 1.5,
          height: ROW_HEIGHT - 1.5,
          color,
        });
      });
    });
  };
  return {
    kind: 'graphic',
    height: grid.headerHeight + rows.length * ROW_HEIGHT,
    spaceAfter: 8,
    draw,
  };
}

/** Swatches with the count band each shade stands for. */
function legend(scale: ShadeScale, book: FontBook) {
  const font = book.font('regular');
  const size = LABEL_SIZE;
  return (page: PDFPage, x: number, top: number) => {
    const baseline = top - 11;
    const intro = 'Sentences naming both the actor and the theme:';
    page.drawText(intro, { x, y: baseline, size, font, color: COLORS.muted });
    let cursor = x + book.width(intro, 'regular', size) + 8;
    for (let level = 0; level <= scale.levels; level++) {
      page.drawRectangle({
        x: cursor,
        y: baseline - 1.5,
        width: 11,
        height: 9,
        color: scale.color(level),
      });
      const label = scale.label(level);
      page.drawText(label, { x: cursor + 14, y: baseline, size, font, color: COLORS.muted });
      cursor += 14 + book.width(label, 'regular', size) + 10;
    }
  };
}

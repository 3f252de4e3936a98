import { degrees, type PDFPage, type RGB, rgb } from 'pdf-lib';
import type { BriefView } from '../view/brief-view';
import type { HeatmapView } from '../view/heatmap-view';
import { type Block, type GraphicBlock, run, sectionHeading, smallParagraph } from './blocks';
import type { FontBook } from './font-book';
import { COLORS, CONTENT_HEIGHT, CONTENT_WIDTH } from './style';
import { fitText, layoutRuns } from './text-layout';

type Named = { id: string; name: string };

/** Grey-blue ramp from the lightest to the darkest shade, readable on a poor printer. */
const LIGHT = [0.84, 0.9, 0.96] as const;
const DARK = [0.05, 0.17, 0.37] as const;
const EMPTY_CELL = rgb(0.955, 0.96, 0.965);

/** The colour of a shade level of the view's scale: the ramp is spread over the levels in use. */
function shadeColor(level: number, levels: number): RGB {
  if (level <= 0) return EMPTY_CELL;
  const t = levels > 1 ? (level - 1) / (levels - 1) : 1;
  const mix = (i: 0 | 1 | 2) => LIGHT[i] + (DARK[i] - LIGHT[i]) * t;
  return rgb(mix(0), mix(1), mix(2));
}

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
export function heatmapBlocks(view: BriefView, book: FontBook): Block[] {
  const blocks: Block[] = [sectionHeading('Actors × themes')];
  const heatmap = view.heatmap;
  if (!heatmap) {
    blocks.push(smallParagraph([run('No actor–theme data in this edition.', 'italic')]));
    return blocks;
  }
  const { rows: actors, columns: themes } = heatmap;
  const grid = measureGrid(actors, themes, book);
  blocks.push({
    kind: 'graphic',
    height: 16,
    spaceAfter: 4,
    keepWithNext: true,
    draw: legend(heatmap, book),
  });
  const room = CONTENT_HEIGHT - grid.headerHeight - HEADING_AND_LEGEND;
  const chunks = Math.ceil(actors.length / Math.max(1, Math.floor(room / ROW_HEIGHT)));
  const perChunk = Math.ceil(actors.length / chunks);
  for (let i = 0; i < actors.length; i += perChunk) {
    const rows = heatmap.cells.filter((cell) => cell.row >= i && cell.row < i + perChunk);
    const colors = rows.map((cell) => shadeColor(cell.level, heatmap.levels));
    blocks.push(chunkBlock(actors.slice(i, i + perChunk), themes, grid, colors, book));
  }
  return blocks;
}

function measureGrid(actors: Named[], themes: Named[], book: FontBook): Grid {
  const names = actors.map((a) => book.width(book.clean(a.name, 'regular'), 'regular', LABEL_SIZE));
  const labelWidth = Math.max(60, Math.min(Math.max(...names) + 10, CONTENT_WIDTH * 0.32));
  const colWidth = Math.min(MAX_COL_WIDTH, (CONTENT_WIDTH - labelWidth) / themes.length);
  const vertical = colWidth < MIN_HORIZONTAL_COL;
  if (vertical) {
    const columnLabels = themes.map((t) => [fitText(t.name, 'regular', LABEL_SIZE, 100, book)]);
    const longest = Math.max(
      ...columnLabels.map(([l]) => book.width(l ?? '', 'regular', LABEL_SIZE)),
    );
    return { labelWidth, colWidth, columnLabels, vertical, headerHeight: longest + 8 };
  }
  const columnLabels = themes.map((t) => wrapLabel(t.name, colWidth - 4, book));
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

/** Rows of the grid with their cells' colours, row by row as the view lists the cells. */
function chunkBlock(
  rows: Named[],
  themes: Named[],
  grid: Grid,
  colors: RGB[],
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
      const label = fitText(actor.name, 'regular', LABEL_SIZE, grid.labelWidth - 8, book);
      text(page, label, x, rowTop - ROW_HEIGHT / 2 - LABEL_SIZE * 0.35);
      themes.forEach((_theme, j) => {
        const color = colors[i * themes.length + j] ?? EMPTY_CELL;
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
function legend(heatmap: HeatmapView, book: FontBook) {
  const font = book.font('regular');
  const size = LABEL_SIZE;
  return (page: PDFPage, x: number, top: number) => {
    const baseline = top - 11;
    const intro = 'Sentences naming both the actor and the theme:';
    page.drawText(intro, { x, y: baseline, size, font, color: COLORS.muted });
    let cursor = x + book.width(intro, 'regular', size) + 8;
    for (const { level, label } of heatmap.legend) {
      page.drawRectangle({
        x: cursor,
        y: baseline - 1.5,
        width: 11,
        height: 9,
        color: shadeColor(level, heatmap.levels),
      });
      page.drawText(label, { x: cursor + 14, y: baseline, size, font, color: COLORS.muted });
      cursor += 14 + book.width(label, 'regular', size) + 10;
    }
  };
}

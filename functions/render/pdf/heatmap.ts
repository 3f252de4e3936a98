import { degrees, type PDFPage, type RGB, rgb } from 'pdf-lib';
import type { BriefView } from '../view/brief-view';
import type { HeatCellView, HeatmapView } from '../view/heatmap-view';
import { type Block, type GraphicBlock, run, sectionHeading, smallParagraph } from './blocks';
import { drawLine } from './draw-line';
import { needsShaping } from './fast-layout';
import type { FontBook } from './font-book';
import type { GraphicTags } from './marked-content';
import { COLORS, CONTENT_HEIGHT, CONTENT_WIDTH } from './style';

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
  /**
   * Theme labels: up to three horizontal lines each, broken only at spaces, or one vertical
   * line when a word would not fit a column even at `MIN_LABEL_SIZE`. Never broken inside a
   * word ("Governanc e"); a vertical label too long for `MAX_VERTICAL` ends at a whole word.
   */
  columnLabels: string[][];
  vertical: boolean;
  /** Type size of the column labels: `LABEL_SIZE`, or smaller so that whole words fit. */
  columnSize: number;
}

const LABEL_SIZE = 7.5;
const ROW_HEIGHT = 15;
const MAX_COL_WIDTH = 64;
/** Narrower columns get their labels turned a quarter turn. */
const MIN_HORIZONTAL_COL = 44;
const MAX_HEADER_LINES = 3;
/** Column labels may shrink to this size to keep their words whole on horizontal lines. */
const MIN_LABEL_SIZE = 6;
/** Longest vertical column label, in points; a longer one is cut after a whole word. */
const MAX_VERTICAL = 110;
/** Height kept free above a chunk so the first one fits one page with the heading and legend. */
const HEADING_AND_LEGEND = 70;

/**
 * "Actors × themes" as a shaded grid drawn with vector rectangles: rows are actors, columns
 * themes, darker means more sentences about both. Long actor lists are cut into chunks that
 * each fit a page and repeat the column labels. Tagged as one table: a header row of themes
 * (`TH`, column scope), then a row per actor (`TH`, row scope) whose cells (`TD`) hold the
 * count as text, written invisibly over the shade, which is an artifact; the labels repeated
 * over later chunks are artifacts too.
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
    tag: { type: 'P' },
  });
  const room = CONTENT_HEIGHT - grid.headerHeight - HEADING_AND_LEGEND;
  const chunks = Math.ceil(actors.length / Math.max(1, Math.floor(room / ROW_HEIGHT)));
  const perChunk = Math.ceil(actors.length / chunks);
  for (let i = 0; i < actors.length; i += perChunk) {
    const cells = heatmap.cells.filter((cell) => cell.row >= i && cell.row < i + perChunk);
    const chunk = { rows: actors.slice(i, i + perChunk), cells, first: i === 0 };
    blocks.push(chunkBlock(chunk, themes, grid, heatmap.levels, book));
  }
  return blocks;
}

function measureGrid(actors: Named[], themes: Named[], book: FontBook): Grid {
  const names = actors.map((a) => book.width(book.clean(a.name, 'regular'), 'regular', LABEL_SIZE));
  const labelWidth = Math.max(60, Math.min(Math.max(...names) + 10, CONTENT_WIDTH * 0.32));
  const colWidth = Math.min(MAX_COL_WIDTH, (CONTENT_WIDTH - labelWidth) / themes.length);
  const room = colWidth - 4;
  const columnSize = colWidth < MIN_HORIZONTAL_COL ? null : horizontalSize(themes, room, book);
  if (columnSize === null) {
    const columnLabels = themes.map((t) => [fitWords(t.name, LABEL_SIZE, MAX_VERTICAL, book)]);
    const longest = Math.max(
      ...columnLabels.map(([l]) => book.width(l ?? '', 'regular', LABEL_SIZE)),
    );
    return {
      labelWidth,
      colWidth,
      columnLabels,
      vertical: true,
      columnSize: LABEL_SIZE,
      headerHeight: longest + 8,
    };
  }
  const columnLabels = themes.map((t) => wrapAtSpaces(t.name, columnSize, room, book));
  const lines = Math.max(...columnLabels.map((l) => l.length));
  return {
    labelWidth,
    colWidth,
    columnLabels,
    vertical: false,
    columnSize,
    headerHeight: lines * (columnSize + 1.5) + 5,
  };
}

/**
 * The largest size, from `LABEL_SIZE` down to `MIN_LABEL_SIZE`, at which every word of every
 * label fits `width` and every label takes at most `MAX_HEADER_LINES` lines; null when none
 * does (the labels are then set vertically).
 */
function horizontalSize(themes: Named[], width: number, book: FontBook): number | null {
  for (let size = LABEL_SIZE; size >= MIN_LABEL_SIZE; size -= 0.25) {
    const fits = themes.every((theme) => {
      const words = book.clean(theme.name, 'regular').split(/\s+/).filter(Boolean);
      if (words.some((word) => book.width(word, 'regular', size) > width)) return false;
      return wrapAtSpaces(theme.name, size, width, book).length <= MAX_HEADER_LINES;
    });
    if (fits) return size;
  }
  return null;
}

/** A label on lines of at most `width`, broken only at spaces (a word wider stays whole). */
function wrapAtSpaces(text: string, size: number, width: number, book: FontBook): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of book.clean(text, 'regular').split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && book.width(candidate, 'regular', size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** The label cut after its last whole word that fits `width`, with "…"; whole if it fits. */
function fitWords(text: string, size: number, width: number, book: FontBook): string {
  const clean = book.clean(text, 'regular').trim();
  if (book.width(clean, 'regular', size) <= width) return clean;
  const words = clean.split(/\s+/);
  let out = words[0] ?? '';
  for (const word of words.slice(1)) {
    if (book.width(`${out} ${word}…`, 'regular', size) > width) break;
    out = `${out} ${word}`;
  }
  return `${out}…`;
}

/** Rows of the grid with their cells, row by row as the view lists them. */
interface Chunk {
  rows: Named[];
  cells: HeatCellView[];
  /** The first chunk's column labels are the table's header row; later ones repeat them. */
  first: boolean;
}

/** The full text of a label drawn cut short, as the header cell's replacement text. */
const fullText = (drawn: string, full: string, book: FontBook) => {
  const clean = book.clean(full, 'regular').trim();
  return drawn === clean ? {} : { actualText: clean };
};

function chunkBlock(
  chunk: Chunk,
  themes: Named[],
  grid: Grid,
  levels: number,
  book: FontBook,
): GraphicBlock {
  const font = book.font('regular');
  const text = (
    page: PDFPage,
    value: string,
    x: number,
    y: number,
    rotate = 0,
    size = LABEL_SIZE,
  ) =>
    page.drawText(value, {
      x,
      y,
      size,
      font,
      color: COLORS.text,
      rotate: degrees(rotate),
    });
  /** Text that screen readers and copying get but the page does not show (over a shade). */
  const hidden = (page: PDFPage, value: string, x: number, y: number) =>
    drawLine(page, [{ text: value, font, color: COLORS.text, x }], y, LABEL_SIZE, {
      invisible: true,
    });
  /** A column's label, each line drawn through `mark` (one marked sequence per line). */
  const columnLabel = (
    page: PDFPage,
    lines: string[],
    colLeft: number,
    top: number,
    mark: (draw: () => void) => void,
  ) => {
    if (grid.vertical) {
      const x = colLeft + grid.colWidth / 2 + LABEL_SIZE * 0.35;
      mark(() => text(page, lines[0] ?? '', x, top - grid.headerHeight + 4, 90));
      return;
    }
    const bottom = top - grid.headerHeight + 4;
    const size = grid.columnSize;
    lines.forEach((line, k) => {
      const width = book.width(line, 'regular', size);
      const y = bottom + (lines.length - 1 - k) * (size + 1.5);
      // A trailing space (not drawn) keeps the words of two lines apart for a screen reader.
      const value = k < lines.length - 1 && !needsShaping(line) ? `${line} ` : line;
      mark(() => text(page, value, colLeft + (grid.colWidth - width) / 2, y, 0, size));
    });
  };
  const draw = (page: PDFPage, x: number, top: number, _width: number, tags: GraphicTags) => {
    const gridLeft = x + grid.labelWidth;
    const columnLeft = (j: number) => gridLeft + j * grid.colWidth;
    if (chunk.first) {
      tags.child('TR', {}, (row) => {
        row.child('TH', { scope: 'Column' }, (cell) =>
          cell.content(() => hidden(page, 'Actor', x, top - grid.headerHeight + 4)),
        );
        grid.columnLabels.forEach((lines, j) => {
          const options = {
            scope: 'Column' as const,
            ...fullText(lines.join(' '), themes[j]?.name ?? '', book),
          };
          row.child('TH', options, (cell) =>
            columnLabel(page, lines, columnLeft(j), top, (draw) => cell.content(draw)),
          );
        });
      });
    } else {
      tags.artifact(() => {
        grid.columnLabels.forEach((lines, j) => {
          columnLabel(page, lines, columnLeft(j), top, (draw) => draw());
        });
      });
    }
    chunk.rows.forEach((actor, i) => {
      const rowTop = top - grid.headerHeight - i * ROW_HEIGHT;
      const baseline = rowTop - ROW_HEIGHT / 2 - LABEL_SIZE * 0.35;
      const label = fitWords(actor.name, LABEL_SIZE, grid.labelWidth - 8, book);
      const cells = chunk.cells.slice(i * themes.length, (i + 1) * themes.length);
      tags.child('TR', {}, (row) => {
        row.child('TH', { scope: 'Row', ...fullText(label, actor.name, book) }, (cell) =>
          cell.content(() => text(page, label, x, baseline)),
        );
        row.artifact(() => {
          themes.forEach((_theme, j) => {
            const level = cells[j]?.level ?? 0;
            page.drawRectangle({
              x: columnLeft(j) + 0.75,
              y: rowTop - ROW_HEIGHT + 0.75,
              width: grid.colWidth - 1.5,
              height: ROW_HEIGHT - 1.5,
              color: shadeColor(level, levels),
            });
          });
        });
        themes.forEach((_theme, j) => {
          const count = String(cells[j]?.count ?? 0);
          const countX =
            columnLeft(j) + (grid.colWidth - book.width(count, 'regular', LABEL_SIZE)) / 2;
          row.child('TD', {}, (cell) => cell.content(() => hidden(page, count, countX, baseline)));
        });
      });
    });
  };
  return {
    kind: 'graphic',
    height: grid.headerHeight + chunk.rows.length * ROW_HEIGHT,
    spaceAfter: 8,
    draw,
    tag: { type: 'Table' },
  };
}

/** Swatches with the count band each shade stands for: a paragraph, its swatches artifacts. */
function legend(heatmap: HeatmapView, book: FontBook) {
  const font = book.font('regular');
  const size = LABEL_SIZE;
  return (page: PDFPage, x: number, top: number, _width: number, tags: GraphicTags) => {
    const baseline = top - 11;
    const intro = 'Sentences naming both the actor and the theme:';
    // Each text ends in a space (not drawn), so that the legend reads as words, not "theme:none".
    const say = (value: string, left: number) =>
      tags.content(() =>
        page.drawText(`${value} `, { x: left, y: baseline, size, font, color: COLORS.muted }),
      );
    say(intro, x);
    let cursor = x + book.width(intro, 'regular', size) + 8;
    for (const { level, label } of heatmap.legend) {
      const left = cursor;
      tags.artifact(() =>
        page.drawRectangle({
          x: left,
          y: baseline - 1.5,
          width: 11,
          height: 9,
          color: shadeColor(level, heatmap.levels),
        }),
      );
      say(label, left + 14);
      cursor += 14 + book.width(label, 'regular', size) + 10;
    }
  };
}

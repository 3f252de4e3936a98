import type { PDFPage } from 'pdf-lib';
import type { BriefView } from '../view/brief-view';
import type { FontBook } from './font-book';
import { drawArtifact } from './marked-content';
import { COLORS, type PageGeometry, pageGeometry, TYPE } from './style';
import { fitText } from './text-layout';

/**
 * Running header (from page 2) and footer on every page: the handling line, "Page X of Y".
 * Drawn after the flow, when the page count is known. A printed page that gets separated from
 * the pile still says what it is, how it must be handled and where it belongs. Both are
 * pagination artifacts: a screen reader skips them, as it skips a web page's repeated chrome.
 */
export function drawPageFurniture(
  pages: PDFPage[],
  view: BriefView,
  book: FontBook,
  PAGE: PageGeometry = pageGeometry('a4'),
): void {
  const size = TYPE.furniture.size;
  const left = PAGE.marginLeft;
  const right = PAGE.width - PAGE.marginRight;
  const running = fitText(`${view.title} — ${view.date}`, 'regular', size, 300, book);
  const handling = view.handling ? fitText(view.handling, 'bold', size, 280, book) : '';
  pages.forEach((page, index) => {
    const bottom = PAGE.furnitureOffset;
    const top = PAGE.height - PAGE.furnitureOffset - size;
    const number = `Page ${index + 1} of ${pages.length}`;
    const numberWidth = book.width(number, 'regular', size);
    const draw = (
      text: string,
      x: number,
      y: number,
      style: 'regular' | 'bold',
      color = COLORS.muted,
    ) => page.drawText(text, { x, y, size, font: book.font(style), color });
    drawArtifact(
      page,
      () => {
        page.drawLine({
          start: { x: left, y: bottom + size + 4 },
          end: { x: right, y: bottom + size + 4 },
          thickness: 0.5,
          color: COLORS.rule,
        });
        draw(number, right - numberWidth, bottom, 'regular');
        if (handling) draw(handling, left, bottom, 'bold', COLORS.handling);
      },
      'Footer',
    );
    if (index === 0) return;
    drawArtifact(
      page,
      () => {
        draw(running, left, top, 'regular');
        if (handling)
          draw(handling, right - book.width(handling, 'bold', size), top, 'bold', COLORS.handling);
      },
      'Header',
    );
  });
}

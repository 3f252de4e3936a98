import type { PDFDocument, PDFPage } from 'pdf-lib';
import { type PageGeometry, pageGeometry } from './style';

/**
 * The current page and the vertical position on it. Owns page creation so every page of the
 * brief has the same size and margins; `y` is the top of the next thing to draw, in PDF points
 * from the bottom edge.
 */
export class PageCursor {
  readonly pages: PDFPage[] = [];
  page: PDFPage;
  y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly geometry: PageGeometry = pageGeometry('a4'),
  ) {
    this.page = this.newPage();
  }

  /** Top of the text area: where the first block of a page starts. */
  get top(): number {
    return this.geometry.height - this.geometry.marginTop;
  }

  get pageIndex(): number {
    return this.pages.length - 1;
  }

  get atTop(): boolean {
    return this.y >= this.top;
  }

  /** Height left above the bottom margin. */
  get remaining(): number {
    return this.y - this.geometry.marginBottom;
  }

  newPage(): PDFPage {
    this.page = this.doc.addPage([this.geometry.width, this.geometry.height]);
    this.pages.push(this.page);
    this.y = this.top;
    return this.page;
  }

  /** Starts a new page unless `height` still fits here (or nothing has been drawn here yet). */
  ensure(height: number): void {
    if (height > this.remaining && !this.atTop) this.newPage();
  }

  /** Moves down by `space`, but never past the bottom margin and never at the top of a page. */
  skip(space: number): void {
    if (!this.atTop) this.y = Math.max(this.y - space, this.geometry.marginBottom);
  }
}

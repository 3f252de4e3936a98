import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDocument, type PDFRawStream } from 'pdf-lib';

/** Writes the PDF to a fresh temp folder, runs `use` on it, and always removes the folder. */
function withPdfFile<T>(bytes: Uint8Array, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'brief-pdf-'));
  try {
    const file = join(dir, 'brief.pdf');
    writeFileSync(file, bytes);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text as poppler's `pdftotext -layout` reads it back: what a reader's copy-paste gets. Pages end with \f. */
export function pdfToText(bytes: Uint8Array): string {
  return withPdfFile(bytes, (file) =>
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
}

/** Page count according to `pdfinfo`, an independent parser of the file. */
export function pdfPageCount(bytes: Uint8Array): number {
  const info = withPdfFile(bytes, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  const match = /^Pages:\s+(\d+)/m.exec(info);
  if (!match) throw new Error(`pdfinfo printed no page count:\n${info}`);
  return Number(match[1]);
}

/** One page rasterised by `pdftoppm -png`, as PNG bytes. */
export function renderPagePng(bytes: Uint8Array, page = 1, dpi = 50): Buffer {
  return withPdfFile(bytes, (file, dir) => {
    const out = join(dir, 'page');
    const args = ['-r', `${dpi}`, '-png', '-f', `${page}`, '-l', `${page}`, '-singlefile'];
    execFileSync('pdftoppm', [...args, file, out]);
    return readFileSync(`${out}.png`);
  });
}

/**
 * Share of dark pixels on a page rendered in grey by `pdftoppm`. Text extraction survives
 * glyphs that a broken font subset draws as nothing; ink on the page does not.
 */
export function pageInk(bytes: Uint8Array, page = 1, dpi = 50): number {
  return withPdfFile(bytes, (file, dir) => {
    const out = join(dir, 'page');
    const args = ['-r', `${dpi}`, '-gray', '-f', `${page}`, '-l', `${page}`, '-singlefile'];
    execFileSync('pdftoppm', [...args, file, out]);
    const pgm = readFileSync(`${out}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not write a binary PGM');
    const pixels = pgm.subarray(header[0].length);
    let dark = 0;
    for (const value of pixels) if (value < 128) dark++;
    return dark / pixels.length;
  });
}

/** A rectangle filled with one colour, as pdf-lib's `drawRectangle` writes it. */
export interface FilledRect {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** "r g b" as written in the content stream. */
  color: string;
}

/** Every filled rectangle of the document, page by page in drawing order. */
export async function pdfFilledRects(bytes: Uint8Array): Promise<FilledRect[]> {
  const doc = await PDFDocument.load(bytes);
  const rect =
    /(\S+ \S+ \S+) rg\n0 w\n\[\] 0 d\n1 0 0 1 (\S+) (\S+) cm\n(?:1 0 0 1 0 0 cm\n)*0 0 m\n0 (\S+) l\n(\S+) \S+ l\n/g;
  return doc.getPages().flatMap((page, index) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
    return streams.flatMap((ref) => {
      const stream = doc.context.lookup(ref) as PDFRawStream;
      const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      return [...text.matchAll(rect)].map((m) => ({
        page: index + 1,
        x: Number(m[2]),
        y: Number(m[3]),
        height: Number(m[4]),
        width: Number(m[5]),
        color: m[1] ?? '',
      }));
    });
  });
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../model/errors';
import type { PdfFonts } from './render-pdf';

const FONT_DIR = ['node_modules', 'dejavu-fonts-ttf', 'ttf'];
const FILES: Record<keyof PdfFonts, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
};

/**
 * Reads the three DejaVu Sans faces the PDF renderer embeds, from the `dejavu-fonts-ttf`
 * package under `root` (the project root, or the folder a bundle ships its fonts in). Kept at
 * the edge so the renderer itself stays pure; call once per cold start and reuse the result.
 * Throws ConfigError naming the missing file and how to get it.
 */
export function loadPdfFonts(root: string): PdfFonts {
  const read = (file: string): Uint8Array => {
    const path = join(root, ...FONT_DIR, file);
    if (!existsSync(path)) {
      throw new ConfigError(
        `${path} not found: run "npm install" (package dejavu-fonts-ttf) or, in a bundle, copy ${FONT_DIR.join('/')}/${file} next to it`,
      );
    }
    return new Uint8Array(readFileSync(path));
  };
  return { regular: read(FILES.regular), bold: read(FILES.bold), italic: read(FILES.italic) };
}

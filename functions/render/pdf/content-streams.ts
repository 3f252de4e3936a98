import { deflateSync } from 'node:zlib';
import { PDFArray, PDFContentStream, type PDFDocument, PDFName, PDFRef } from 'pdf-lib';

/**
 * Writes each page's content stream deflated by zlib instead of pdf-lib's pako (JavaScript):
 * the same operators, a stream of about the same size, in a quarter of the time. Tagging adds
 * a marked-content sequence to every line, and deflating the pages was a third of a long
 * brief's render time. Call last: drawing on a page after this is lost.
 */
export function deflatePageContents(doc: PDFDocument): void {
  const { context } = doc;
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      if (!(ref instanceof PDFRef)) continue;
      const stream = context.lookup(ref);
      if (!(stream instanceof PDFContentStream)) continue;
      const bytes = deflateSync(stream.getUnencodedContents());
      context.assign(ref, context.stream(bytes, { Filter: 'FlateDecode' }));
    }
  }
}

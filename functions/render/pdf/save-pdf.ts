import { deflateSync } from 'node:zlib';
import {
  PDFContentStream,
  type PDFContext,
  PDFCrossRefStream,
  type PDFDict,
  type PDFDocument,
  PDFHeader,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFObjectStream,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFTrailer,
  PDFWriter,
  typedArrayFor,
} from 'pdf-lib';

type IndirectObject = [PDFRef, PDFObject];

const FILTER = PDFName.of('Filter');
const FLATE = PDFName.of('FlateDecode');

/** A stream of `contents` deflated by zlib, under `dict` (which gains `/Filter /FlateDecode`). */
function zlibStream(dict: PDFDict, contents: Uint8Array): PDFRawStream {
  dict.set(FILTER, FLATE);
  return PDFRawStream.of(dict, deflateSync(contents));
}

/**
 * Saves the document as `doc.save({ useObjectStreams: true })` would, except that every stream
 * is deflated by node's zlib instead of pdf-lib's pako (JavaScript, several times slower): page
 * contents, fonts and their Unicode maps, the object streams that hold the structure tree's
 * thousands of small dictionaries, and the cross-reference stream. Also in one pass (pdf-lib
 * yields to the event loop every 50 objects, which only adds latency here) and with object
 * streams of 1,000 objects rather than 50 (fewer, better-compressed streams). Deflating was
 * the largest single cost of a long brief's render. Same objects, same numbers: only the
 * compressed bytes differ, and they are the same from run to run.
 */
export async function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  const { context } = doc;
  // Fonts and ToUnicode maps are deflated when the embedders write them, in flush().
  const pakoFlate = context.flateStream;
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateSync(typedArrayFor(contents)), { ...dict, Filter: 'FlateDecode' });
  try {
    await doc.flush();
  } finally {
    context.flateStream = pakoFlate;
  }
  return ZlibStreamWriter.of(context, 1000).serializeToBuffer();
}

/** pdf-lib's `PDFStreamWriter`, with its streams deflated by zlib (see `savePdf`). */
class ZlibStreamWriter extends PDFWriter {
  private constructor(
    context: PDFContext,
    private readonly objectsPerStream: number,
  ) {
    super(context, Number.POSITIVE_INFINITY);
  }

  static of(context: PDFContext, objectsPerStream: number): ZlibStreamWriter {
    return new ZlibStreamWriter(context, objectsPerStream);
  }

  protected override async computeBufferSize() {
    const { context } = this;
    let objectNumber = context.largestObjectNumber + 1;
    const header = PDFHeader.forVersion(1, 7);
    let size = header.sizeInBytes() + 2;
    const xrefStream = PDFCrossRefStream.create(this.createTrailerDict(), false);
    const written: IndirectObject[] = [];
    const chunks: { ref: PDFRef; objects: IndirectObject[] }[] = [];
    const write = (object: IndirectObject) => {
      written.push(object);
      xrefStream.addUncompressedEntry(object[0], size);
      size += this.computeIndirectObjectSize(object);
    };

    for (const [ref, object] of context.enumerateIndirectObjects()) {
      const alone =
        ref === context.trailerInfo.Encrypt ||
        object instanceof PDFStream ||
        object instanceof PDFInvalidObject ||
        ref.generationNumber !== 0;
      if (alone) {
        // Page contents are kept as operators until now; everything else is already encoded.
        const stream =
          object instanceof PDFContentStream
            ? zlibStream(object.dict.clone(context), object.getUnencodedContents())
            : object;
        write([ref, stream]);
        continue;
      }
      let chunk = chunks[chunks.length - 1];
      if (!chunk || chunk.objects.length % this.objectsPerStream === 0) {
        chunk = { ref: PDFRef.of(objectNumber++), objects: [] };
        chunks.push(chunk);
      }
      xrefStream.addCompressedEntry(ref, chunk.ref, chunk.objects.length);
      chunk.objects.push([ref, object]);
    }

    for (const { ref, objects } of chunks) {
      const objectStream = PDFObjectStream.withContextAndObjects(context, objects, false);
      write([ref, zlibStream(objectStream.dict, objectStream.getUnencodedContents())]);
    }

    const xrefRef = PDFRef.of(objectNumber++);
    xrefStream.dict.set(PDFName.of('Size'), PDFNumber.of(objectNumber));
    xrefStream.addUncompressedEntry(xrefRef, size);
    const xrefOffset = size;
    xrefStream.updateDict(); // /W and /Index, from the entries now complete
    const xref = zlibStream(xrefStream.dict, xrefStream.getUnencodedContents());
    size += this.computeIndirectObjectSize([xrefRef, xref]);
    written.push([xrefRef, xref]);

    const trailer = PDFTrailer.forLastCrossRefSectionOffset(xrefOffset);
    size += trailer.sizeInBytes();
    return { size, header, indirectObjects: written, trailer };
  }
}

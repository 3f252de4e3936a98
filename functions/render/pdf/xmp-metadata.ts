import { type PDFDocument, PDFName } from 'pdf-lib';

/** What the XMP packet says about the brief; the same values as the document information. */
export interface XmpFields {
  title: string;
  subject: string;
  author: string | null;
  keywords: string[];
  language: string;
  /** ISO time; left out when absent (the output must not depend on the clock). */
  created: string | null;
  creator: string;
  producer: string;
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/**
 * The catalog's `/Metadata` stream: an XMP packet with the title (`dc:title`, which PDF/UA
 * requires and viewers show), description, author, keywords, language, dates, tools and the
 * PDF/UA identification (`pdfuaid:part 1`). Written uncompressed, as XMP readers expect.
 */
export function setXmpMetadata(doc: PDFDocument, fields: XmpFields): void {
  const xml = xmpPacket(fields);
  const stream = doc.context.stream(new TextEncoder().encode(xml), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

export function xmpPacket(fields: XmpFields): string {
  const e = escapeXml;
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(fields.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(fields.subject)}</rdf:li></rdf:Alt></dc:description>`,
    ...(fields.author
      ? [`<dc:creator><rdf:Seq><rdf:li>${e(fields.author)}</rdf:li></rdf:Seq></dc:creator>`]
      : []),
    ...(fields.keywords.length
      ? [
          `<dc:subject><rdf:Bag>${fields.keywords.map((k) => `<rdf:li>${e(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`,
          `<pdf:Keywords>${e(fields.keywords.join(' '))}</pdf:Keywords>`,
        ]
      : []),
    `<dc:language><rdf:Bag><rdf:li>${e(fields.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Producer>${e(fields.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${e(fields.creator)}</xmp:CreatorTool>`,
    ...(fields.created
      ? [
          `<xmp:CreateDate>${fields.created}</xmp:CreateDate>`,
          `<xmp:ModifyDate>${fields.created}</xmp:ModifyDate>`,
          `<xmp:MetadataDate>${fields.created}</xmp:MetadataDate>`,
        ]
      : []),
    '<pdfuaid:part>1</pdfuaid:part>',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ];
  return lines.join('\n');
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  type PDFPage,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';

/** Output of `pdfinfo` with extra arguments (`-struct-text`, `-meta`) run on the PDF. */
export function pdfinfo(bytes: Uint8Array, ...args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'brief-pdfinfo-'));
  try {
    const file = join(dir, 'brief.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdfinfo', [...args, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An element of the structure tree as `pdfinfo -struct-text` prints it. */
export interface StructNode {
  type: string;
  /** Attribute lines as printed ("/Scope /Column"). */
  attributes: string[];
  /** Marked content (each sequence's text, as printed) and child elements, in reading order. */
  kids: (StructNode | string)[];
  /** Object references among the kids (link annotations, `OBJR`). */
  objects: number;
}

/** The structure tree of a tagged PDF as poppler reads it (`pdfinfo -struct-text`). */
export function structTree(bytes: Uint8Array): StructNode {
  const root: StructNode = { type: '(root)', attributes: [], kids: [], objects: 0 };
  const stack: { indent: number; node: StructNode }[] = [{ indent: -2, node: root }];
  let last: StructNode = root;
  for (const line of pdfinfo(bytes, '-struct-text').split('\n')) {
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    if (content.startsWith('/')) {
      last.attributes.push(content);
      continue;
    }
    while ((stack.at(-1)?.indent ?? -2) >= indent) stack.pop();
    const parent = stack.at(-1)?.node ?? root;
    if (content.startsWith('"') && content.endsWith('"') && content.length >= 2) {
      parent.kids.push(content.slice(1, -1));
    } else if (/^Object \d+ \d+$/.test(content)) {
      parent.objects += 1;
    } else {
      const node: StructNode = {
        type: content.split(/[\s:(]/)[0] ?? content,
        attributes: [],
        kids: [],
        objects: 0,
      };
      parent.kids.push(node);
      stack.push({ indent, node });
      last = node;
    }
  }
  const document = root.kids[0];
  if (!document || typeof document === 'string') throw new Error('pdfinfo printed no structure');
  return document;
}

/** Child elements of a node. */
export const elements = (node: StructNode): StructNode[] =>
  node.kids.filter((kid): kid is StructNode => typeof kid !== 'string');

/** All elements below `node`, depth first, in reading order. */
export function descendants(node: StructNode): StructNode[] {
  return elements(node).flatMap((kid) => [kid, ...descendants(kid)]);
}

/** The text of a node and its descendants, in reading order. */
export function textOf(node: StructNode): string {
  return node.kids.map((kid) => (typeof kid === 'string' ? kid : textOf(kid))).join('');
}

/** Where each page's content stream puts text and paint, as marked content or not. */
export interface ContentAudit {
  /** Text or painting operators outside both a tagged sequence (MCID) and an artifact. */
  unmarked: string[];
  /** Marked-content problems: an MCID inside another, an EMC without a BDC, a sequence left open. */
  nesting: string[];
  /** The MCIDs each page's content uses, in content order. */
  mcids: number[][];
  /** Text-showing operators inside artifacts, per page. */
  artifactTexts: number[];
}

const TEXT_OPS = new Set(['Tj', 'TJ', "'", '"']);
const PAINT_OPS = new Set(['f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'sh', 'Do']);
const TOKEN =
  /<<|>>|\[|\]|<[0-9A-Fa-f\s]*>|\((?:\\[\s\S]|[^\\)])*\)|\/[^\s/[\]()<>{}%]*|[^\s/[\]()<>{}%]+/g;

/**
 * Reads every page's content stream and checks that everything drawn is either content of a
 * structure element (inside `BDC` with an MCID) or an artifact (`/Artifact BMC|BDC`): the
 * PDF/UA rule that no content is left untagged (Matterhorn checkpoint 01-005).
 */
export async function auditContent(bytes: Uint8Array): Promise<ContentAudit> {
  const doc = await PDFDocument.load(bytes);
  const audit: ContentAudit = { unmarked: [], nesting: [], mcids: [], artifactTexts: [] };
  doc.getPages().forEach((page, index) => {
    const text = pageContent(doc, page);
    const stack: ('artifact' | 'tagged' | 'other')[] = [];
    const mcids: number[] = [];
    let artifactTexts = 0;
    let operands: string[] = [];
    for (const [token] of text.matchAll(TOKEN)) {
      const isOperand = /^[-+.\d]/.test(token) || /^[/<([\]]|^>>$/.test(token);
      if (isOperand || token === 'true' || token === 'false' || token === 'null') {
        operands.push(token);
        continue;
      }
      const where = `page ${index + 1}: ${token}`;
      if (token === 'BDC' || token === 'BMC') {
        const artifact = operands[0] === '/Artifact';
        const at = operands.indexOf('/MCID');
        if (at >= 0 && !artifact) {
          if (stack.includes('tagged')) audit.nesting.push(`${where} MCID inside another`);
          mcids.push(Number(operands[at + 1]));
        }
        stack.push(artifact ? 'artifact' : at >= 0 ? 'tagged' : 'other');
      } else if (token === 'EMC') {
        if (!stack.pop()) audit.nesting.push(`${where} without BDC`);
      } else if (TEXT_OPS.has(token) || PAINT_OPS.has(token)) {
        const inArtifact = stack.includes('artifact');
        if (!inArtifact && !stack.includes('tagged')) audit.unmarked.push(where);
        if (inArtifact && TEXT_OPS.has(token)) artifactTexts += 1;
      }
      operands = [];
    }
    if (stack.length > 0) audit.nesting.push(`page ${index + 1}: ${stack.length} left open`);
    audit.mcids.push(mcids);
    audit.artifactTexts.push(artifactTexts);
  });
  return audit;
}

/** A page's content streams, decoded and joined. */
function pageContent(doc: PDFDocument, page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
  return streams
    .map((ref) => {
      const stream = doc.context.lookup(ref) as PDFRawStream;
      return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    })
    .join('\n');
}

/**
 * The PDF with every artifact (`/Artifact BMC|BDC … EMC`) cut out of its pages' content:
 * what is left is what the structure tree should account for, word for word.
 */
export async function withoutArtifacts(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  for (const page of doc.getPages()) {
    const text = pageContent(doc, page);
    const cuts: [number, number][] = [];
    const stack: boolean[] = [];
    let operandStart = -1;
    let artifactStart = -1;
    let first: string | undefined;
    for (const match of text.matchAll(TOKEN)) {
      const [token] = match;
      const isOperand = /^[-+.\d]/.test(token) || /^[/<([\]]|^>>$/.test(token);
      if (isOperand) {
        if (operandStart < 0) [operandStart, first] = [match.index, token];
        continue;
      }
      if (token === 'BDC' || token === 'BMC') {
        const artifact = first === '/Artifact';
        if (artifact && !stack.includes(true)) artifactStart = operandStart;
        stack.push(artifact);
      } else if (token === 'EMC') {
        stack.pop();
        if (artifactStart >= 0 && !stack.includes(true)) {
          cuts.push([artifactStart, match.index + token.length]);
          artifactStart = -1;
        }
      }
      operandStart = -1;
      first = undefined;
    }
    let kept = '';
    let from = 0;
    for (const [start, end] of cuts) {
      kept += text.slice(from, start);
      from = end;
    }
    kept += text.slice(from);
    const stream = doc.context.stream(Buffer.from(kept, 'latin1'));
    page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  }
  return doc.save();
}

/** The catalog-level facts of a tagged PDF, read with pdf-lib. */
export interface TaggedFacts {
  marked: boolean;
  lang: string | null;
  displayDocTitle: boolean;
  /** `/Tabs` of each page. */
  tabs: (string | null)[];
  /** Per page: its `/StructParents` entry of the parent tree, as the owners' types by MCID. */
  pageOwners: (string[] | null)[];
  /** Per link annotation: its `/Contents` and the type of the element its `/StructParent` names. */
  links: { contents: string | null; owner: string | null }[];
  /** `/Lang` of structure elements that declare one, with their type. */
  langs: { type: string; lang: string }[];
  /** `/ActualText` of structure elements that declare one. */
  actualTexts: string[];
  /** Structure elements whose `/K` refers to content on another page than their `/Pg`. */
  crossPage: string[];
  xmp: string | null;
}

export async function taggedFacts(bytes: Uint8Array): Promise<TaggedFacts> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { catalog, context } = doc;
  const name = (dict: PDFDict | undefined, key: string) =>
    dict?.lookupMaybe(PDFName.of(key), PDFName)?.asString().slice(1) ?? null;
  const text = (dict: PDFDict | undefined, key: string) => {
    const value = dict?.lookup(PDFName.of(key));
    return value && 'decodeText' in value ? (value as { decodeText(): string }).decodeText() : null;
  };
  const typeOf = (value: unknown) =>
    value instanceof PDFRef ? name(context.lookup(value, PDFDict), 'S') : null;
  const root = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const nums = root
    ?.lookupMaybe(PDFName.of('ParentTree'), PDFDict)
    ?.lookupMaybe(PDFName.of('Nums'), PDFArray);
  const parentTree = new Map<number, unknown>();
  const entries = nums?.asArray() ?? [];
  for (let i = 0; i + 1 < entries.length; i += 2) {
    parentTree.set((entries[i] as PDFNumber).asNumber(), entries[i + 1]);
  }
  const facts: TaggedFacts = {
    marked:
      catalog
        .lookupMaybe(PDFName.of('MarkInfo'), PDFDict)
        ?.get(PDFName.of('Marked'))
        ?.toString() === 'true',
    lang: text(catalog, 'Lang'),
    displayDocTitle:
      catalog
        .lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict)
        ?.get(PDFName.of('DisplayDocTitle'))
        ?.toString() === 'true',
    tabs: [],
    pageOwners: [],
    links: [],
    langs: [],
    actualTexts: [],
    crossPage: [],
    xmp: null,
  };
  for (const page of doc.getPages()) {
    facts.tabs.push(name(page.node, 'Tabs'));
    const key = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
    const owners = key === undefined ? undefined : parentTree.get(key);
    facts.pageOwners.push(
      owners instanceof PDFArray ? owners.asArray().map((ref) => typeOf(ref) ?? '?') : null,
    );
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots?.lookup(i, PDFDict);
      const parent = annot?.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber();
      facts.links.push({
        contents: text(annot, 'Contents'),
        owner: parent === undefined ? null : typeOf(parentTree.get(parent)),
      });
    }
  }
  const walk = (ref: unknown) => {
    if (!(ref instanceof PDFRef)) return;
    const element = context.lookup(ref, PDFDict);
    const type = name(element, 'S') ?? '?';
    const lang = text(element, 'Lang');
    if (lang) facts.langs.push({ type, lang });
    const actual = text(element, 'ActualText');
    if (actual) facts.actualTexts.push(actual);
    const pg = element.get(PDFName.of('Pg'));
    const kids = element.lookup(PDFName.of('K'));
    for (const kid of kids instanceof PDFArray ? kids.asArray() : [kids]) {
      if (kid instanceof PDFRef) {
        const target = context.lookup(kid);
        if (target instanceof PDFDict && name(target, 'Type') === 'MCR') {
          if (target.get(PDFName.of('Pg')) !== pg) facts.crossPage.push(type);
        } else walk(kid);
      } else if (kid instanceof PDFDict && name(kid, 'Type') === 'MCR') {
        if (kid.get(PDFName.of('Pg')) !== pg) facts.crossPage.push(type);
      }
    }
  };
  walk(root?.get(PDFName.of('K')));
  const metadata = catalog.lookup(PDFName.of('Metadata'));
  if (metadata instanceof PDFRawStream) {
    facts.xmp = Buffer.from(metadata.getContents()).toString('utf8');
  }
  return facts;
}

import { fullDayPattern, furnitureOf, trailingAgencyCredit } from './furniture';
import type { OutletNames } from './outlet-names';
import type { Found } from './raw-article';
import { firstSentence } from './title';

/**
 * The outlets a text names as its own source, and the furniture that names them, for uploads
 * that carry no URL: a line that is only a credit ("Reuters", "Source: AFP", "— Xinhua"), the
 * closing credit of the last paragraph ("… said. (ANI)"), a caption's credit, and the text's
 * attribution of its report ("…, ANI reported", "This was reported by the agency Reuters",
 * "Reuters could not independently verify …").
 */

/** A line that is only a credit: "Reuters", "(AFP)", "— Xinhua", "Source: Reuters", "With AFP". */
export function creditLineOf(line: string, outlets: OutletNames): string | null {
  const text = line.trim();
  if (text.split(/\s+/).length > 10) return null;
  const whole = outlets.exact(text.replace(/^[-–—•]+\s*/, ''));
  if (whole) return whole;
  const labelled =
    /^(?:with\s+inputs\s+from|inputs\s+from|additional\s+reporting\s+by|courtesy(?:\s+of)?|sources?|via|with|agencies|fuente)\s*[:\-–—]?\s*(.+?)\.?$/i.exec(
      text,
    );
  if (!labelled?.[1]) return null;
  for (const part of labelled[1].split(/\s*(?:,|\/|&|\band\b|\by\b|\bet\b)\s*/)) {
    const outlet = outlets.exact(part);
    if (outlet) return outlet;
  }
  return null;
}

/**
 * Takes the furniture out of the paragraphs of any format (captions and their credits, link
 * and "Read also" lines, prompts, handles, credit lines, an embedded post's signature) and
 * returns what is left with the outlets the dropped lines credit.
 */
export function dropFurniture(
  paragraphs: string[],
  outlets: OutletNames,
): { paragraphs: string[]; credits: Found[] } {
  const kept: string[] = [];
  const credits: Found[] = [];
  paragraphs.forEach((paragraph, index) => {
    const furniture = furnitureOf(paragraph, outlets);
    if (furniture) {
      if (furniture.credit) {
        const from = furniture.kind === 'staff-credits' ? 'credit-line' : 'caption-credit';
        credits.push({ value: furniture.credit, from });
      }
      return;
    }
    const credit = creditLineOf(paragraph, outlets);
    if (credit) {
      credits.push({ value: credit, from: 'credit-line' });
      return;
    }
    // "People look at … in Odesa on July 19, 2023. (AFP)": a one-sentence paragraph ending in an
    // agency's name is a caption, except at the end, where it is the article's closing credit.
    const trailing = trailingAgencyCredit(paragraph, outlets);
    if (trailing && index < paragraphs.length - 1 && isOneSentence(paragraph, trailing.index)) {
      credits.push({ value: trailing.outlet, from: 'caption-credit' });
      return;
    }
    const inline = withoutInlineCaption(paragraph, outlets);
    if (inline.credit) credits.push({ value: inline.credit, from: 'caption-credit' });
    if (inline.text) kept.push(inline.text);
  });
  return { paragraphs: kept, credits };
}

function isOneSentence(paragraph: string, creditIndex: number): boolean {
  const body = paragraph.slice(0, creditIndex).trim();
  const first = firstSentence(body) ?? '';
  return first.length >= body.length - 1 && body.split(/\s+/).length <= 60;
}

// "… ports. Graphic showing … July 16, 2023. Graphic: Name/AFP The initiative …": a caption and
// its credit left inside a paragraph by the copy.
const inlineCredit =
  /(?<=[.!?"”’]\s+)((?:Graphic|Photo|Picture|Image|Map|Chart|Video)\b[^.!?]{0,300}?[.!?]\s+)?(?:Graphic|Photo|Picture|Image|Map|Chart|Video|Photograph)\s*:\s*((?:[\p{Lu}][\p{L}.'’-]*\s?){1,5}\/\s*[\p{Lu}][\p{L}-]{1,20})\s+(?=[\p{Lu}"“])/u;

function withoutInlineCaption(
  paragraph: string,
  outlets: OutletNames,
): { text: string; credit: string | null } {
  const match = inlineCredit.exec(paragraph);
  if (!match?.[2]) return { text: paragraph, credit: null };
  const agency = match[2].split('/').pop() ?? '';
  const text = `${paragraph.slice(0, match.index)}${paragraph.slice(match.index + match[0].length)}`
    .replace(/\s+/g, ' ')
    .trim();
  return { text, credit: outlets.exact(agency) };
}

/** "… the minister said. — Xinhua", "… (ANI)": the last paragraph's credit, taken off it. */
export function closingCredit(
  paragraphs: string[],
  outlets: OutletNames,
): { paragraphs: string[]; credit: Found | null } {
  const last = paragraphs[paragraphs.length - 1];
  if (!last) return { paragraphs, credit: null };
  const trailing = trailingAgencyCredit(last, outlets);
  if (!trailing) return { paragraphs, credit: null };
  const rest = last.slice(0, trailing.index).trim();
  const next = paragraphs.slice(0, -1);
  if (rest) next.push(rest);
  return { paragraphs: next, credit: { value: trailing.outlet, from: 'closing-credit' } };
}

const reportedAfter =
  /^\s*(?:has\s+|had\s+|also\s+)?(?:reported|reports|reporting|writes|wrote|could\s+not\s+(?:immediately\s+|independently\s+)*(?:verify|confirm))\b/i;
const reportedBefore =
  /\b(?:reported|reports|writes|wrote|was\s+reported|is\s+reported|as\s+reported)\s+(?:by\s+)?(?:the\s+)?(?:(?:state|official|private|local|international|news|russian|chinese|french|british|american|german|turkish|indian)\s+)*(?:(?:news\s+)?agency|broadcaster|newspaper|outlet|channel|daily|wire(?:\s+service)?|news(?:\s+site)?|website)?\s*$/i;

/**
 * The outlet the text says it reports from: "…, ANI reported", "TASS reports", "writes CNN",
 * "This is reported by the news agency Reuters", "Reuters could not independently verify".
 * The first such attribution in the first paragraphs.
 */
export function reportingOutlet(paragraphs: string[], outlets: OutletNames): Found | null {
  for (const paragraph of paragraphs.slice(0, 8)) {
    for (const mention of outlets.mentions(paragraph)) {
      const after = paragraph.slice(mention.index + mention.length);
      const before = paragraph.slice(Math.max(0, mention.index - 80), mention.index);
      if (reportedAfter.test(after) || reportedBefore.test(before)) {
        return { value: mention.name, from: 'reported-in-text' };
      }
    }
  }
  return null;
}

/** "… Odesa region, Ukraine July 21, 2023.": a caption's closing place and date. */
export const datedCaption = new RegExp(`^[^.!?]{10,400}\\b${fullDayPattern}\\.?$`, 'u');

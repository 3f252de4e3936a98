import type { OutletNames } from './outlet-names';

/**
 * Page furniture that copying a news page carries into the text, told by its form, not by
 * the words of one page: photo captions ending in a credit, link lists and "Read also" lines,
 * follow / sign-up / comment / share prompts, copyright lines, social handles, breadcrumbs,
 * embedded posts' signatures, reading times and relative timestamps, and credit lines
 * ("Reporting by …; Editing by …").
 */
export type FurnitureKind =
  | 'caption'
  | 'photo-credit'
  | 'link'
  | 'link-list-heading'
  | 'prompt'
  | 'copyright'
  | 'handle'
  | 'breadcrumb'
  | 'staff-credits'
  | 'embedded-post'
  | 'author-bio'
  | 'timestamp';

export interface Furniture {
  kind: FurnitureKind;
  /** The outlet the line credits, when it names one we know (a caption's "Photo: Reuters"). */
  credit: string | null;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** A written day with its year: "July 18, 2023", "18 July 2023", "Aug. 19, 2022". */
export const fullDayPattern = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4})`;

// "Read also: …", "READ MORE:", "Also read", "Related:", "CLICK – …", in the languages of the
// region's press. A heading alone ("Read more:") opens a list of links.
const linkLead =
  /^(?:(?:read|see|watch|listen|check out)\s+(?:also|more|next|too|this)|also\s+(?:read|see|watch|on)|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be interested(?:\s+in)?|have missed)|related(?:\s+(?:articles?|news|stories|content|coverage|topics?|reading|posts?))?|recommended(?:\s+(?:for you|stories|articles))?|more\s+(?:from|on this|stories|news|coverage)|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|top\s+stories|latest\s+(?:news|stories|videos)|don[’']?t\s+miss|editor[’']?s\s+picks?|click(?:\s+here)?|lire\s+aussi|à\s+lire(?:\s+aussi)?|a\s+lire(?:\s+aussi)?|voir\s+aussi|lea\s+también|lee\s+también|leer\s+más|te\s+puede\s+interesar|lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|leggi\s+anche|leia\s+também|veja\s+também|читайте\s+также|читайте\s+такж[еи]|дивіться\s+також)\b/i;
const linkSeparator = /^\s*(?:[:\-–—|…»›>]|\.{3})/;

const prompt = [
  // Follow / sign-up / subscribe / download calls, addressed to the reader.
  /\bfollow\s+(?:us|our|him|her|them|me)\b.{0,60}\b(?:twitter|x|facebook|instagram|telegram|linkedin|youtube|tiktok|whatsapp|threads|google news|social media|channel)\b/i,
  /^(?:follow\s+(?:us|our)|sign\s*up|subscribe|register|download\s+(?:our|the)|get\s+(?:our|the\s+latest)|join\s+(?:us|our)|like\s+us)\b/i,
  /\b(?:unsubscribe|newsletters?|google news channel|push notifications?|in your inbox)\b.*\b(?:you|your|our|us)\b|\b(?:you|your|our|us)\b.*\b(?:unsubscribe|newsletters?|google news channel|push notifications?|in your inbox)\b/i,
  // Comment and share prompts.
  /^(?:leave|add|post|write)\s+a\s+comment\b|^(?:show|view|load|read)\s+(?:all\s+)?comments\b|^comments?\s*(?:\(\d+\))?\s*$|^\d+\s+comments?\s*$|^join\s+the\s+(?:conversation|discussion)\b|^have\s+your\s+say\b|^share\s+(?:this|on|via|the|article|story|post)\b|^(?:share|print|email|save)\s*$/i,
  // Players, scripts and error boxes of the page.
  /\byour browser does(?:\s+not|n[’']t) support\b|\bsomething went wrong\b|\bplease try again later\b|^oops!?\s*$|\benable javascript\b|^advertisement\s*$|\bscroll to continue\b|\b(?:story|article) continues (?:below|after)\b|^continue reading\b|^listen to (?:this|the) (?:article|story)\b|\bpowered by automated translation\b/i,
  // The same calls in French, Spanish, German, Italian, Portuguese and Russian.
  /^(?:rejoignez-nous|suivez-nous|abonnez-vous|inscrivez-vous|síguenos|suscríbete|folgen sie uns|abonnieren sie|seguici|iscriviti|siga-nos|inscreva-se|подписывайтесь|подпишитесь)\b/i,
];

const copyright = /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|\btous droits réservés\b/i;
const handle = /^\(?@[\p{L}\p{N}_.]{2,30}\)?$/u;
const staffCredits =
  /^\(?\s*(?:reporting|writing|editing|additional reporting|compiled|translated|edited)\s+by\b/i;
// "— Name (@handle) July 17, 2023" closes an embedded post; "pic.twitter.com/…" is one.
const embeddedPost = new RegExp(
  `[—–-]\\s*[^—–()]{1,60}\\(@[\\w.]{1,30}\\)\\s*${fullDayPattern}\\s*$|\\bpic\\.twitter\\.com/\\w+`,
  'iu',
);
// "Jane Doe is a correspondent for The Daily. Follow her on X.": the author's note.
const authorBio =
  /^(?:[\p{Lu}][\p{L}.'’-]+\s){1,3}is\s+(?:a|an|the|our)\s+[^.]{0,80}?\b(?:editor|correspondent|reporter|writer|journalist|columnist|contributor|producer|analyst|freelancer)\b[^.]{0,80}\.(?:\s+(?:Follow|Contact|Reach|Email|You can)\b[^.]{0,80}\.?)*$/u;
// "1 hour ago", "2 mins read", "2min", "Reading Time: < 1 minute", a player's "1:00".
const timestamp =
  /^(?:reading\s+time\b.*|\d+\s*(?:min(?:ute)?s?|m)\.?\s+read|\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|secs?|seconds?)\.?(?:\s+ago)?|\d+\s*[hmd]\s+ago|just\s+now|\d{1,2}:\d{2}(?::\d{2})?)$/i;
// "World / Russia & Central Asia", "Home › World › Africa", "Foreign countries|Russia’s invasion".
const breadcrumb = /^[\p{L}&'’ .-]{2,40}(?:\s*(?:[›»>|]|\s\/\s)\s*[\p{L}&'’ .-]{2,40}){1,5}$/u;

// Photo agencies and credit words that end a caption ("Name/AFP via Getty Images").
const photoAgency =
  'Getty Images|Getty|Shutterstock|Pool|File Photo|File|AP Photo|Reuters|REUTERS|AFP|AP|EPA|EPA-EFE|EFE|dpa|ANP|Anadolu(?: Agency)?|Xinhua|TASS|Sputnik|SIPA|Sipa|Bloomberg|NurPhoto|Alamy|ZUMA(?: Press)?|UPI|IANS|PTI|ANI|SOPA Images';
const captionEnd = [
  // "(Photo: AFP)", "(AP Photo)", "(Boureima Hama/Pool Photo via AP/File)", "(photo credit: …)"
  /\(([^()]{0,80}\b(?:[Pp]hotos?|PHOTO|[Ff]oto|[Ii]mages?|[Pp]icture|[Pp]ool|File|FILE|[Cc]redit|Getty)\b[^()]{0,80})\)\s*\.?$/u,
  // "… on August 31, 2021 [Name – Agency]", "[Name/Agency]"
  /\[([^\][]{2,80}?(?:\s[-–—]\s|[–—/|])\s*[^\][]{2,60})\]\s*\.?$/u,
  // "Photo: Reuters", "/ Photo: Reuters", "Photograph: Name/TASS", "Image credit: …"
  /(?:^|[\s.,;|/(])(?:Photo(?:graph)?s?|PHOTO|Fotos?|Images?|Pictures?|Graphic|Illustration|Video(?:\s+grab)?|Credit|Crédit(?:\s+photo)?)\s*:\s*([\p{Lu}©][^:.!?]{1,80}?)\.?$|(?:^|[\s.,;|/(])(?:Photo|Image)\s+[Cc]redit\s*:?\s*([\p{Lu}©][^:.!?]{1,80}?)\.?$/u,
  // "Télé Sahel/AFP", "Name/AFP via Getty Images", "REUTERS/Name/File Photo", "Name/EPA-EFE"
  new RegExp(
    `(?:^|[\\s.,;])((?:[\\p{Lu}][\\p{L}.'’-]*\\s?){1,5}\\/\\s*(?:${photoAgency})(?:\\s+via\\s+(?:Getty Images|AP|Reuters))?(?:\\/(?:File(?: Photo)?|Pool))?)\\.?\\s*$`,
    'u',
  ),
  /(?:^|[\s.,;])((?:REUTERS|AFP|AP|EPA|EPA-EFE|Reuters|Xinhua|TASS|Sputnik|Anadolu)\s*\/\s*(?:[\p{Lu}][\p{L}.'’-]*\s?){1,5}(?:\/\s*(?:File(?: Photo)?|Pool))?)\.?\s*$/u,
  // "… Erdogan. © ANP/EPA" (anchored at the start: one try per line, not one per character)
  /^\s*\S.{10,}©\s*([^©]{2,60})$/u,
];

/** "FILE PHOTO: …", "FILE - …": the wire's caption of an archive picture. */
const captionStart = /^(?:FILE(?:\s+PHOTO)?\s*[:\-–—]|File photo\s*:)/;

/**
 * A line of a page that is furniture, with the outlet it credits; null for article text.
 * `outlets` names the agencies a caption credit may name.
 */
export function furnitureOf(line: string, outlets?: OutletNames): Furniture | null {
  const text = line.trim().replace(/^[•·▪►*]\s*/u, '');
  if (!text) return null;
  const count = words(text);
  const plain = (kind: FurnitureKind): Furniture => ({ kind, credit: null });

  if (count <= 40) {
    const lead = linkLead.exec(text);
    if (lead) {
      const rest = text.slice(lead[0].length);
      if (!rest.trim() || /^\s*[:.…]*\s*$/.test(rest)) return plain('link-list-heading');
      if (linkSeparator.test(rest) || /\bclick\b/i.test(lead[0])) return plain('link');
    }
    if ((text.match(/\bCLICK\s*[-–—:]/g) ?? []).length >= 1 && /^CLICK\b/.test(text))
      return plain('link');
  }
  if (count <= 50 && authorBio.test(text)) return plain('author-bio');
  if (count <= 60 && prompt.some((pattern) => pattern.test(text))) return plain('prompt');
  if (count <= 30 && copyright.test(text)) return plain('copyright');
  if (handle.test(text)) return plain('handle');
  if (timestamp.test(text)) return plain('timestamp');
  if (count <= 60 && staffCredits.test(text))
    return { kind: 'staff-credits', credit: firstOutlet(text, outlets) };
  if (embeddedPost.test(text)) return plain('embedded-post');
  if (count <= 10 && breadcrumb.test(text) && isBreadcrumb(text)) return plain('breadcrumb');

  // A bare credit line: "Photo: RBC", "(photo credit: REUTERS/Name)".
  const bareCredit =
    /^\(?\s*(?:photo(?:graph)?s?|fotos?|images?|pictures?|graphic|illustration|video|credit|crédit(?:\s+photo)?)\s*:\s*([^:]{2,80}?)\)?\s*$|^\(?\s*(?:photo|image)\s+credit\s*:?\s*([^:]{2,80}?)\)?\s*$/i.exec(
      text,
    );
  const bareCredited = bareCredit?.[1] ?? bareCredit?.[2];
  if (bareCredited && count <= 14)
    return { kind: 'photo-credit', credit: creditedOutlet(bareCredited, outlets) };

  if (count <= 80) {
    if (captionStart.test(text)) return { kind: 'caption', credit: firstOutlet(text, outlets) };
    for (const pattern of captionEnd) {
      const match = pattern.exec(text);
      const found = match?.[1] ?? match?.[2];
      if (match && found && looksLikeCredit(found)) {
        // The credit's agency, else one the caption's end names ("REUTERS/Name/File Photo").
        const end = text.slice(Math.max(0, (match.index ?? 0) - 20));
        return {
          kind: 'caption',
          credit: creditedOutlet(found, outlets) ?? firstOutlet(end, outlets),
        };
      }
    }
  }
  return null;
}

/**
 * A credit names people and agencies ("Jo Roe/AFP via Getty Images", "Ministry of Defence /
 * Facebook"): a few capitalised words, not the rest of a sentence.
 */
function looksLikeCredit(credit: string): boolean {
  const words = credit
    .split(/[\s/]+/)
    .map((word) => word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((word) => /\p{L}/u.test(word));
  if (words.length > 10) return false;
  const lower = words.filter(
    (word) =>
      /^\p{Ll}/u.test(word) &&
      !/^(?:of|via|by|and|the|for|de|la|du|des|von|van|al|el|photo|credit|file)$/i.test(word),
  );
  return lower.length === 0;
}

/** Parts of a breadcrumb are short labels ("World", "Russia & Central Asia"), not phrases. */
function isBreadcrumb(text: string): boolean {
  const parts = text.split(/\s*(?:[›»>|]|\s\/\s)\s*/).filter(Boolean);
  return parts.length >= 2 && parts.every((part) => words(part) <= 4);
}

/**
 * A credit at the end of a paragraph that names only an agency: "… (AFP)", "… — Xinhua",
 * "… / TASS", "… . EPA". Returns the outlet and where the credit starts; null otherwise.
 * Whether the paragraph is a caption or the article's closing credit is for the caller to say.
 */
export function trailingAgencyCredit(
  text: string,
  outlets?: OutletNames,
): { outlet: string; index: number } | null {
  if (!outlets) return null;
  const match =
    /(?:\s*\(([^()]{2,40})\)|\s+[-–—]+\s*([^-–—()]{2,40}?)|\s+\/\s*([^/]{2,40}?)\/?|(?<=[.!?"”’])\s+([^.!?]{2,30}?))\s*\.?\s*$/u.exec(
      text,
    );
  if (!match) return null;
  const candidate = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
  // The credit follows a whole sentence ("… in Ukraine. (AFP)"), not a sentence's own words
  // ("… carried by the official agency (IRNA).").
  if (!/[.!?"”’)\]]$/.test(text.slice(0, match.index).trim())) return null;
  const outlet = outlets.exact(candidate);
  return outlet ? { outlet, index: match.index } : null;
}

/** The outlet a credit names: the last known name of "Name/AFP", "Reuters", "ANP/EPA". */
function creditedOutlet(credit: string, outlets?: OutletNames): string | null {
  if (!outlets) return null;
  const parts = credit
    .split(/\s*(?:\/|\bvia\b|,|;|\||–|—|\s-\s)\s*/)
    .map((part) => part.replace(/\b(?:File\s+Photo|Photo|Pool|File)\b/gi, '').trim())
    .filter(Boolean);
  for (const part of parts.reverse()) {
    const outlet = outlets.exact(part);
    if (outlet) return outlet;
  }
  return firstOutlet(credit, outlets);
}

function firstOutlet(text: string, outlets?: OutletNames): string | null {
  return outlets?.mentions(text)[0]?.name ?? null;
}

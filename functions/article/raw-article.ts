/** A value read from an upload, with how it was found (kept as provenance on the record). */
export interface Found<T = string> {
  value: T;
  from: string;
}

/**
 * What a format parser hands on: clean paragraphs and whatever metadata the format itself
 * carries. Rules shared by all formats (datelines, dates, sources from URLs, fallback titles)
 * are applied afterwards, in `resolve-metadata.ts`.
 */
export interface RawArticle {
  paragraphs: string[];
  title: Found | null;
  url: Found | null;
  source: Found | null;
  /** A full `YYYY-MM-DD` date read from the upload's own metadata. */
  published: Found | null;
  byline: Found | null;
  /** Declared language (e.g. `<html lang>`), ISO 639-1. */
  language: Found | null;
  /**
   * A source to use only when the upload names none itself (no publisher, agency credit or
   * known URL host): an e-mail sender's organisation.
   */
  fallbackSource?: Found | null;
  /** A date to use only when the text itself gives none: when an e-mail was sent. */
  fallbackPublished?: Found | null;
  /**
   * Outlets the page names outside its prose, in the order met: a credit line ("Reuters"
   * under the headline, "(Reporting by Reuters; …)"), a byline that is an agency ("By
   * REUTERS"), the site's header ("The Jerusalem Post - Israel News …"), a caption's credit.
   * `from` says which (`credit-line`, `byline-credit`, `page-header`, `caption-credit`).
   */
  credits?: Found[];
  /**
   * Days the page states in its own date lines, as `YYYY-MM-DD`: "Published: …"
   * (`published-line`), "Updated: …" (`updated-line`), a byline's date (`byline-line`), a bare
   * date under the headline (`date-under-title`), or above it (`page-header-date`: a site's
   * header, which may be the day the page was copied).
   */
  dates?: Found[];
}

export const emptyRawArticle = (): RawArticle => ({
  paragraphs: [],
  title: null,
  url: null,
  source: null,
  published: null,
  byline: null,
  language: null,
});

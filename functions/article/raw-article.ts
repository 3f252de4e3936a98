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

import { describe, expect, it } from 'vitest';
import { parseUpload } from '../helpers/parse';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const body = (sentence: string) => `<p>${sentence.repeat(12)}</p>`;
const lead =
  'The foreign ministers of the five Central Asian states met in Astana to discuss water sharing on the Amu Darya and the Syr Darya. ';

const page = (head: string, article: string, htmlAttributes = '') =>
  utf8(
    `<!doctype html><html${htmlAttributes}><head>${head}</head><body><article><h1>Ministers meet in Astana on water</h1>${article}</article></body></html>`,
  );

describe('canonical URL', () => {
  it('prefers <link rel=canonical> to og:url and JSON-LD, resolving a relative one', () => {
    const record = parseUpload(
      page(
        '<meta property="og:url" content="https://news.example.com/amp/ministers?utm_source=x">' +
          '<link rel="canonical" href="/world/2026/11/20/ministers-meet">',
        body(lead),
      ),
      'incoming/page.html',
    );
    expect(record.url).toBe('https://news.example.com/world/2026/11/20/ministers-meet');
    expect(record.provenance.url).toBe('canonical-link');
    expect(record.published).toBe('2026-11-20');
    expect(record.provenance.published).toBe('url-path');
  });

  it('falls back to og:url when the canonical link cannot be resolved', () => {
    const record = parseUpload(
      page(
        '<link rel="canonical" href="/relative-only">' +
          '<meta property="og:url" content="https://news.example.com/world/ministers-meet-in-astana">',
        body(lead),
      ),
      'incoming/page.html',
    );
    // A relative canonical link resolves against og:url; only a non-http one is dropped.
    expect(record.url).toBe('https://news.example.com/relative-only');
    const noBase = parseUpload(
      page('<link rel="canonical" href="javascript:void(0)">', body(lead)),
      'incoming/page.html',
    );
    expect(noBase.url).toBeNull();
  });
});

describe('byline', () => {
  it('reads the author meta tag, without a "By" or a time stamp', () => {
    const record = parseUpload(
      page('<meta name="author" content="By Aigerim Sadykova - 11/20/26 2:05 PM">', body(lead)),
      'incoming/page.html',
    );
    expect(record.byline).toBe('Aigerim Sadykova');
    expect(record.provenance.byline).toBe('meta:author');
  });

  it('skips an article:author that is a profile URL and takes the rel=author link', () => {
    const record = parseUpload(
      page(
        '<meta property="article:author" content="https://www.facebook.com/someone">',
        `<p class="byline">By <a rel="author" href="/authors/d-omarova">Dana Omarova</a></p>${body(lead)}`,
      ),
      'incoming/page.html',
    );
    expect(record.byline).toBe('Dana Omarova');
    expect(record.text).not.toContain('Dana Omarova');
  });

  it('takes a "By …" line of pasted text as the byline, not as body text', () => {
    const text = `Ministers meet in Astana on water\n\nBy Aigerim Sadykova and Dana Omarova\n\n${lead.repeat(3)}`;
    const record = parseUpload(utf8(text), 'incoming/pasted.txt');
    expect(record.byline).toBe('Aigerim Sadykova and Dana Omarova');
    expect(record.provenance.byline).toBe('byline-line');
    expect(record.text).not.toContain('By Aigerim');
  });

  it('keeps a sentence that merely starts with "By" as text', () => {
    const sentence = 'By the end of the talks the ministers had agreed to meet again in spring.';
    const record = parseUpload(utf8(`${sentence}\n\n${lead.repeat(3)}`), 'incoming/pasted.txt');
    expect(record.byline).toBeNull();
    expect(record.text).toContain(sentence);
  });
});

describe('language', () => {
  it('reads <html lang>, then Content-Language, then og:locale, as ISO 639-1', () => {
    expect(parseUpload(page('', body(lead), ' lang="en-GB"'), 'incoming/a.html').language).toBe(
      'en',
    );
    const declared = parseUpload(
      page('<meta http-equiv="Content-Language" content="de-DE">', body(lead)),
      'incoming/b.html',
    );
    expect(declared.language).toBe('de');
    expect(declared.provenance.language).toBe('meta:content-language');
    const locale = parseUpload(
      page('<meta property="og:locale" content="fr_FR">', body(lead)),
      'incoming/c.html',
    );
    expect(locale.language).toBe('fr');
    expect(locale.provenance.language).toBe('og:locale');
  });

  it('detects the language of a text that declares none', () => {
    const russian =
      'Министры иностранных дел пяти государств Центральной Азии встретились в Астане, чтобы обсудить распределение воды Амударьи и Сырдарьи. ';
    const record = parseUpload(utf8(russian.repeat(4)), 'incoming/ru.txt');
    expect(record.language).toBe('ru');
    expect(record.provenance.language).toBe('detected');
  });
});

describe('a dateline without a year', () => {
  it('takes the year from the latest full date in the text, ignoring dates it looks forward to', () => {
    const text = [
      'ASTANA, January 5. /TASS/. The ministers met again after their talks of December 28, 2025, and agreed that the commission would report before the summit planned for March 1, 2027.',
      lead.repeat(2),
    ].join('\n\n');
    const record = parseUpload(utf8(text), 'incoming/tass.txt');
    expect(record.published).toBe('2026-01-05');
    expect(record.publishedInferred).toBe(true);
    expect(record.provenance.published).toBe('dateline+year-from-text');
  });

  it('is never dated after the upload', () => {
    const text = `ASTANA, December 24. /TASS/. ${lead.repeat(3)}`;
    const record = parseUpload(utf8(text), 'incoming/tass.txt');
    // Uploaded 2026-11-22: December 24 is last year's.
    expect(record.published).toBe('2025-12-24');
    expect(record.provenance.published).toBe('dateline+year-from-upload');
  });
});

describe('the source of copied text without a URL', () => {
  const body = lead.repeat(3);

  it('is the agency of a credit line under the headline, found in the text', () => {
    const text = `Ministers meet in Astana on water\n\nReuters\n\n${body}`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.source).toBe('Reuters');
    expect(record.provenance.source).toBe('credit-line');
    expect(record.text).not.toMatch(/^Reuters$/m);
  });

  it('is the agency a byline names, which is then no byline', () => {
    const text = `Ministers meet in Astana on water\n\nBy REUTERS\n\n${body}`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.source).toBe('Reuters');
    expect(record.provenance.source).toBe('byline-credit');
    expect(record.byline).toBeNull();
  });

  it('prefers the dateline’s agency to a caption’s photo agency', () => {
    const text = `Ministers meet in Astana on water\n\nThe ministers arrive in Astana. Photo: Reuters\n\nASTANA (AP) — ${body}`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.source).toBe('AP');
    expect(record.provenance.source).toBe('dateline-credit');
    expect(record.text).not.toContain('Photo: Reuters');
  });

  it('is the agency the text closes with, taken off the last paragraph', () => {
    const text = `Ministers meet in Astana on water\n\n${body}\n\nThe ministers will meet again in May. — Xinhua`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.source).toBe('Xinhua');
    expect(record.provenance.source).toBe('closing-credit');
    expect(record.text).toMatch(/meet again in May\.$/);
  });

  it('is still the URL’s host when the upload has a URL', () => {
    const text = `https://www.theguardian.com/world/2026/nov/20/ministers-meet-in-astana\n\nMinisters meet in Astana on water\n\nReuters\n\n${body}`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.source).toBe('The Guardian');
    expect(record.provenance.source).toBe('url-host');
  });
});

describe('dates of copied text', () => {
  const body = lead.repeat(3);

  it('prefers a "Published" line to the page header’s date', () => {
    const text = `Thursday, November 19, 2026\n\nMinisters meet in Astana on water\n\nPublished: November 17, 2026 09:10\n\n${body}`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.published).toBe('2026-11-17');
    expect(record.provenance.published).toBe('published-line');
  });

  it('does not take a header’s date of a later year the text contradicts', () => {
    const text = `Last update: November 20, 2026 07:15\n\nMinisters meet in Astana on water\n\nThe ministers met on March 4, 2025, in Astana. ${body}`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.published).toBe('2025-03-04');
    expect(record.provenance.published).toBe('lead-date');
  });

  it('reads no date from "today" or "last week"', () => {
    const text = `Ministers meet in Astana on water\n\nThe ministers met today, a week after last week's talks. ${body}`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.published).toBeNull();
  });

  it('gives a recent year-less dateline the upload’s year, however old the dates it recalls', () => {
    const text = `ASTANA, November 12. /TASS/. The ministers recalled the accord of July 22, 2022. ${body}`;
    const record = parseUpload(utf8(text), 'incoming/tass.txt');
    expect(record.published).toBe('2026-11-12');
    expect(record.provenance.published).toBe('dateline+year-from-upload');
    expect(record.publishedInferred).toBe(true);
  });

  it('reads a full date wherever it stands in a long lead, past a date the text looks forward to', () => {
    const text = `Ministers meet in Astana on water\n\nThe ministers of the five Central Asian states, who will meet again on March 1, 2027, in Tashkent, said the water of the Amu Darya and the Syr Darya had to be shared by rules that every capital could check, and after two days of talks with their deputies and a delegation of engineers they signed the accord on Wednesday, the 4th of November, 2026, in Astana. ${body}`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.published).toBe('2026-11-04');
    expect(record.provenance.published).toBe('lead-date');
  });

  it('reads the date of a byline that runs into it', () => {
    const text = `Ministers meet in Astana on water\n\nBy Aigerim Sadykova November 18, 2026\n\n${body}`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.byline).toBe('Aigerim Sadykova');
    expect(record.published).toBe('2026-11-18');
    expect(record.provenance.published).toBe('byline-line');
  });
});

describe('the title of copied text', () => {
  const body = lead.repeat(3);

  it('is the headline under a date, a reading time and a handle, not them', () => {
    const text = `Monday, November 16, 2026\n2 mins read\n(@DeskEditor)\n\nMinisters meet in Astana on water\n\n${body}`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.title).toBe('Ministers meet in Astana on water');
  });

  it('is the headline after a short topic label above it', () => {
    const text = `Central Asia water talks\n\nMinisters of five states meet in Astana on water sharing\n\n${body}`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.title).toBe('Ministers of five states meet in Astana on water sharing');
    expect(record.provenance.title).toBe('header-line');
  });

  it('is derived from the lead, and says so, when the page shows only a date and a section', () => {
    const text = `1 hour ago\n\nWorld\n\n${body}`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.title).toMatch(/^The foreign ministers of the five Central Asian states met/);
    expect(record.provenance.title).toBe('lead-sentence');
  });

  it('drops the headline’s crumb and a repeat of it in the text', () => {
    const text = `- Ministers meet in Astana on water\n\nMinisters meet in Astana on water\n\n${body}`;
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.title).toBe('Ministers meet in Astana on water');
    expect(record.text).not.toContain('Ministers meet in Astana on water');
  });
});

describe('an embedded post in copied text', () => {
  it('drops the post and its "— Name (@handle) date" signature', () => {
    const text = [
      'Ministers meet in Astana on water',
      lead.repeat(3),
      '#Astana | The ministers have signed the water accord 🇰🇿🇺🇿',
      '— Foreign Ministry (@ministry_example) November 18, 2026',
      'The accord will be ratified by the five parliaments next year.',
    ].join('\n\n');
    const record = parseUpload(utf8(text), 'incoming/copied.txt');
    expect(record.text).not.toContain('#Astana');
    expect(record.text).not.toContain('@ministry_example');
    expect(record.text).toContain('ratified by the five parliaments');
  });
});

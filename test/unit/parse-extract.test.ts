import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../functions/article/parse-html';

const para = (i: number) =>
  `<p>Paragraph ${i} of the report explains the talks in detail, with quotes from officials, and the figures they gave, which run to several lines of text.</p>`;
const body = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => para(from + i)).join('\n');

describe('HTML body extraction', () => {
  it('keeps a lead paragraph set apart from the body, above the picture', () => {
    const { paragraphs } = parseHtml(`<html><body><main><div class="story"><h1>Ministers meet</h1>
      <div class="story-meta"><span class="author">By A. Writer</span> <time>Nov 20, 2026</time></div>
      <p class="lead">ASTANA, November 20 — Ministers agreed a water deal on Thursday, the lead says.</p>
      <figure><img src="x.jpg"><figcaption>Ministers at the table. Photo: AFP</figcaption></figure>
      <div class="story-body">${body(1, 6)}</div></div></main></body></html>`);
    expect(paragraphs[0]).toBe(
      'ASTANA, November 20 — Ministers agreed a water deal on Thursday, the lead says.',
    );
    expect(paragraphs).toHaveLength(7);
    expect(paragraphs.join(' ')).not.toContain('Photo: AFP');
    expect(paragraphs.join(' ')).not.toContain('Nov 20, 2026');
  });

  it('keeps a standfirst in the page header as the lead', () => {
    const { paragraphs } = parseHtml(`<html><body><div class="page">
      <div class="article-top"><div class="container"><h1>Ministers meet</h1>
      <p class="standfirst">Ministers agreed a water deal on Thursday after long talks in Astana.</p></div></div>
      <div class="article-main"><div class="container"><div class="article-body">${body(1, 8)}</div></div></div>
      </div></body></html>`);
    expect(paragraphs[0]).toMatch(/^Ministers agreed a water deal/);
    expect(paragraphs).toHaveLength(9);
  });

  it('drops newsletter boxes, teasers, related-link lists, cookie notices and sidebars inside the article', () => {
    const { paragraphs } = parseHtml(`<html><body><article><h1>Ministers meet</h1>
      ${body(1, 4)}
      <div class="newsletter-signup"><p>Get the morning briefing: the news of the day, sent to you.</p></div>
      <p>Related: <a href="/x">Another story about water in Central Asia</a></p>
      <p>READ MORE: Central Asia's water crisis explained</p>
      <ul><li><a href="/1">Kazakhstan opens new dam</a></li><li><a href="/2">Uzbek cotton harvest falls</a></li></ul>
      <p class="image-credit">Reuters/Alamy</p>
      <p>The talks ended on Thursday (Image: GETTY)</p>
      ${body(5, 6)}
      <div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
      <div id="comments"><h3>Comments</h3><p>${'I disagree with this article entirely. '.repeat(6)}</p></div>
      </article>
      <div class="cookie-consent"><p>We use cookies to improve your experience. Accept all</p></div>
      </body></html>`);
    const text = paragraphs.join('\n');
    expect(paragraphs).toHaveLength(6);
    for (const furniture of [
      'morning briefing',
      'Another story',
      'READ MORE',
      'Kazakhstan opens new dam',
      'Reuters/Alamy',
      'Image: GETTY',
      'Facebook',
      'I disagree',
      'cookies',
    ])
      expect(text).not.toContain(furniture);
  });

  it('keeps sentences whose words are mostly links, and tables', () => {
    const { paragraphs } = parseHtml(`<html><body><article><h1>Ministers meet</h1>
      ${body(1, 4)}
      <p><a href="/p/1">Aigerim Sadykova</a> met <a href="/p/2">Dana Omarova</a> in <a href="/astana">Astana</a>.</p>
      <table><tr><th>Country</th><th>Share</th></tr><tr><td>Uzbekistan</td><td>48%</td></tr></table>
      </article></body></html>`);
    expect(paragraphs).toContain('Aigerim Sadykova met Dana Omarova in Astana.');
    expect(paragraphs.join('\n')).toContain('Uzbekistan 48%');
  });

  it('does not repeat the title in the body, nor a caption shown twice', () => {
    const { paragraphs } =
      parseHtml(`<html><head><meta property="og:title" content="Ministers meet in Astana"></head>
      <body><article><h2>Ministers meet in Astana</h2>${body(1, 5)}</article></body></html>`);
    expect(paragraphs).not.toContain('Ministers meet in Astana');
    expect(paragraphs).toHaveLength(5);
  });

  it("reads a page Readability finds no article in from the page's own text", () => {
    const { paragraphs } = parseHtml(
      '<html><body><div><p>Short statement by the ministry on the talks held today in Astana with its neighbours.</p></div></body></html>',
    );
    expect(paragraphs).toEqual([
      'Short statement by the ministry on the talks held today in Astana with its neighbours.',
    ]);
  });
});

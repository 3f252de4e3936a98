/**
 * Hostile uploads, made at test time (the large ones are never checked in): the cases of
 * issue 12 items 3, 5 and 7. Shared by the reliability tests and `npm run bench`.
 */

const paragraph = (n: number) =>
  `<p>Russia and China held talks in Moscow on Tuesday about the situation in Afghanistan, the foreign ministry said in statement number ${n} after the meeting of the two delegations, which lasted four hours.</p>`;

/** A saved page whose article sits under `depth` nested `<div>`s. */
export function nestedHtml(depth: number): string {
  const body = [1, 2, 3].map(paragraph).join('');
  return `<!doctype html><html><head><title>Talks in Moscow</title></head><body>${'<div>'.repeat(depth)}${body}${'</div>'.repeat(depth)}</body></html>`;
}

/** One line of about `bytes` bytes: "Russia and China and China and China …", with no full stop until the end. */
export function degenerateLine(bytes: number): string {
  const unit = ' and China';
  return `Russia${unit.repeat(Math.ceil((bytes - 8) / unit.length))}.\n`;
}

/**
 * An upload key of exactly `bytes` bytes of UTF-8 under `incoming/`, in folders of at most
 * 200 bytes (what a file system under s3rver can hold), with multibyte characters in it.
 */
export function longUploadKey(bytes: number): string {
  const prefix = 'incoming/';
  const name = 'Заявление МИД — 外交部声明 ';
  const suffix = '.txt';
  let key = prefix;
  let part = '';
  const size = (text: string) => Buffer.byteLength(text);
  while (size(key) + size(part) + size(suffix) < bytes) {
    const char = name[(part.length + key.length) % name.length] ?? 'x';
    if (size(key) + size(part) + size(char) + size(suffix) > bytes) break;
    if (size(part) + size(char) > 200) {
      key += `${part}/`;
      part = '';
      continue;
    }
    part += char;
  }
  key += part;
  // Pad with ASCII to the exact length (a multibyte character may not have fitted).
  while (size(key) + size(suffix) < bytes) key += 'x';
  return `${key}${suffix}`;
}

/** A short real article, to show a run goes on around the hostile files. */
export const goodArticle = `Russia and China call for talks on Afghanistan

MOSCOW, November 21. Russian Foreign Minister Sergey Lavrov and Chinese Foreign Minister Wang Yi agreed on Friday to press for an inclusive government in Kabul, the Russian foreign ministry said in a statement after their telephone call.

The two ministers discussed humanitarian aid to Afghanistan and the security of Central Asian states bordering the country, the statement said, adding that both sides were ready to work through the Shanghai Cooperation Organisation.

Lavrov also told reporters that Moscow would keep its embassy in Kabul open and that Russia saw no reason to change its position on the Taliban for now.
`;

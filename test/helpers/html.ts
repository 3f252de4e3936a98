/** The part of the page from the element with this id to the next closing tag of its kind. */
export function htmlBlock(page: string, id: string): string {
  const start = page.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no element with id ${id}`);
  const tag = /<(\w+)[^<]*$/.exec(page.slice(0, start))?.[1] ?? 'section';
  const end = page.indexOf(`</${tag}>`, start);
  return page.slice(start, end < 0 ? undefined : end);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An event fixture from test/fixtures/events/, as Lambda would receive it. */
export function loadEvent<T>(name: string): T {
  return JSON.parse(readFileSync(join('test', 'fixtures', 'events', `${name}.json`), 'utf8')) as T;
}

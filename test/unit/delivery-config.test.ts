import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configForAddresses, parseDeliveryConfig } from '../../functions/delivery/delivery-config';
import { ConfigError } from '../../functions/model/errors';

const fixture = (name: string) => readFileSync(`test/fixtures/delivery/${name}`, 'utf8');

describe('recipients configuration', () => {
  it('reads a plain list of addresses as one list that gets the full brief', () => {
    const config = parseDeliveryConfig('- ana@example.org\n- ben@example.org\n', 'r.yaml');
    expect(config.from).toBeNull();
    expect(config.lists).toEqual([
      expect.objectContaining({
        name: 'all',
        to: ['ana@example.org', 'ben@example.org'],
        mode: 'full',
      }),
    ]);
  });

  it('reads distribution lists with their filters (YAML)', () => {
    const config = parseDeliveryConfig(fixture('recipients.yaml'), 'recipients.yaml');
    expect(config.from).toBe('Daily Brief <brief@example.org>');
    expect(config.lists.map((l) => [l.name, l.mode])).toEqual([
      ['all-staff', 'full'],
      ['central-asia', 'only'],
      ['europe-desk', 'first'],
    ]);
    const desk = config.lists[1];
    expect(desk?.actors).toEqual(['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB', 'SCO', 'CSTO']);
    expect(desk?.label).toBe('Central Asia desk');
    expect(desk?.bcc).toEqual(['archive@example.org']);
  });

  it('reads the same configuration written as JSON', () => {
    const json = JSON.stringify({ from: 'brief@example.org', to: ['ana@example.org'] });
    expect(parseDeliveryConfig(json, 'r.json').lists[0]?.to).toEqual(['ana@example.org']);
  });

  it('builds the --mail-to configuration', () => {
    expect(configForAddresses(['a@example.org']).lists[0]?.mode).toBe('full');
    expect(() => configForAddresses(['not-an-address'])).toThrow(
      /"not-an-address" is not an e-mail address/,
    );
  });

  it.each([
    [
      'an unknown field',
      'lists:\n  - name: x\n    to: [a@example.org]\n    actor: [KAZ]\n',
      /unknown field "actor"/,
    ],
    [
      'a bad address',
      'to: [ana.example.org]\n',
      /\/to\/0: "ana.example.org" is not an e-mail address/,
    ],
    [
      'a list name unfit for a key',
      'lists:\n  - name: Central Asia\n    to: [a@example.org]\n',
      /\/lists\/0\/name: "Central Asia" is not a list name/,
    ],
    ['a list without recipients', 'lists:\n  - name: x\n', /must have required property 'to'/],
    [
      'an unknown mode',
      'lists:\n  - name: x\n    to: [a@example.org]\n    mode: some\n',
      /\/lists\/0\/mode/,
    ],
    [
      'two lists of one name',
      'lists:\n  - {name: x, to: [a@example.org]}\n  - {name: x, to: [b@example.org]}\n',
      /two lists are named "x"/,
    ],
    [
      'a filter mode without filters',
      'lists:\n  - {name: x, to: [a@example.org], mode: only}\n',
      /no actors or themes/,
    ],
    ['broken YAML', 'to: [a@example.org\n', /not valid YAML or JSON/],
    ['neither to nor lists', 'from: brief@example.org\n', /expected a list of addresses|required/],
  ])('rejects %s, naming the file and the place', (_, text, message) => {
    expect(() => parseDeliveryConfig(text, 'config/recipients.yaml')).toThrow(ConfigError);
    expect(() => parseDeliveryConfig(text, 'config/recipients.yaml')).toThrow(
      /^config\/recipients\.yaml: /,
    );
    expect(() => parseDeliveryConfig(text, 'config/recipients.yaml')).toThrow(message);
  });
});

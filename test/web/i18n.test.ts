import { describe, expect, it } from 'vitest';
import { AREAS, messagesFor } from '../../src/web/i18n/index.js';

describe('the interface catalogs', () => {
  it('give every area its own keys, so joining them never hides a message', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [area, catalog] of Object.entries(AREAS)) {
      for (const key of Object.keys(catalog.it)) {
        const first = owner.get(key);
        if (first) clashes.push(`${key}: ${first} and ${area}`);
        owner.set(key, area);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('have the same keys in Italian and English, and English words differ from Italian ones', () => {
    const it = messagesFor('it');
    const en = messagesFor('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(it).sort());
    expect(en.skipToContent).not.toBe(it.skipToContent);
    expect(en.sectionPriorities).not.toBe(it.sectionPriorities);
  });
});

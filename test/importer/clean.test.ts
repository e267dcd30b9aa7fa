import { describe, expect, it } from 'vitest';
import {
  dehyphenate,
  isPageNumber,
  joinSpacedLetters,
  removeRunningLines,
} from '../../src/importer/clean/text-cleanup.js';
import { importPlanFile } from '../../src/importer/import-plan.js';

describe('PDF text cleanup', () => {
  it('joins words spelled letter by letter or cut by a stray space', () => {
    expect(joinSpacedLetters('V i a d a n a, Ufficio Tributi')).toBe('Viadana, Ufficio Tributi');
    expect(joinSpacedLetters('il pro t ocollo informatico')).toBe('il protocollo informatico');
    expect(joinSpacedLetters('dati a e i cittadini')).toBe('dati a e i cittadini');
    expect(joinSpacedLetters('X X X')).toBe('X X X');
    expect(joinSpacedLetters('servizi e dati')).toBe('servizi e dati');
  });

  it('joins words hyphenated at the end of a line', () => {
    expect(dehyphenate(['la gestione documen-', 'tale del Comune'])).toEqual([
      'la gestione documentale',
      'del Comune',
    ]);
    expect(dehyphenate(['il periodo 2021-', '2023 del piano'])).toEqual([
      'il periodo 2021-',
      '2023 del piano',
    ]);
    expect(dehyphenate(['servizi e-', 'Service'])).toEqual(['servizi e-', 'Service']);
  });

  it('tells page numbers', () => {
    for (const t of ['14', '- 3 -', 'Pag. 3', 'Pagina 3 di 20', '3/20'])
      expect(isPageNumber(t), t).toBe(true);
    for (const t of ['2021', 'Tempi: 2024', 'Priorità 1'])
      expect(isPageNumber(t) && t.length > 4, t).toBe(false);
  });

  it('removes headers and footers repeated on most pages, and only those', () => {
    const page = (n: number, body: string[]) => [
      { text: 'Comune di Prova – Piano triennale per l’informatica' },
      ...body.map((text) => ({ text })),
      { text: `Pag. ${n} di 5` },
    ];
    const pages = [1, 2, 3, 4, 5].map((n) =>
      page(n, [`Azione ${n}: intervento`, 'Tempi: entro il 2025']),
    );
    const cleaned = removeRunningLines(pages);
    expect(cleaned.map((p) => p.map((l) => l.text))).toEqual(
      [1, 2, 3, 4, 5].map((n) => [`Azione ${n}: intervento`, 'Tempi: entro il 2025']),
    );
  });

  it('repairs text pasted from a PDF before reading it', async () => {
    const prose = Array.from(
      { length: 24 },
      (_, k) =>
        `riga ${k} di una premessa lunga che il PDF ha spezzato alla larghezza della sua colonna di`,
    );
    const lines = [
      'Comune di Prova',
      'Piano triennale per l’informatica 2024-2026',
      ...prose,
      'testo.',
      '',
      'Azione: Adeguamento del pro t ocollo informatico',
      'Responsabilità: Responsabile della gestione documen-',
      'tale',
      'Tempi: entro il 2025',
    ];
    const result = await importPlanFile(new TextEncoder().encode(lines.join('\n')));
    const action = result.document.actions[0];
    expect(action?.title).toBe('Adeguamento del protocollo informatico');
    expect(action?.responsibles).toEqual(['Responsabile della gestione documentale']);
  });
});

describe('running lines on short documents', () => {
  it('removes only page numbers when there are too few pages to tell a header', () => {
    const pages = [
      [{ text: 'Titolo' }, { text: 'Tempi: entro il 2025' }, { text: '1' }],
      [{ text: 'Titolo' }, { text: 'Responsabilità: RTD' }, { text: 'Pag. 2' }],
    ];
    expect(removeRunningLines(pages).map((p) => p.map((l) => l.text))).toEqual([
      ['Titolo', 'Tempi: entro il 2025'],
      ['Titolo', 'Responsabilità: RTD'],
    ]);
  });
});

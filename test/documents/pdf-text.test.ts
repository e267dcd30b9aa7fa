import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../src/documents/fonts.js';
import { PdfText, type Line, type TextRun } from '../../src/documents/pdf-text.js';

const fonts = {
  regular: fontkit.create(readFileSync(FONT_FILES.regular)) as fontkit.Font,
  bold: fontkit.create(readFileSync(FONT_FILES.bold)) as fontkit.Font,
};
const text = new PdfText(new PDFDocument({ font: null as never }), fonts);
const SIZE = 10;
const run = (value: string, font: 'regular' | 'bold' = 'regular'): TextRun => ({
  text: value,
  font,
  color: '#000000',
});
const lineText = (line: Line) => line.pieces.map((p) => p.text).join('');
const layout = (runs: TextRun[], width: number) =>
  text.breakLines(runs, { size: SIZE, width }).map(lineText);

describe('PDF text setting', () => {
  it('keeps a text that fits on one line whole', () => {
    expect(layout([run('Subentro in ANPR')], 500)).toEqual(['Subentro in ANPR']);
  });

  it('breaks between words, never wider than the line, keeping every word in order', () => {
    const words = 'Migrazione dei servizi comunali verso un cloud qualificato secondo la strategia';
    const width = text.width('Migrazione dei servizi', 'regular', SIZE) + 1;
    const lines = layout([run(words)], width);
    expect(lines[0]).toBe('Migrazione dei servizi');
    expect(lines.join(' ')).toBe(words);
    for (const line of lines) expect(text.width(line, 'regular', SIZE)).toBeLessThanOrEqual(width);
  });

  it('breaks at every newline and keeps blank lines', () => {
    expect(layout([run('2025: 10 servizi\n2026: 30 servizi\n\nNota')], 500)).toEqual([
      '2025: 10 servizi',
      '2026: 30 servizi',
      '',
      'Nota',
    ]);
  });

  it('may break after a hyphen between letters, but not in a date or a number range', () => {
    const width = text.width('Sportello tele-', 'regular', SIZE) + 0.5;
    expect(layout([run('Sportello tele-assistenza')], width)).toEqual([
      'Sportello tele-',
      'assistenza',
    ]);
    const rangeWidth = text.width('2025-2027 al', 'regular', SIZE) + 1;
    expect(layout([run('dal 2025-2027 al 31-12-2027')], rangeWidth)).toEqual([
      'dal',
      '2025-2027 al',
      '31-12-2027',
    ]);
  });

  it('cuts a word wider than the line between characters', () => {
    const url = 'https://www.comune.valdimonte.example.it/amministrazione-trasparente';
    const width = 120;
    const lines = layout([run(url)], width);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(url);
    for (const line of lines) expect(text.width(line, 'regular', SIZE)).toBeLessThanOrEqual(width);
  });

  it('sets runs of different fonts in one flow, each piece in its own run', () => {
    const lines = text.breakLines([run('Responsabilità: ', 'bold'), run('Servizi demografici')], {
      size: SIZE,
      width: 500,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.pieces.map((p) => [p.run, p.text])).toEqual([
      [0, 'Responsabilità: '],
      [1, 'Servizi demografici'],
    ]);
    expect(lines[0]!.pieces[1]!.x).toBeCloseTo(text.width('Responsabilità: ', 'bold', SIZE), 5);
  });

  it('keeps every character of any text, in order, on lines no wider than the width', () => {
    const word = fc.stringMatching(/^[A-Za-zàèéìòù0-9.,;:()€%-]{1,18}$/);
    const sentence = fc.array(word, { minLength: 1, maxLength: 40 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(sentence, fc.integer({ min: 40, max: 480 }), (value, width) => {
        const lines = layout([run(value)], width);
        expect(lines.join('').replace(/\s/g, '')).toBe(value.replace(/\s/g, ''));
        for (const line of lines) {
          // Only a single character wider than the whole line may overflow it.
          if ([...line].length > 1) {
            expect(text.width(line, 'regular', SIZE)).toBeLessThanOrEqual(width + 1e-9);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the height of its lines', () => {
    const one = text.height([run('Una riga')], { size: SIZE, width: 500 });
    const three = text.height([run('Una\ndue\ntre')], { size: SIZE, width: 500, lineGap: 2 });
    expect(one).toBeCloseTo(text.lineHeight('regular', SIZE), 5);
    expect(three).toBeCloseTo(3 * (one + 2), 5);
  });

  it('cuts a text with an ellipsis to fit a width', () => {
    const long = 'Piano triennale per l’informatica del Comune di Valdimonte 2025–2027';
    const fitted = text.fit(long, 'regular', SIZE, 100);
    expect(fitted.endsWith('…')).toBe(true);
    expect(long.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(text.width(fitted, 'regular', SIZE)).toBeLessThanOrEqual(100);
  });
});

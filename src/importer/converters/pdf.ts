import { PianoError } from '../../domain/errors.js';
import { dehyphenate, joinSpacedLetters, removeRunningLines } from '../clean/text-cleanup.js';
import { layoutPage, type PdfLine } from '../clean/pdf-layout.js';
import type { ImportLimits } from '../limits.js';
import type { Block, TextDocument } from '../text-model.js';
import { runExtractor } from './run-extractor.js';

// Any list marker of the genre, including the private-use glyphs (U+F0xx) of symbol fonts
// that PDF and Word extraction give, and a lone 'o' before a capital.
const BULLET = /^(?:[-–•●▪◦○■□➢➤►✓✔❖◆♦▸→·\uF000-\uF0FF]|o(?=\s+\p{Lu})|\d{1,2}[.)]|[a-z][.)])\s+/u;

/**
 * PDF → text model, with pdf.js (legacy build, in a worker). Encrypted, image-only, too long
 * or broken PDFs are refused with a message saying what to do. The text is then cleaned: running
 * headers and footers removed, hyphenated and spaced-out words joined.
 */
export async function convertPdf(bytes: Uint8Array, limits: ImportLimits): Promise<TextDocument> {
  const result = await runExtractor('pdf', bytes, limits);
  if ('error' in result) throw pdfError(result.error, result.pages, limits);
  if (!('pages' in result)) throw new PianoError('unreadable_file', 'Il PDF non può essere letto');
  const pages = result.pages.map(layoutPage);
  const chars = pages.flat().reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
  if (chars < Math.max(40, pages.length * 10)) {
    throw new PianoError(
      'unreadable_file',
      `Il PDF (${pages.length} pagine) non contiene testo: è fatto di immagini (una scansione). Serve prima il riconoscimento ottico dei caratteri (OCR), poi si può importare il PDF risultante`,
    );
  }
  const cleaned = removeRunningLines(pages);
  const body = bodySize(cleaned);
  const blocks: Block[] = [];
  cleaned.forEach((lines, p) => {
    const texts = dehyphenate(lines.map((l) => l.text));
    lines.forEach((line, k) => {
      const source = { page: p + 1, line: k + 1 };
      if (line.gap > 1.9 && blocks.length > 0) blocks.push({ kind: 'blank', text: '', source });
      blocks.push(blockOf(line, joinSpacedLetters(texts[k] ?? ''), body, source));
    });
    blocks.push({ kind: 'blank', text: '', source: { page: p + 1, line: lines.length + 1 } });
  });
  return { format: 'pdf', blocks, pages: pages.length, wrapped: true, warnings: [] };
}

function pdfError(error: string, pages: number | undefined, limits: ImportLimits): PianoError {
  switch (error) {
    case 'encrypted':
      return new PianoError(
        'unreadable_file',
        'Il PDF è protetto da password (cifrato): salvarne una copia senza protezione e importare quella',
      );
    case 'too_many_pages':
      return new PianoError(
        'file_too_large',
        `Il PDF ha ${pages} pagine, più delle ${limits.maxPages} che l’importazione legge: estrarre le pagine del piano (o alzare il limite con --max-pages)`,
      );
    case 'too_much_text':
      return new PianoError('file_too_large', 'Il PDF contiene troppo testo per essere un piano');
    default:
      return new PianoError(
        'unreadable_file',
        'Il PDF è danneggiato o incompleto e non può essere letto',
      );
  }
}

/** The most common font size, weighted by text length: the body text's. */
function bodySize(pages: PdfLine[][]): number {
  const weight = new Map<number, number>();
  for (const line of pages.flat()) {
    const size = Math.round(line.size);
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

function blockOf(line: PdfLine, text: string, body: number, source: Block['source']): Block {
  if (line.cells.length >= 2) {
    const cells = line.cells.map(joinSpacedLetters);
    return { kind: 'row', text: cells.join(' '), cells, cellX: line.cellX, source };
  }
  const ratio = line.size / body;
  if (ratio >= 1.2 && text.length <= 150 && !BULLET.test(text)) {
    const level = ratio >= 1.6 ? 1 : ratio >= 1.35 ? 2 : 3;
    return { kind: 'heading', level, text, emphasis: true, source };
  }
  const bullet = BULLET.exec(text);
  if (bullet) return { kind: 'item', text: text.slice(bullet[0].length), source };
  return { kind: 'paragraph', text, source };
}

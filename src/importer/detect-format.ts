import { PianoError } from '../domain/errors.js';
import type { SourceFormat } from './text-model.js';

/**
 * What a file is, from its first bytes (and its name for the text formats): PDF, DOCX, HTML,
 * Markdown or plain text. Anything else (old .doc, RTF, images, archives, binary garbage) is
 * refused with a message saying what to do.
 */
export interface Detected {
  format: SourceFormat;
  /** The decoded text, for the text formats. */
  text: string | null;
}

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((b, k) => bytes[at + k] === b);

export function detectFormat(bytes: Uint8Array, fileName = ''): Detected {
  if (bytes.length === 0) throw new PianoError('unreadable_file', 'Il file è vuoto');
  const name = fileName.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { format: 'pdf', text: null };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { format: 'docx', text: null };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw unsupported(
      'è un documento Word 97-2003 (.doc) o un altro formato Office binario: salvarlo come .docx o PDF',
    );
  }
  if (head.startsWith('{\\rtf')) throw unsupported('è in formato RTF: salvarlo come .docx o PDF');
  if (startsWith(bytes, [0x50, 0x4b]))
    throw unsupported('è un archivio compresso, non un documento');
  const text = decodeText(bytes);
  if (text.trim() === '') throw new PianoError('unreadable_file', 'Il file non contiene testo');
  if (/\.(?:html?|xhtml)$/.test(name) || /^\s*(?:<!doctype html|<html[\s>])/i.test(text)) {
    return { format: 'html', text };
  }
  if (/\.(?:md|markdown)$/.test(name)) return { format: 'markdown', text };
  return { format: 'text', text };
}

function unsupported(what: string): PianoError {
  return new PianoError('unsupported_file', `Il file ${what}`);
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 for old Italian text files. */
function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff]))
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  if (looksBinary(text)) {
    throw unsupported(
      'non è un documento di testo, Word (.docx), PDF, HTML o Markdown: sembra un file binario',
    );
  }
  return text;
}

/** NUL bytes or many control characters: not text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const c = sample.charCodeAt(i);
    const c1 = c >= 0x80 && c < 0xa0;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c1 || c === 0xfffd) control += 1;
  }
  return control > sample.length * 0.02;
}

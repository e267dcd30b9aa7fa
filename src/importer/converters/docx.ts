import { PianoError } from '../../domain/errors.js';
import type { ImportLimits } from '../limits.js';
import type { TextDocument } from '../text-model.js';
import { convertHtml } from './html.js';
import { runExtractor } from './run-extractor.js';
import { checkDocx } from './zip-guard.js';

/**
 * DOCX → text model: the archive is checked first (zip bombs, truncated files), then mammoth
 * turns it into semantic HTML in a worker, and the HTML converter does the rest. Source pointers
 * are paragraph numbers (a DOCX has no fixed pages).
 */
export async function convertDocx(bytes: Uint8Array, limits: ImportLimits): Promise<TextDocument> {
  await checkDocx(bytes, limits);
  const result = await runExtractor('docx', bytes, limits);
  if ('error' in result) {
    throw result.error === 'too_much_text'
      ? new PianoError(
          'file_too_large',
          'Il documento Word contiene troppo testo per essere un piano',
        )
      : new PianoError(
          'unreadable_file',
          'Il documento Word (.docx) è danneggiato o incompleto e non può essere letto',
        );
  }
  if (!('html' in result))
    throw new PianoError('unreadable_file', 'Il documento Word non può essere letto');
  const doc = convertHtml(result.html, 'docx');
  if (doc.blocks.length === 0)
    throw new PianoError('unreadable_file', 'Il documento Word non contiene testo');
  return doc;
}

import { Worker } from 'node:worker_threads';
import { PianoError } from '../../domain/errors.js';
import type { ImportLimits } from '../limits.js';

/** What the extraction worker sends back (see extract-worker.mjs). */
export type ExtractResult =
  | { pages: PdfItem[][] }
  | { html: string }
  | {
      error: 'encrypted' | 'invalid' | 'too_many_pages' | 'too_much_text';
      detail?: string;
      pages?: number;
    };

/** One run of text on a PDF page: its string, position (points, origin bottom left), width, size. */
export interface PdfItem {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const WORKER = new URL('./extract-worker.mjs', import.meta.url);

/**
 * Runs pdf.js or mammoth in a worker thread with a heap limit, and ends it when the time is up:
 * a file that makes a library loop or swell fails with a clear error, and the process lives on.
 */
export function runExtractor(
  kind: 'pdf' | 'docx',
  bytes: Uint8Array,
  limits: ImportLimits,
): Promise<ExtractResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { kind, bytes, maxPages: limits.maxPages, maxChars: limits.maxTextChars },
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new PianoError(
              'unreadable_file',
              `La lettura del file ha superato il tempo massimo (${Math.round(limits.timeoutMs / 1000)} s): il file è troppo complesso o danneggiato`,
            ),
          ),
        ),
      limits.timeoutMs,
    );
    worker.once('message', (result: ExtractResult) => finish(() => resolve(result)));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new PianoError(
                'file_too_large',
                'La lettura del file richiede troppa memoria: il file è troppo grande o danneggiato',
              )
            : new PianoError('unreadable_file', `Il file non può essere letto: ${error.message}`),
        ),
      ),
    );
    worker.once('exit', (code) =>
      finish(() =>
        reject(new PianoError('unreadable_file', `Lettura del file interrotta (codice ${code})`)),
      ),
    );
  });
}

import yauzl from 'yauzl';
import { PianoError } from '../../domain/errors.js';
import type { ImportLimits } from '../limits.js';

/**
 * Checks a DOCX before anything inflates it. First the zip's central directory: number of
 * entries, declared sizes and compression ratios (a zip bomb declares gigabytes, or compresses a
 * thousand to one). Then every entry is inflated as a stream and counted, without being kept:
 * yauzl stops an entry that inflates past the size it declared, so a lying directory is caught
 * too. Only then may mammoth read the file.
 */
export async function checkDocx(bytes: Uint8Array, limits: ImportLimits): Promise<void> {
  const zip = await openZip(bytes);
  try {
    const entries = await readDirectory(zip, limits);
    if (!entries.some((e) => e.fileName === 'word/document.xml')) {
      throw new PianoError(
        'unsupported_file',
        'Il file è un archivio ZIP ma non un documento Word (.docx): manca word/document.xml',
      );
    }
    let total = 0;
    for (const entry of entries) total += await inflatedSize(zip, entry, limits);
    if (total > limits.maxUncompressedBytes) throw bomb(`si espande a ${mb(total)}`);
  } finally {
    zip.close();
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function bomb(detail: string): PianoError {
  return new PianoError(
    'file_too_large',
    `Il documento Word è anomalo (${detail}): può essere una "zip bomb" e non viene aperto`,
  );
}

function truncated(error: unknown): PianoError {
  const detail = error instanceof Error ? error.message : String(error);
  return new PianoError(
    'unreadable_file',
    `Il documento Word (.docx) è danneggiato o incompleto e non può essere letto (${detail})`,
  );
}

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error || !zip ? reject(truncated(error)) : resolve(zip)),
    );
  });
}

function readDirectory(zip: yauzl.ZipFile, limits: ImportLimits): Promise<yauzl.Entry[]> {
  if (zip.entryCount > limits.maxZipEntries) {
    return Promise.reject(bomb(`contiene ${zip.entryCount} parti`));
  }
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (declared > limits.maxUncompressedBytes) {
        reject(bomb(`dichiara ${mb(declared)} una volta decompresso`));
        return;
      }
      if (ratio > limits.maxCompressionRatio && entry.uncompressedSize > 1024 * 1024) {
        reject(bomb(`una parte è compressa ${Math.round(ratio)} volte`));
        return;
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error) => reject(truncated(error)));
    zip.readEntry();
  });
}

function inflatedSize(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  limits: ImportLimits,
): Promise<number> {
  if (entry.fileName.endsWith('/')) return Promise.resolve(0);
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(truncated(error));
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxUncompressedBytes) {
          stream.destroy();
          reject(bomb(`una parte supera ${mb(limits.maxUncompressedBytes)}`));
        }
      });
      stream.on('end', () => resolve(size));
      // yauzl stops an entry that inflates past its declared size: the directory lied.
      stream.on('error', (e) =>
        reject(
          /too many bytes/i.test(e.message)
            ? bomb('una parte è più grande di quanto dichiara')
            : truncated(e),
        ),
      );
    });
  });
}

/**
 * Limits every import runs under, so a hostile or broken file gets a clear error instead of
 * exhausting memory or time. All are per file.
 */
export interface ImportLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest text a file may expand to, in characters. */
  maxTextChars: number;
  /** Most PDF pages read. */
  maxPages: number;
  /** Largest total a DOCX may inflate to, in bytes (as its zip directory declares it). */
  maxUncompressedBytes: number;
  /** Largest inflated/compressed size ratio of any DOCX part: zip bombs compress 1000:1. */
  maxCompressionRatio: number;
  /** Most entries in a DOCX archive. */
  maxZipEntries: number;
  /** Time allowed to extract the text, in milliseconds. */
  timeoutMs: number;
  /** Heap allowed to the extraction worker, in MB. */
  memoryMb: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxTextChars: 5_000_000,
  maxPages: 200,
  maxUncompressedBytes: 60 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxZipEntries: 2000,
  timeoutMs: 20_000,
  memoryMb: 256,
};

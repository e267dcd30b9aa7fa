import { PianoError } from '../domain/errors.js';
import type { Principal } from '../domain/rules/permissions.js';
import type { ImportResult } from '../importer/import-plan.js';
import type { ImportLimits } from '../importer/limits.js';

export interface PlanFile {
  /** The file's content: DOCX, PDF, HTML, Markdown or text. */
  bytes: Uint8Array;
  fileName?: string | undefined;
}

export interface DraftPlanFromFileOptions {
  principal: Principal | null;
  /**
   * Reads the file; called only once the principal may import, so an upload from anyone else
   * is refused before it is read.
   */
  file: () => Promise<PlanFile>;
  limits?: Partial<ImportLimits> | undefined;
}

/** Imports read whole files in a worker each: a few at a time keep memory bounded. */
const MAX_RUNNING = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await fn();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/**
 * Reads an existing plan and returns its draft, with provenance and warnings; stores nothing.
 * Any member of an organization, or a consultant, may import: the draft is theirs to review.
 */
export async function draftPlanFromFile(options: DraftPlanFromFileOptions): Promise<ImportResult> {
  const p = options.principal;
  if (!p) throw new PianoError('unauthenticated', 'Accedere per importare un piano');
  if (p.platformRole !== 'consultant' && p.memberships.length === 0) {
    throw new PianoError(
      'forbidden',
      'Solo i membri di un ente o i consulenti possono importare un piano',
    );
  }
  const { bytes, fileName } = await options.file();
  // Loaded on the first import, not with the server: the converters and recognizers (Markdown,
  // HTML and zip readers among them) stay out of the memory of a server nobody imports into.
  const { importPlanFile } = await import('../importer/import-plan.js');
  return oneAtATime(() => importPlanFile(bytes, { fileName, limits: options.limits ?? {} }));
}

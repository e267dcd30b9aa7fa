/** A problem with one field of the input, located by a JSON Pointer ("/actions/3/title"). */
export interface FieldProblem {
  field: string;
  message: string;
  /** Where the field was sent, for a request: the body unless said otherwise. */
  in?: 'body' | 'querystring' | 'params';
}

/**
 * Stable error codes. The API maps each to an HTTP status in one place (api/problem.ts);
 * the CLI maps them to exit codes. Messages are Italian: they reach users.
 */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'version_conflict'
  // A write on an approved or published revision, or a lifecycle step its status does not allow.
  | 'plan_frozen'
  | 'lifecycle_step'
  | 'unauthenticated'
  | 'forbidden'
  | 'payload_too_large'
  // Too many failed attempts: wait `retryAfterSeconds` (see ThrottledError).
  | 'too_many_requests'
  // A file given to the importer that cannot be read as a plan (see INPUT_FILE_ERRORS).
  | 'unsupported_file'
  | 'unreadable_file'
  | 'file_too_large';

/** Errors about a file the user gave (empty, garbage, encrypted…): the CLI exits with 2. */
export const INPUT_FILE_ERRORS: ReadonlySet<ErrorCode> = new Set([
  'unsupported_file',
  'unreadable_file',
  'file_too_large',
]);

export class PianoError extends Error {
  /** The message without the list of problems, for callers that list them one by one. */
  readonly summary: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
    summary?: string,
  ) {
    super(message);
    this.name = 'PianoError';
    this.summary = summary ?? message;
  }
}

/** A refusal that says when to try again. */
export class ThrottledError extends PianoError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too_many_requests', message);
  }
}

export const validationError = (problems: FieldProblem[], message = 'Dati non validi') =>
  new PianoError(
    'validation',
    `${message}: ${problems.map(describeProblem).join('; ')}`,
    problems,
    message,
  );

export const describeProblem = (p: FieldProblem) => `${p.field || '/'} ${p.message}`;

/** Keeps handlers flat: `const plan = found(await getPlan(...), 'Piano')`. */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined)
    throw new PianoError('not_found', `${what} non trovato`);
  return value;
}

/** Optimistic concurrency: the client must have read the version it is changing. */
export function assertVersion(stored: number, given: number) {
  if (stored !== given) {
    throw new PianoError(
      'version_conflict',
      `L’elemento è stato modificato da qualcun altro (versione attuale ${stored}, inviata ${given}): ricarica e riprova`,
    );
  }
}

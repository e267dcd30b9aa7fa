import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { PianoError, ThrottledError, type ErrorCode } from '../domain/errors.js';
import { toFieldProblems } from '../domain/validation.js';

type ProblemCode =
  ErrorCode | 'malformed_json' | 'bad_request' | 'unsupported_media_type' | 'internal';

/** The one table of API errors: code → HTTP status and Italian title. */
const PROBLEMS: Record<ProblemCode, { status: number; title: string }> = {
  validation: { status: 422, title: 'Dati non validi' },
  malformed_json: { status: 400, title: 'JSON non valido' },
  bad_request: { status: 400, title: 'Richiesta non valida' },
  not_found: { status: 404, title: 'Risorsa non trovata' },
  conflict: { status: 409, title: 'Conflitto con i dati esistenti' },
  version_conflict: { status: 409, title: 'Versione non aggiornata' },
  plan_frozen: { status: 409, title: 'Revisione del piano non modificabile' },
  lifecycle_step: { status: 409, title: 'Passaggio di stato non consentito' },
  unauthenticated: { status: 401, title: 'Accesso richiesto' },
  forbidden: { status: 403, title: 'Operazione non consentita' },
  payload_too_large: { status: 413, title: 'Richiesta troppo grande' },
  too_many_requests: { status: 429, title: 'Troppi tentativi' },
  unsupported_file: { status: 415, title: 'Formato del file non supportato' },
  unreadable_file: { status: 422, title: 'File non leggibile' },
  file_too_large: { status: 413, title: 'File troppo grande' },
  unsupported_media_type: { status: 415, title: 'Formato della richiesta non supportato' },
  internal: { status: 500, title: 'Errore interno' },
};

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    code: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), in: Type.String(), message: Type.String() })),
    ),
  },
  { $id: 'Problem', description: 'Errore nel formato RFC 9457 (application/problem+json)' },
);

interface Problem {
  code: ProblemCode;
  detail: string;
  errors?: { field: string; message: string; in: string }[];
}

/** Classifies any error thrown while serving a request. */
export function problemOf(error: unknown): Problem {
  if (error instanceof PianoError) {
    return {
      code: error.code,
      detail: error.message,
      errors: error.problems.map((p) => ({ in: 'body', ...p })),
    };
  }
  const e = error as FastifyError & { validationContext?: string };
  if (e.validation) {
    const where = e.validationContext === 'body' ? 'body' : (e.validationContext ?? 'body');
    const errors = toFieldProblems(e.validation as never).map((p) => ({ ...p, in: where }));
    const list = errors.map((p) => `${p.field || '/'} ${p.message}`).join('; ');
    return { code: 'validation', detail: `Dati non validi: ${list}`, errors };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        code: 'payload_too_large',
        detail: 'Il corpo della richiesta supera il limite consentito',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type', detail: 'Inviare i dati come application/json' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'malformed_json', detail: 'Il corpo della richiesta è vuoto' };
  }
  if (e.statusCode === 400 && (e instanceof SyntaxError || e.code?.startsWith('FST_ERR_CTP'))) {
    return {
      code: 'malformed_json',
      detail: `Il corpo della richiesta non è JSON valido: ${e.message}`,
    };
  }
  // Other refusals of Fastify or its plugins (a static path that may not be served…).
  if (e.statusCode === 404) return { code: 'not_found', detail: 'Risorsa non trovata' };
  if (e.statusCode === 403) return { code: 'forbidden', detail: 'Percorso non consentito' };
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
    return { code: 'bad_request', detail: 'Richiesta non valida' };
  }
  return {
    code: 'internal',
    detail: 'Si è verificato un errore imprevisto; il dettaglio è nel log',
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const problem = problemOf(error);
  const { status, title } = PROBLEMS[problem.code];
  if (status >= 500) request.log.error({ err: error }, 'unexpected error');
  if (error instanceof ThrottledError) reply.header('retry-after', String(error.retryAfterSeconds));
  else request.log.info({ code: problem.code }, problem.detail);
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `urn:piano:problem:${problem.code}`,
      title,
      status,
      detail: problem.detail,
      instance: request.url,
      code: problem.code,
      ...(problem.errors?.length ? { errors: problem.errors } : {}),
    });
}

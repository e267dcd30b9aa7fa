import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { Type, type Static } from '@sinclair/typebox';
import type { Config } from '../../config.js';
import { PianoError } from '../../domain/errors.js';
import { PlanDocumentInputSchema } from '../../domain/model/interchange.js';
import { draftPlanFromFile } from '../../operations/draft-plan-from-file.js';
import { DEFAULT_LIMITS, SOURCE_FORMATS } from '../../operations/import-formats.js';
import { problems } from './common.js';

/** Raw uploads accepted besides multipart/form-data: the body is the file itself. */
const FILE_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/plain',
  'text/markdown',
  'text/html',
  'application/octet-stream',
];

const Pointer = Type.Object({
  page: Type.Union([Type.Integer(), Type.Null()]),
  line: Type.Integer(),
});
const ImportDraft = Type.Object(
  {
    document: PlanDocumentInputSchema,
    provenance: Type.Array(
      Type.Object({
        pointer: Type.String({ description: 'JSON Pointer nel documento (es. /actions/3)' }),
        source: Pointer,
        confidence: Type.Number({ minimum: 0, maximum: 1 }),
        recognizer: Type.String(),
        notes: Type.Optional(Type.Array(Type.String())),
        why: Type.Optional(
          Type.Array(Type.String(), {
            description: 'I segnali che hanno fatto riconoscere l’elemento (per le azioni)',
          }),
        ),
      }),
    ),
    warnings: Type.Array(Type.String()),
    source: Type.Object({
      fileName: Type.Union([Type.String(), Type.Null()]),
      format: Type.Union(SOURCE_FORMATS.map((f) => Type.Literal(f))),
      pages: Type.Union([Type.Integer(), Type.Null()]),
      bytes: Type.Integer(),
    }),
  },
  {
    description:
      'Bozza del piano nel formato di interscambio, con provenienza e affidabilità di ogni elemento',
  },
);
const ImportQuery = Type.Object({
  filename: Type.Optional(
    Type.String({ maxLength: 255, description: 'nome del file, per i caricamenti diretti' }),
  ),
});

/**
 * POST /api/imports: reads an uploaded plan (DOCX, PDF, HTML, Markdown, text) and answers with
 * the draft the import wizard shows for review. Nothing is stored: the wizard then sends the
 * reviewed document to POST /api/plans/documents.
 */
export async function registerImportRoutes(
  app: FastifyInstance,
  config: Pick<Config, 'PIANO_IMPORT_BODY_LIMIT'>,
) {
  const limit = Math.min(config.PIANO_IMPORT_BODY_LIMIT, DEFAULT_LIMITS.maxBytes);
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: limit, files: 1, fields: 5, parts: 6 } });
    scope.addContentTypeParser(
      FILE_TYPES,
      { parseAs: 'buffer', bodyLimit: limit },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/imports',
      {
        bodyLimit: limit,
        schema: {
          tags: ['Importazione'],
          summary:
            'Legge un piano esistente (DOCX, PDF, HTML, Markdown, testo) e ne restituisce la bozza',
          description:
            'Caricamento multipart/form-data (campo "file") oppure il file come corpo della richiesta con il suo Content-Type. Non salva nulla.',
          querystring: ImportQuery,
          response: { 200: ImportDraft, ...problems(400, 401, 403, 413, 415, 422) },
        },
      },
      async (request) => {
        return draftPlanFromFile({
          principal: request.principal,
          file: () => uploaded(request, limit),
        });
      },
    );
  });
}

async function uploaded(
  request: FastifyRequest,
  limit: number,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const query = request.query as Static<typeof ImportQuery>;
  if (request.isMultipart()) {
    const file = await request.file();
    if (!file)
      throw new PianoError('unreadable_file', 'Nessun file nel caricamento (campo "file")');
    const bytes = await file.toBuffer().catch((error: { code?: string }) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limit);
      throw error;
    });
    return { bytes: new Uint8Array(bytes), fileName: file.filename || query.filename || '' };
  }
  const body = request.body;
  if (!Buffer.isBuffer(body)) {
    throw new PianoError(
      'unsupported_file',
      `Caricare il file come multipart/form-data o con un Content-Type tra: ${FILE_TYPES.join(', ')}`,
    );
  }
  return { bytes: new Uint8Array(body), fileName: query.filename ?? '' };
}

function tooLarge(limit: number) {
  return new PianoError(
    'file_too_large',
    `Il file supera il limite di ${Math.round(limit / 1024 / 1024)} MB`,
  );
}

import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../storage/db.js';
import {
  CONTENT_TYPES,
  DOCUMENT_LANGS,
  EXPORT_FILES,
  type DocumentLang,
} from '../../operations/export-formats.js';
import { readPlan } from '../../operations/read-plan.js';
import { renderExport } from '../../operations/render-export.js';
import { READ_ERRORS, Uuid } from './common.js';

const Params = Type.Object({
  planId: Uuid,
  file: Type.Unsafe<string>({ type: 'string', enum: EXPORT_FILES }),
});
const Query = Type.Object({
  date: Type.Optional(
    Type.String({
      format: 'date',
      description: 'Data del report di monitoraggio (AAAA-MM-GG); oggi se assente',
    }),
  ),
  year: Type.Optional(
    Type.Integer({
      minimum: 2000,
      maximum: 2100,
      description: 'Anno degli obiettivi di performance (objectives.*); l’anno in corso se assente',
    }),
  ),
  lang: Type.Optional(
    Type.Unsafe<DocumentLang>({
      type: 'string',
      enum: [...DOCUMENT_LANGS],
      description:
        'Lingua del documento del piano e dello stato di attuazione: it (italiano, predefinita) o en (inglese). I dati aperti sono gli stessi in ogni lingua.',
    }),
  ),
});
const ListParams = Type.Object({ planId: Uuid });
const FileList = Type.Object({
  items: Type.Array(
    Type.Object({ name: Type.String(), url: Type.String(), description: Type.String() }),
  ),
});

const DESCRIPTIONS: Record<string, string> = {
  'plan.pdf': 'Il documento del piano, PDF accessibile (tagged)',
  'plan.docx': 'Il documento del piano, Word modificabile',
  'plan.html': 'Il documento del piano, pagina HTML autonoma',
  'plan.json': 'Il piano nel formato di interscambio',
  'report.pdf': 'Lo stato di attuazione a una data (?date=AAAA-MM-GG), PDF',
  'report.docx': 'Lo stato di attuazione a una data, Word',
  'report.html': 'Lo stato di attuazione a una data, HTML',
  'dataset.jsonld': 'Metadati DCAT-AP_IT del piano come dataset (JSON-LD)',
  'piao-allegato.docx':
    'Il piano come allegato del PIAO (sezione 2, sottosezione 2.1 – Valore pubblico), Word',
  'objectives.docx':
    'Gli obiettivi di performance dell’anno (?year=AAAA) per settore, come PEG/PdO, Word',
  'objectives.csv': 'Gli obiettivi di performance dell’anno (?year=AAAA) per settore, CSV',
};

/**
 * Downloads of a plan as documents and open data: published plans for everyone, other plans
 * for the organization's members only (404 for anyone else, as for the plan itself).
 */
export function registerExportRoutes(app: FastifyInstance, db: Db, publicUrl: string) {
  const tags = ['Documenti e dati aperti'];
  const baseUrl = (planId: string) => `${publicUrl}/api/plans/${planId}/exports/`;

  app.get(
    '/plans/:planId/exports',
    {
      schema: {
        tags,
        summary: 'I file scaricabili di un piano',
        params: ListParams,
        response: { 200: FileList, ...READ_ERRORS },
      },
    },
    async (request) => {
      const { planId } = request.params as Static<typeof ListParams>;
      await readPlan({ db, principal: request.principal, planId });
      const base = baseUrl(planId);
      return {
        items: EXPORT_FILES.map((name) => ({
          name,
          url: `${base}${name}`,
          description: DESCRIPTIONS[name] ?? `Tabella ${name.replace('.csv', '')} (CSV, RFC 4180)`,
        })),
      };
    },
  );

  app.get(
    '/plans/:planId/exports/:file',
    {
      schema: {
        tags,
        summary: 'Scarica il piano come documento o dati aperti',
        description:
          'plan.pdf, plan.docx, plan.html, plan.json; report.pdf, report.docx, report.html (stato di attuazione alla data ?date=, oggi se assente); documento e stato di attuazione in italiano o, con ?lang=en, in inglese; una tabella CSV (actions.csv, spending.csv, indicators.csv, measurements.csv, platforms.csv...); dataset.jsonld (metadati DCAT-AP_IT); piao-allegato.docx (il piano come allegato della sottosezione 2.1 del PIAO); objectives.docx e objectives.csv (obiettivi di performance per settore dell’anno ?year=, l’anno in corso se assente). I piani pubblicati sono scaricabili senza accesso.',
        params: Params,
        querystring: Query,
        response: {
          200: {
            description: 'Il file, con Content-Type e Content-Disposition',
            content: {
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              [CONTENT_TYPES.docx]: { schema: { type: 'string', format: 'binary' } },
              'text/html': { schema: { type: 'string' } },
              'text/csv': { schema: { type: 'string' } },
              'application/json': { schema: { type: 'object' } },
              'application/ld+json': { schema: { type: 'object' } },
            },
          },
          ...READ_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { planId, file } = request.params as Static<typeof Params>;
      const { date, lang, year } = request.query as Static<typeof Query>;
      const { revision, file: out } = await renderExport({
        db,
        principal: request.principal,
        planId,
        file,
        date,
        lang,
        year,
        baseUrl: baseUrl(planId),
      });
      const inline = /\.(pdf|html)$/.test(out.name);
      if (out.name.endsWith('.html')) {
        // A standalone page: inline styles, fonts and SVG only, nothing to load, nothing to run.
        reply.header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'none'",
        );
      }
      const privacy = revision.status === 'published' ? 'public' : 'private';
      return reply
        .header('content-type', out.contentType)
        .header(
          'content-disposition',
          `${inline ? 'inline' : 'attachment'}; filename="${out.downloadName}"`,
        )
        .header('cache-control', `${privacy}, no-cache`)
        .header('x-content-type-options', 'nosniff')
        .send(out.body);
    },
  );
}

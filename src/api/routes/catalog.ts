import type { FastifyInstance } from 'fastify';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { findEdition, latestEdition } from '../../domain/catalog/catalog.js';
import {
  AUDIENCES,
  CatalogEditionSchema,
  CatalogLineSchema,
  ObligationsSchema,
  PlatformsSchema,
  PnrrMeasuresSchema,
} from '../../domain/catalog/model.js';
import { searchLines } from '../../domain/catalog/search.js';
import { found } from '../../domain/errors.js';
import { StringEnum } from '../../domain/model/common.js';
import { readCatalog } from '../../operations/read-catalog.js';
import { PageQuery, READ_ERRORS, pageOf, problems } from './common.js';

const EditionId = Type.String({ pattern: '^[0-9]{4}-[0-9]{4}$', description: 'es. 2024-2026' });
const Line = Type.Object({ edition: Type.String(), ...CatalogLineSchema.properties });
const EditionSummary = Type.Object({
  edition: Type.String(),
  title: Type.String(),
  publisher: Type.String(),
  period: Type.Object({ startYear: Type.Integer(), endYear: Type.Integer() }),
  lines: Type.Integer(),
  latest: Type.Boolean(),
});
const LinesQuery = Type.Object(
  {
    limit: PageQuery.limit,
    offset: PageQuery.offset,
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Parole da cercare' })),
    code: Type.Optional(Type.String({ maxLength: 30, description: 'Codice o suo inizio' })),
    chapter: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    platform: Type.Optional(Type.String({ maxLength: 100 })),
    edition: Type.Optional(EditionId),
    appliesTo: Type.Optional(StringEnum(AUDIENCES)),
    pnrrMeasure: Type.Optional(Type.String({ maxLength: 10 })),
    kind: Type.Optional(StringEnum(['pa', 'institutional'] as const)),
  },
  { additionalProperties: false },
);
const CodeParams = Type.Object({ code: Type.String({ maxLength: 30 }) });
const EditionQuery = Type.Object(
  { edition: Type.Optional(EditionId) },
  { additionalProperties: false },
);
const EditionParams = Type.Object({ edition: EditionId });

/**
 * The national framework piano ships with: AgID plan editions, PNRR M1C1 measures, national
 * platforms, recurring obligations. Public and read-only; the link picker searches lines here.
 */
export function registerCatalogRoutes(app: FastifyInstance) {
  const tags = ['Catalogo nazionale'];
  const catalog = readCatalog();

  app.get(
    '/catalog/editions',
    {
      schema: {
        tags,
        summary: 'Edizioni del Piano triennale nel catalogo',
        response: { 200: Type.Object({ items: Type.Array(EditionSummary) }) },
      },
    },
    async () => {
      const latest = latestEdition(catalog).edition;
      const items = [...catalog.editions].reverse().map((e) => ({
        edition: e.edition,
        title: e.title,
        publisher: e.publisher,
        period: e.period,
        lines: e.lines.length,
        latest: e.edition === latest,
      }));
      return { items };
    },
  );

  app.get(
    '/catalog/editions/:edition',
    {
      schema: {
        tags,
        summary: 'Un’edizione intera: capitoli, obiettivi, risultati attesi con target, linee',
        params: EditionParams,
        response: { 200: CatalogEditionSchema, ...READ_ERRORS },
      },
    },
    async (request) =>
      found(
        findEdition(catalog, (request.params as Static<typeof EditionParams>).edition),
        'Edizione',
      ),
  );

  app.get(
    '/catalog/lines',
    {
      schema: {
        tags,
        summary: 'Cerca le linee d’azione (per codice, parole, capitolo, piattaforma)',
        description: 'Le edizioni più recenti per prime, poi in ordine di codice.',
        querystring: LinesQuery,
        response: { 200: pageOf(Line), ...problems(400) },
      },
    },
    async (request) => {
      const { limit, offset, ...query } = request.query as Static<typeof LinesQuery>;
      const hits = searchLines(catalog, query);
      return {
        items: hits.slice(offset, offset + limit).map((h) => ({ edition: h.edition, ...h.line })),
        total: hits.length,
        limit,
        offset,
      };
    },
  );

  app.get(
    '/catalog/lines/:code',
    {
      schema: {
        tags,
        summary: 'Una linea d’azione (dell’edizione più recente che la contiene)',
        params: CodeParams,
        querystring: EditionQuery,
        response: { 200: Line, ...READ_ERRORS },
      },
    },
    async (request) => {
      const { code } = request.params as Static<typeof CodeParams>;
      const { edition } = request.query as Static<typeof EditionQuery>;
      const hit = searchLines(catalog, { edition }).find((h) => h.line.code === code);
      const line = found(hit, 'Linea d’azione');
      return { edition: line.edition, ...line.line };
    },
  );

  const list = <T extends TSchema>(path: string, summary: string, item: T, items: unknown[]) =>
    app.get(
      path,
      { schema: { tags, summary, response: { 200: Type.Object({ items: Type.Array(item) }) } } },
      async () => ({ items }),
    );
  list(
    '/catalog/pnrr-measures',
    'Misure PNRR M1C1 che finanziano i comuni',
    PnrrMeasuresSchema.properties.measures.items,
    catalog.pnrrMeasures,
  );
  list(
    '/catalog/platforms',
    'Piattaforme nazionali, con la data da cui sono attese',
    PlatformsSchema.properties.platforms.items,
    catalog.platforms,
  );
  list(
    '/catalog/obligations',
    'Adempimenti ricorrenti, con la regola di calendario e il riferimento normativo',
    ObligationsSchema.properties.obligations.items,
    catalog.obligations,
  );
}

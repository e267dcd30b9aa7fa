import {
  exportFile,
  formatOfFile,
  LANGUAGE_FORMATS,
  today,
  YEAR_FORMATS,
  type ExportFile,
} from '../documents/exports.js';
import type { DocumentLang } from '../documents/labels.js';
import { PianoError } from '../domain/errors.js';
import { canReadPlan, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { exportSource } from './plan-exports.js';
import { planCachesOf, planRevision, type PlanRevision } from './plan-caches.js';
import { readPlan } from './read-plan.js';

export interface RenderExportOptions {
  db: Db;
  principal: Principal | null;
  planId: string;
  /** A file name as served: plan.pdf, report.html, actions.csv, dataset.jsonld… */
  file: string;
  /** Date of the monitoring report (report.*), YYYY-MM-DD; today when absent. */
  date?: string | undefined;
  /** Language of the plan document and the report (plan.*, report.*); Italian when absent. */
  lang?: DocumentLang | undefined;
  /** Year of the performance objectives (objectives.*); this year when absent. */
  year?: number | undefined;
  /** The URL the plan's files are served under, for dataset.jsonld's distributions. */
  baseUrl: string;
}

export interface RenderedExport {
  /** The state rendered: its status says whether the file may be cached publicly. */
  revision: PlanRevision;
  file: ExportFile;
}

/**
 * One file of a plan the principal may read (not_found otherwise, and for a file piano does not
 * make), rendered once per plan state, file, report date and language (and base URL for the
 * DCAT metadata), then served from memory until the plan changes.
 */
export async function renderExport(options: RenderExportOptions): Promise<RenderedExport> {
  const { db, principal, planId, file } = options;
  const revision = await planRevision(db, planId);
  if (!revision || !canReadPlan(principal, revision)) {
    throw new PianoError('not_found', 'Piano non trovato');
  }
  const format = formatOfFile(file);
  const date = format?.startsWith('report-') ? (options.date ?? today()) : '';
  // Open data is the same in every language: one entry serves them all.
  const lang = format && LANGUAGE_FORMATS.includes(format) ? (options.lang ?? 'it') : '';
  const baseUrl = format === 'jsonld' ? options.baseUrl : '';
  const year =
    format && YEAR_FORMATS.includes(format) ? (options.year ?? Number(today().slice(0, 4))) : '';
  const key = [planId, revision.tag, file, date, lang, baseUrl, year].join('|');
  const { exports } = planCachesOf(db);
  const cached = exports.get(key);
  if (cached) return { revision, file: cached };
  const plan = await readPlan({ db, principal, planId });
  const source = await exportSource(db, plan, {
    date: date || undefined,
    lang: lang || undefined,
    baseUrl: options.baseUrl,
    year: year || undefined,
  });
  const rendered = await exportFile(source.document, file, source.options);
  if (!rendered) throw new PianoError('not_found', `Nessun file ${file} per questo piano`);
  exports.set(key, rendered);
  return { revision, file: rendered };
}

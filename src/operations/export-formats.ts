/**
 * The export vocabulary adapters need to parse requests and name files — formats, file names,
 * content types, languages — re-exported from the documents, which adapters do not import.
 */
import { CSV_TABLE_NAMES } from '../documents/open-data.js';

export {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  FOLDER_FORMATS,
  TEXT_FORMATS,
  YEAR_FORMATS,
  type ExportFile,
  type ExportFormat,
} from '../documents/exports.js';
export { DOCUMENT_LANGS, isDocumentLang, type DocumentLang } from '../documents/labels.js';
export { slug } from '../documents/outline.js';

/** The files a plan is served as (GET /api/plans/:id/exports/:file). */
export const EXPORT_FILES = [
  'plan.pdf',
  'plan.docx',
  'plan.html',
  'plan.json',
  'report.pdf',
  'report.docx',
  'report.html',
  'dataset.jsonld',
  'piao-allegato.docx',
  'objectives.docx',
  'objectives.csv',
  ...CSV_TABLE_NAMES.map((t) => `${t}.csv`),
];

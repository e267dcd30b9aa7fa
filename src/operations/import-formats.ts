/**
 * What adapters need to know about imports — the formats read, the default limits, the shape of
 * a draft — re-exported from the importer, which adapters do not import.
 */
export { DEFAULT_LIMITS, type ImportLimits } from '../importer/limits.js';
export { SOURCE_FORMATS } from '../importer/text-model.js';
export type { ImportResult, SourceLine } from '../importer/import-plan.js';

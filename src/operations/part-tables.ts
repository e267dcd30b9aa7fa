/**
 * The kinds of parts and how each is described — fields, filters, sortable columns, parent,
 * Italian label — for adapters that build schemas, routes and forms from them. Re-exported from
 * storage, which adapters do not import.
 */
export {
  ENTITY_TABLES,
  type Column,
  type EntityTable,
  type EntityType,
} from '../storage/entities.js';

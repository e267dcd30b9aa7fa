import { PianoError } from '../domain/errors.js';
import { ENTITY_TABLES, type EntityTable } from './entities.js';

interface PgError {
  code?: string;
  detail?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

const isPgError = (e: unknown): e is PgError =>
  typeof e === 'object' && e !== null && typeof (e as PgError).code === 'string';

/** The property that a column stands for, in whichever table raised the error. */
function propOf(tableName: string | undefined, column: string): string {
  const table: EntityTable | undefined = Object.values(ENTITY_TABLES).find(
    (t) => t.table === tableName,
  );
  const all = [...(table?.columns ?? []), ...(table?.parent ? [table.parent] : [])];
  if (column === 'key') return 'id';
  // Outside the part tables, columns follow one convention: unit_key → unitId, ipa_code → ipaCode.
  const camel = () =>
    column.replace(/_key$/, '_id').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return all.find((c) => c.column === column)?.prop ?? camel();
}

/**
 * The column a CHECK constraint guards, from PostgreSQL's default name "<table>_<column>_check"
 * (null for checks over several columns, named "<table>_check").
 */
function checkedColumn(error: PgError): string | null {
  if (error.column) return error.column;
  const prefix = `${error.table ?? ''}_`;
  if (!error.table || !error.constraint?.startsWith(prefix)) return null;
  return /^(.+)_check\d*$/.exec(error.constraint.slice(prefix.length))?.[1] ?? null;
}

/** Raised by the triggers that freeze approved and published revisions (see the migrations). */
export const FROZEN_PLAN = 'PN409';
const FROZEN_MESSAGE =
  'Questa revisione del piano è approvata o pubblicata e non si può più modificare: ' +
  'restano aggiornabili solo lo stato e l’avanzamento delle azioni e le rilevazioni degli ' +
  'indicatori. Per cambiarne il contenuto, avviare una nuova revisione.';

/**
 * Turns the database's refusals into errors users understand. The database enforces the rules
 * even when code forgets them; this is where its answer becomes Italian.
 */
export function translateDbError(error: unknown): unknown {
  if (!isPgError(error)) return error;
  const columns = /\(([^)]*)\)=/.exec(error.detail ?? '')?.[1]?.split(', ') ?? [];
  const column = columns.find((c) => c !== 'plan_id' && c !== 'organization_id') ?? '';
  const field = `/${propOf(error.table, column)}`;
  switch (error.code) {
    case FROZEN_PLAN:
      return new PianoError('plan_frozen', FROZEN_MESSAGE);
    case '23505':
      return new PianoError('conflict', `Esiste già un elemento con lo stesso identificativo`, [
        { field, message: 'è già usato' },
      ]);
    case '23503':
      return /still referenced/.test(error.detail ?? '')
        ? new PianoError('conflict', 'L’elemento è ancora usato da altri elementi del piano')
        : new PianoError('validation', 'Riferimento a un elemento inesistente', [
            { field, message: 'rimanda a un elemento inesistente' },
          ]);
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008': {
      const checked = checkedColumn(error);
      return new PianoError('validation', 'Dati non accettati dal database', [
        { field: checked ? `/${propOf(error.table, checked)}` : '/', message: 'non è valido' },
      ]);
    }
    default:
      return error;
  }
}

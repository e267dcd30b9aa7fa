import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { requireImportDraft, type ImportDraft } from './import-draft.js';

/** The caller's own draft in the organization, as reviewed so far (not_found otherwise). */
export async function readImportDraft(options: {
  db: Db;
  principal: Principal | null;
  organizationId: string;
  draftId: string;
}): Promise<ImportDraft> {
  const { row: _row, ...draft } = await requireImportDraft(
    options.db,
    options.principal,
    options.organizationId,
    options.draftId,
  );
  return draft;
}

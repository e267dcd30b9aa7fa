import type { Db } from './db.js';

/** One stored draft of the import wizard; `draft` is the operations' own JSON. */
export interface ImportDraftRow {
  id: string;
  organizationId: string;
  userId: string;
  fileName: string | null;
  draft: unknown;
}

const COLUMNS = `id, organization_id AS "organizationId", user_id AS "userId",
  file_name AS "fileName", draft`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function insertImportDraft(
  db: Db,
  row: Omit<ImportDraftRow, 'id'> & { ttlHours: number },
): Promise<ImportDraftRow> {
  // Expired drafts of anyone go as a new one arrives: no background job is needed.
  await db.query('DELETE FROM import_drafts WHERE expires_at < now()');
  const rows = await db.query<ImportDraftRow>(
    `INSERT INTO import_drafts (organization_id, user_id, file_name, draft, expires_at)
     VALUES ($1, $2, $3, $4::jsonb, now() + make_interval(hours => $5))
     RETURNING ${COLUMNS}`,
    [row.organizationId, row.userId, row.fileName, JSON.stringify(row.draft), row.ttlHours],
  );
  return rows[0] as ImportDraftRow;
}

/** The live draft with this id of this user in this organization, or null (any other case). */
export async function findImportDraft(
  db: Db,
  id: string,
  owner: { organizationId: string; userId: string },
  options: { forUpdate?: boolean } = {},
): Promise<ImportDraftRow | null> {
  if (!UUID.test(id)) return null;
  const rows = await db.query<ImportDraftRow>(
    `SELECT ${COLUMNS} FROM import_drafts
      WHERE id = $1 AND organization_id = $2 AND user_id = $3 AND expires_at > now()
      ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [id, owner.organizationId, owner.userId],
  );
  return rows[0] ?? null;
}

export async function replaceImportDraft(db: Db, id: string, draft: unknown): Promise<void> {
  await db.query('UPDATE import_drafts SET draft = $2::jsonb, updated_at = now() WHERE id = $1', [
    id,
    JSON.stringify(draft),
  ]);
}

export async function deleteImportDraft(db: Db, id: string): Promise<void> {
  await db.query('DELETE FROM import_drafts WHERE id = $1', [id]);
}

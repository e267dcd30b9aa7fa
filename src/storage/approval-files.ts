import type { Db } from './db.js';

/** The signed file of the act that approved a revision (PDF, or a CAdES P7M envelope). */
export interface ApprovalFile {
  fileName: string;
  contentType: 'application/pdf' | 'application/pkcs7-mime';
  sha256: string;
  size: number;
}

export async function insertApprovalFile(
  db: Db,
  organizationId: string,
  planId: string,
  file: ApprovalFile,
  content: Uint8Array,
) {
  await db.query(
    `INSERT INTO plan_approval_files
       (plan_id, organization_id, file_name, content_type, sha256, size, content)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [planId, organizationId, file.fileName, file.contentType, file.sha256, file.size, content],
  );
}

const META = `file_name AS "fileName", content_type AS "contentType", sha256, size`;

export async function findApprovalFile(db: Db, organizationId: string, planId: string) {
  const rows = await db.query<ApprovalFile>(
    `SELECT ${META} FROM plan_approval_files WHERE organization_id = $1 AND plan_id = $2`,
    [organizationId, planId],
  );
  return rows[0] ?? null;
}

export async function readApprovalFileContent(db: Db, organizationId: string, planId: string) {
  const rows = await db.query<ApprovalFile & { content: Uint8Array }>(
    `SELECT ${META}, content FROM plan_approval_files
     WHERE organization_id = $1 AND plan_id = $2`,
    [organizationId, planId],
  );
  return rows[0] ?? null;
}

/** A draft sent back loses the file it was going to be approved with. */
export async function deleteApprovalFile(db: Db, organizationId: string, planId: string) {
  await db.query('DELETE FROM plan_approval_files WHERE organization_id = $1 AND plan_id = $2', [
    organizationId,
    planId,
  ]);
}

import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { insertImportDraft } from '../storage/import-drafts.js';
import { draftPlanFromFile, type PlanFile } from './draft-plan-from-file.js';
import { draftDataOf, IMPORT_DRAFT_HOURS, requireWizardUser } from './import-draft.js';

export interface StartImportDraftOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
  /** Read only once the principal may create the organization's plans. */
  file: () => Promise<PlanFile>;
}

/**
 * Reads an uploaded plan with the importer and keeps its draft for review, for the user and
 * organization only, for a day. Files the importer cannot read throw its PianoError
 * (unsupported_file, unreadable_file, file_too_large) and nothing is kept.
 */
export async function startImportDraft(options: StartImportDraftOptions) {
  const { db, organizationId } = options;
  const principal = requireWizardUser(options.principal, organizationId);
  const result = await draftPlanFromFile({ principal, file: options.file });
  const row = await insertImportDraft(db, {
    organizationId,
    userId: principal.userId,
    fileName: result.source.fileName,
    draft: draftDataOf(result),
    ttlHours: IMPORT_DRAFT_HOURS,
  });
  return { id: row.id };
}

import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { deleteImportDraft } from '../storage/import-drafts.js';
import { requireImportDraft } from './import-draft.js';
import { uploadPlanDocument } from './upload-plan-document.js';

/**
 * Stores the reviewed draft as a draft plan of the organization, through the same operation as
 * an uploaded plan document (validated whole, all or nothing), then forgets the draft.
 */
export async function saveImportDraft(options: {
  db: Db;
  principal: Principal | null;
  organizationId: string;
  draftId: string;
}): Promise<{ planId: string }> {
  const { db, principal, organizationId } = options;
  const draft = await requireImportDraft(db, principal, organizationId, options.draftId);
  const document = { ...draft.document, plan: { ...draft.document.plan, status: 'draft' } };
  const loaded = await uploadPlanDocument({ db, principal, input: document, organizationId });
  await deleteImportDraft(db, draft.id);
  return { planId: loaded.planId };
}

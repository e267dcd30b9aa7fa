import { PianoError } from '../domain/errors.js';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { findOrganizationByIpa } from '../storage/organizations.js';
import { actorOf } from './callers.js';
import { loadPlanDocument } from './load-plan-document.js';

export interface UploadPlanDocumentOptions {
  db: Db;
  principal: Principal | null;
  /** The interchange document as received: validated whole before anything is stored. */
  input: unknown;
  /** Load into this organization; otherwise the one with the document's IPA code, or a new one. */
  organizationId?: string | undefined;
}

/**
 * Stores a whole plan a user sends: into an organization they administer (named, or found by
 * the document's IPA code), or, for a platform consultant, into a new organization.
 */
export async function uploadPlanDocument(options: UploadPlanDocumentOptions) {
  const { db, principal, input } = options;
  const target = options.organizationId ?? (await organizationOfDocument(db, input));
  if (target) requireRole(principal, target, 'admin');
  else if (principal?.platformRole !== 'consultant') {
    throw new PianoError(
      principal ? 'forbidden' : 'unauthenticated',
      'Solo un consulente di piattaforma può caricare il piano di un ente nuovo',
    );
  }
  return loadPlanDocument({
    db,
    actor: actorOf(principal),
    input,
    organizationId: target ?? undefined,
  });
}

/** The organization a document names by IPA code, if piano already knows it. */
async function organizationOfDocument(db: Db, input: unknown): Promise<string | null> {
  const ipa = (input as { organization?: { ipaCode?: unknown } } | null)?.organization?.ipaCode;
  if (typeof ipa !== 'string') return null;
  return (await findOrganizationByIpa(db, ipa))?.id ?? null;
}

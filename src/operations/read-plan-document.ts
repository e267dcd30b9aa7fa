import { PianoError } from '../domain/errors.js';
import { canReadPlan, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { exportPlanDocument } from './export-plan-document.js';
import { planCachesOf, planRevision, type PlanRevision } from './plan-caches.js';

export interface ReadPlanDocumentOptions {
  db: Db;
  principal: Principal | null;
  planId: string;
}

export interface PlanDocumentRead {
  /** The state served: its status says whether the document may be cached publicly. */
  revision: PlanRevision;
  /** A strong validator of this state of the document (quoted, as an HTTP ETag). */
  etag: string;
  /** The interchange document, serialized as JSON. */
  body: string;
}

/**
 * The whole plan in the interchange format, serialized once per state of the plan and kept
 * (see plan-caches.ts); not_found when the plan does not exist or the principal may not read it.
 */
export async function readPlanDocument(
  options: ReadPlanDocumentOptions,
): Promise<PlanDocumentRead> {
  const { db, principal, planId } = options;
  const revision = await planRevision(db, planId);
  if (!revision || !canReadPlan(principal, revision)) {
    throw new PianoError('not_found', 'Piano non trovato');
  }
  const { documents } = planCachesOf(db);
  let entry = documents.get(planId);
  if (entry?.tag !== revision.tag) {
    const document = await exportPlanDocument({
      db,
      organizationId: revision.organizationId,
      planId,
    });
    entry = {
      tag: revision.tag,
      etag: `"${planId}.${revision.tag}"`,
      body: JSON.stringify(document),
    };
    documents.set(planId, entry);
  }
  return { revision, etag: entry.etag, body: entry.body };
}

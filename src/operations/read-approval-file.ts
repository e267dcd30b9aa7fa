import { found } from '../domain/errors.js';
import type { Principal } from '../domain/rules/permissions.js';
import { readApprovalFileContent } from '../storage/approval-files.js';
import type { Db } from '../storage/db.js';
import { readPlan } from './read-plan.js';

export interface ReadApprovalFileOptions {
  db: Db;
  principal: Principal | null;
  planId: string;
}

/**
 * The signed file of the act that approved a plan, with its SHA-256: for whoever may read the
 * plan (anyone, once it is published).
 */
export async function readApprovalFile(options: ReadApprovalFileOptions) {
  const plan = await readPlan(options);
  const file = await readApprovalFileContent(options.db, plan.organizationId, plan.id);
  return found(file, 'File dell’atto di approvazione');
}

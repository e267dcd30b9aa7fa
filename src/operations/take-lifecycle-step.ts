import { createHash } from 'node:crypto';
import { assertVersion, found, PianoError, validationError } from '../domain/errors.js';
import {
  assertMayTake,
  missingApprovalFacts,
  planStep,
  type ApprovalAct,
  type LifecycleStep,
} from '../domain/rules/plan-lifecycle.js';
import type { PlanFields } from '../domain/model/plan.js';
import { requireSignedIn, roleIn, type Principal } from '../domain/rules/permissions.js';
import {
  deleteApprovalFile,
  insertApprovalFile,
  type ApprovalFile,
} from '../storage/approval-files.js';
import { fieldUpdateEvents, insertAuditEvents, type AuditEvent } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { findPlan, supersedeSeries, updatePlanRow, type PlanRow } from '../storage/plans.js';
import { actorOf } from './callers.js';
import { writeInTransaction } from './parts.js';
import { readPlan } from './read-plan.js';

/** The signed deliberation as the caller gives it. */
export interface SignedFileInput {
  fileName: string;
  content: Uint8Array;
}

export interface TakeLifecycleStepOptions {
  db: Db;
  principal: Principal | null;
  planId: string;
  step: LifecycleStep;
  /** The version the caller last read; a different stored version is a conflict. */
  version: number;
  /** For `approve`: the act (organ, number, date) and its signed file. */
  act?: Partial<ApprovalAct> | undefined;
  file?: SignedFileInput | undefined;
}

export interface LifecycleResult {
  plan: PlanRow;
  /** Revisions of the same plan that publishing this one superseded. */
  superseded: string[];
}

/** Largest signed file accepted (a deliberation with its annexes). */
export const MAX_SIGNED_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Moves a plan one step through its year: propose, send back to draft, approve (recording the
 * act and storing its signed file with its SHA-256), publish (superseding the previously
 * published revision of the same plan). Authorized by the lifecycle rule, audited.
 */
export async function takeLifecycleStep(
  options: TakeLifecycleStepOptions,
): Promise<LifecycleResult> {
  const { db, principal, step, version } = options;
  requireSignedIn(principal);
  const { organizationId, id: planId } = await readPlan({ db, principal, planId: options.planId });
  const role = roleIn(principal, organizationId);
  assertMayTake(step, role);
  const approval = step === 'approve' ? checkedApproval(options) : null;
  return writeInTransaction(db, async (tx) => {
    const current = found(await findPlan(tx, organizationId, planId, true), 'Piano');
    const status = planStep(step, current.status, role);
    assertVersion(current.version, version);
    const events: AuditEvent[] = [];
    const subject = { organizationId, planId, entityType: 'plan', entityId: planId };
    const changes: Partial<PlanFields> = { status };
    if (approval) {
      await insertApprovalFile(tx, organizationId, planId, approval.file, approval.content);
      events.push({
        ...subject,
        entityType: 'approval_file',
        operation: 'create',
        field: null,
        before: null,
        after: approval.file,
      });
      changes.approval = approval.act;
    }
    if (step === 'send_back') await deleteApprovalFile(tx, organizationId, planId);
    const plan = found(await updatePlanRow(tx, organizationId, planId, changes, version), 'Piano');
    events.push(...fieldUpdateEvents(subject, current, plan, changes));
    const superseded =
      step === 'publish' ? await supersedeSeries(tx, organizationId, plan.seriesId, planId) : [];
    for (const id of superseded) {
      events.push({
        organizationId,
        planId: id,
        entityType: 'plan',
        entityId: id,
        operation: 'update',
        field: 'status',
        before: 'published',
        after: 'superseded',
      });
    }
    await insertAuditEvents(tx, actorOf(principal), events);
    return { plan, superseded };
  });
}

/** The act's three facts and a signed PDF or P7M file, or a validation error naming each gap. */
function checkedApproval(options: TakeLifecycleStepOptions) {
  const missing = missingApprovalFacts(options.act);
  const problems = missing.map((what) => ({ field: '/act', message: `manca ${what}` }));
  const file = options.file;
  if (!file)
    problems.push({ field: '/file', message: 'manca il file firmato della deliberazione' });
  if (problems.length) {
    throw validationError(problems, 'Per registrare l’approvazione servono atto e file firmato');
  }
  const signed = signedFile(file as SignedFileInput);
  const act = options.act as ApprovalAct;
  return { act: { organ: act.organ, number: act.number, date: act.date }, ...signed };
}

function signedFile({ fileName, content }: SignedFileInput) {
  const name = fileName.split(/[\\/]/).pop()?.slice(0, 200) || 'deliberazione';
  const lower = name.toLowerCase();
  const bytes = Buffer.from(content);
  if (bytes.length === 0 || bytes.length > MAX_SIGNED_FILE_BYTES) {
    throw new PianoError('validation', 'Il file firmato è vuoto o supera 8 MB', [
      { field: '/file', message: 'dimensione non accettata' },
    ]);
  }
  let contentType: ApprovalFile['contentType'];
  if (lower.endsWith('.pdf') && bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    contentType = 'application/pdf';
  } else if (lower.endsWith('.p7m') && looksLikeP7m(bytes)) {
    contentType = 'application/pkcs7-mime';
  } else {
    throw new PianoError(
      'validation',
      'Il file dell’atto deve essere un PDF o un file firmato P7M (CAdES)',
      [{ field: '/file', message: 'non è un PDF né un P7M' }],
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { file: { fileName: name, contentType, sha256, size: bytes.length }, content: bytes };
}

/** A CAdES envelope is DER (a SEQUENCE, 0x30) or, as some signing tools save it, Base64 text. */
function looksLikeP7m(bytes: Buffer) {
  if (bytes[0] === 0x30) return true;
  return /^(MII|-----BEGIN)/.test(bytes.subarray(0, 16).toString('latin1'));
}

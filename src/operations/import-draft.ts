/**
 * The import wizard's draft: what the importer read from a plan file, kept between the wizard's
 * pages as its reviewer corrects it. Provenance is re-keyed by item (an action's id) instead of
 * the importer's JSON Pointers, whose indices would move as soon as an item is deleted.
 */
import { PianoError } from '../domain/errors.js';
import type { PlanDocumentInput } from '../domain/model/interchange.js';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { findImportDraft, type ImportDraftRow } from '../storage/import-drafts.js';
import type { ImportResult, SourceLine } from '../importer/import-plan.js';

/** What a reviewer did to an item: nothing yet (it is kept), accepted, corrected, or added. */
export type ItemReview = 'proposed' | 'accepted' | 'corrected' | 'added';

/** Where one item came from and why the importer took it (see Provenance in the importer). */
export interface DraftItem {
  /** `action:ID`, `priority:ID`, `micro:ACTION/ID`, `spending:N`, `baseline:N`, `platform:N`… */
  key: string;
  source: { page: number | null; line: number };
  confidence: number;
  recognizer: string;
  why: string[];
  notes: string[];
  review: ItemReview;
}

export interface ImportDraftData {
  document: PlanDocumentInput;
  items: DraftItem[];
  warnings: string[];
  source: ImportResult['source'];
  lines: SourceLine[];
}

export interface ImportDraft extends ImportDraftData {
  id: string;
  organizationId: string;
}

/** How long an unsaved draft is kept. */
export const IMPORT_DRAFT_HOURS = 24;

/** The importer's answer as a draft to review. */
export function draftDataOf(result: ImportResult): ImportDraftData {
  const doc = result.document;
  const keyOf = (pointer: string): string => {
    const [, kind, index, sub, subIndex] = pointer.split('/');
    const n = Number(index);
    if (kind === 'actions') {
      const action = doc.actions[n];
      if (!action) return pointer;
      if (sub === 'microActions') {
        return `micro:${action.id}/${action.microActions[Number(subIndex)]?.id ?? subIndex}`;
      }
      return `action:${action.id}`;
    }
    if (kind === 'priorities') return `priority:${doc.priorities[n]?.id ?? index}`;
    if (kind === 'spending' || kind === 'baseline' || kind === 'platforms') {
      return `${kind === 'platforms' ? 'platform' : kind}:${index}`;
    }
    return pointer;
  };
  return {
    document: { ...doc, plan: { ...doc.plan, status: 'draft' } },
    items: result.provenance.map((p) => ({
      key: keyOf(p.pointer),
      source: p.source,
      confidence: p.confidence,
      recognizer: p.recognizer,
      why: p.why ?? [],
      notes: p.notes ?? [],
      review: 'proposed',
    })),
    warnings: result.warnings,
    source: result.source,
    lines: result.lines,
  };
}

/**
 * The caller's draft in an organization they may create plans in, or not_found: another user's
 * draft, another organization's, and an expired one are all simply not there.
 */
export async function requireImportDraft(
  db: Db,
  principal: Principal | null,
  organizationId: string,
  draftId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ImportDraft & { row: ImportDraftRow }> {
  const owner = requireWizardUser(principal, organizationId);
  const row = await findImportDraft(db, draftId, { organizationId, userId: owner.userId }, options);
  if (!row) throw new PianoError('not_found', 'Bozza di importazione non trovata o scaduta');
  return { ...(row.draft as ImportDraftData), id: row.id, organizationId, row };
}

/** Only those who may create the organization's plans import one into it. */
export function requireWizardUser(principal: Principal | null, organizationId: string): Principal {
  requireRole(principal, organizationId, 'admin');
  return principal as Principal;
}

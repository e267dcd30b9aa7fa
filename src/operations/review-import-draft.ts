import { PianoError, validationError, type FieldProblem } from '../domain/errors.js';
import type { PlanDocumentInput } from '../domain/model/interchange.js';
import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { replaceImportDraft } from '../storage/import-drafts.js';
import { requireImportDraft, type DraftItem, type ImportDraftData } from './import-draft.js';

/** One change a reviewer makes to a draft's action, or to a line of its source text. */
export type DraftReview =
  | { kind: 'accept'; actionId: string }
  | {
      kind: 'correct';
      actionId: string;
      title: string;
      priorityId: string;
      responsibles: string[];
      timing: string;
    }
  | { kind: 'delete'; actionId: string }
  /** The action goes back to being words of its priority's description. */
  | { kind: 'to-text'; actionId: string }
  /** A line of the source becomes an action, in the priority of the item just above it. */
  | { kind: 'line-to-action'; line: number };

type DraftAction = PlanDocumentInput['actions'][number];

/**
 * Applies one change to the caller's draft and keeps it. Answers where the changed action now
 * is (its id and priority), for the page to go back to it; null when it is gone.
 */
export async function reviewImportDraft(options: {
  db: Db;
  principal: Principal | null;
  organizationId: string;
  draftId: string;
  review: DraftReview;
}): Promise<{ actionId: string; priorityId: string } | null> {
  const { db, review } = options;
  // Read, change and write in one transaction with the row locked: two posts sent at once (two
  // tabs) apply one after the other instead of one overwriting the other.
  return db.transaction(async (tx) => {
    const {
      row: _row,
      id,
      organizationId: _org,
      ...data
    } = await requireImportDraft(tx, options.principal, options.organizationId, options.draftId, {
      forUpdate: true,
    });
    const where = apply(data, review);
    await replaceImportDraft(tx, id, data);
    return where;
  });
}

function apply(data: ImportDraftData, review: DraftReview) {
  if (review.kind === 'line-to-action') return lineToAction(data, review.line);
  const doc = data.document;
  const index = doc.actions.findIndex((a) => a.id === review.actionId);
  const action = doc.actions[index];
  if (!action) throw new PianoError('not_found', 'Azione non trovata nella bozza');
  const item = data.items.find((i) => i.key === `action:${action.id}`);
  const at = { actionId: action.id, priorityId: action.priorityId };
  switch (review.kind) {
    case 'accept':
      if (item && item.review === 'proposed') item.review = 'accepted';
      return at;
    case 'correct':
      correct(data, action, review);
      if (item && item.review !== 'added') item.review = 'corrected';
      return { actionId: action.id, priorityId: action.priorityId };
    case 'delete':
    case 'to-text': {
      if (review.kind === 'to-text') {
        const priority = doc.priorities.find((p) => p.id === action.priorityId);
        if (priority) {
          const words = [action.title, action.description ?? ''].filter(Boolean).join('\n');
          priority.description = [priority.description, words].filter(Boolean).join('\n\n');
        }
      }
      doc.actions.splice(index, 1);
      data.items = data.items.filter(
        (i) => i.key !== `action:${action.id}` && !i.key.startsWith(`micro:${action.id}/`),
      );
      return null;
    }
  }
}

function correct(
  data: ImportDraftData,
  action: DraftAction,
  change: Extract<DraftReview, { kind: 'correct' }>,
) {
  const problems: FieldProblem[] = [];
  const title = change.title.trim();
  if (!title || title.length > 1000)
    problems.push({ field: '/title', message: 'Titolo da 1 a 1000 caratteri' });
  if (!data.document.priorities.some((p) => p.id === change.priorityId)) {
    problems.push({ field: '/priorityId', message: 'Priorità non presente nella bozza' });
  }
  const responsibles = change.responsibles.map((r) => r.trim()).filter(Boolean);
  if (responsibles.length > 50 || responsibles.some((r) => r.length > 300)) {
    problems.push({
      field: '/responsibles',
      message: 'Al massimo 50 responsabili di 300 caratteri',
    });
  }
  if (change.timing.length > 2000)
    problems.push({ field: '/timing', message: 'Tempi troppo lunghi' });
  if (problems.length) throw validationError(problems);
  action.title = title;
  action.priorityId = change.priorityId;
  action.responsibles = responsibles;
  action.timing = change.timing.trim() || null;
}

function lineToAction(data: ImportDraftData, index: number) {
  const line = data.lines[index];
  const doc = data.document;
  if (!line) throw new PianoError('not_found', 'Riga non trovata nel testo del file');
  const priorityId = priorityAbove(data, index) ?? doc.priorities[0]?.id;
  if (!priorityId) {
    throw validationError([
      { field: '/priorityId', message: 'La bozza non ha priorità a cui aggiungere l’azione' },
    ]);
  }
  const taken = new Set(doc.actions.map((a) => a.id));
  let n = doc.actions.length + 1;
  while (taken.has(`r${n}`)) n += 1;
  const id = `r${n}`;
  const title =
    line.text
      .replace(/^[\s\-–•●▪➢*\d.)]+/u, '')
      .trim()
      .slice(0, 1000) || line.text;
  doc.actions.push({
    id,
    priorityId,
    code: null,
    title: title.slice(0, 1000),
    description: null,
    responsibles: [],
    ownerUnitIds: [],
    status: 'planned',
    timing: null,
    expectedResults: [],
    progress: 0,
    catalogRefs: [],
    pnrrMeasures: [],
    microActions: [],
  });
  const item: DraftItem = {
    key: `action:${id}`,
    source: { page: line.page, line: line.line },
    confidence: 1,
    recognizer: 'revisione',
    why: [],
    notes: [],
    review: 'added',
  };
  data.items.push(item);
  return { actionId: id, priorityId };
}

/** The priority of the nearest item found at or above a line of the source. */
function priorityAbove(data: ImportDraftData, index: number): string | undefined {
  const order = (s: { page: number | null; line: number }) => (s.page ?? 0) * 1e7 + s.line;
  const line = data.lines[index];
  if (!line) return undefined;
  let best: { at: number; priorityId: string } | undefined;
  for (const item of data.items) {
    const [kind, id] = item.key.split(':');
    const priorityId =
      kind === 'priority'
        ? id
        : kind === 'action'
          ? data.document.actions.find((a) => a.id === id)?.priorityId
          : undefined;
    const at = order(item.source);
    if (priorityId && at <= order(line) && (!best || at >= best.at)) best = { at, priorityId };
  }
  return best?.priorityId;
}

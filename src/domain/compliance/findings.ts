import { compareCodes, type Catalog } from '../catalog/catalog.js';
import type { CatalogEdition, CatalogLine } from '../catalog/model.js';
import type { ComplianceAction, PlanForCompliance } from './analyze.js';
import { SEVERITIES, type Finding, type LineCoverage } from './model.js';
import { dateLabel, monthLabel } from './dates.js';
import { deadlineDay } from './scope.js';

type Draft = Pick<Finding, 'kind' | 'severity' | 'message' | 'suggestion'> & Partial<Finding>;

const finding = (draft: Draft): Finding => ({
  code: null,
  platform: null,
  deadline: null,
  deadlineKind: null,
  actionIds: [],
  ...draft,
});

const lineFields = (line: CatalogLine) => ({
  code: line.code,
  deadline: line.deadline,
  deadlineKind: line.deadlineKind,
});

const label = (a: ComplianceAction) => `l’azione ${a.code ?? a.id}`;

/** "scaduta a marzo 2024", "in scadenza a dicembre 2026", "in vigore da gennaio 2024". */
function deadlinePhrase(line: CatalogLine, today: string): string {
  if (line.deadline === null) return 'sempre in vigore';
  const month = monthLabel(line.deadline);
  if (line.deadlineKind === 'from') return `in vigore da ${month}`;
  return (deadlineDay(line) ?? '') < today ? `scaduta a ${month}` : `in scadenza a ${month}`;
}

interface LineContext {
  edition: CatalogEdition;
  lines: CatalogLine[];
  coverage: LineCoverage[];
  actions: ComplianceAction[];
  today: string;
}

/** Gaps, suspended coverage, late or undated actions, and links to other editions. */
export function lineFindings(ctx: LineContext): Finding[] {
  const { edition, lines, coverage, actions, today } = ctx;
  const out: Finding[] = [];
  lines.forEach((line, i) => {
    const cov = coverage[i] as LineCoverage;
    if (cov.status === 'uncovered') out.push(uncovered(line, today));
    if (cov.status === 'suspended') {
      out.push(
        finding({
          kind: 'suspended_coverage',
          severity: 'warning',
          ...lineFields(line),
          actionIds: cov.actionIds,
          message: `La linea ${line.code} è coperta solo da azioni sospese (${cov.actionIds.join(', ')}).`,
          suggestion: `Riprendere l’azione o pianificarne un’altra collegata a ${line.code}.`,
        }),
      );
    }
    if (line.deadlineKind === 'by') {
      for (const action of actions.filter((a) => cov.actionIds.includes(a.id))) {
        const late = timeliness(action, line);
        if (late) out.push(late);
      }
    }
  });
  out.push(...otherEditionRefs(edition, actions));
  return out;
}

function uncovered(line: CatalogLine, today: string): Finding {
  const phrase = deadlinePhrase(line, today);
  if (line.optional) {
    return finding({
      kind: 'uncovered_line',
      severity: 'info',
      ...lineFields(line),
      message: `Nessuna azione copre la linea ${line.code} («${line.title}»), ${phrase}; riguarda solo gli enti che scelgono di aderire.`,
      suggestion: `Valutare se l’ente partecipa e, in tal caso, collegare un’azione a ${line.code}.`,
    });
  }
  const past = line.deadlineKind === 'by' && phrase.startsWith('scaduta');
  return finding({
    kind: 'uncovered_line',
    severity: 'blocking',
    ...lineFields(line),
    message: `Nessuna azione del piano copre la linea ${line.code} («${line.title}»), ${phrase}.`,
    suggestion: past
      ? `Aggiungere un’azione collegata a ${line.code}, anche già conclusa, che documenti come è stata soddisfatta.`
      : `Aggiungere un’azione collegata a ${line.code} con tempi entro la scadenza nazionale.`,
  });
}

/** The day an action is planned to end, 'recurring' for yearly duties, null when undated. */
function plannedEnd(action: ComplianceAction): string | 'recurring' | null {
  const t = action.timing;
  if (!t) return null;
  if (t.kind === 'recurring') return 'recurring';
  if (t.due) return t.due;
  const last = t.years.at(-1);
  return t.kind !== 'from' && last !== undefined ? `${last}-12-31` : null;
}

function timeliness(action: ComplianceAction, line: CatalogLine): Finding | null {
  if (action.status === 'completed') return null;
  const end = plannedEnd(action);
  const due = deadlineDay(line) as string;
  const common = { ...lineFields(line), actionIds: [action.id] };
  if (end === null) {
    return finding({
      kind: 'undated_action',
      severity: 'info',
      ...common,
      message: `${capitalize(label(action))} serve la linea ${line.code}, in scadenza a ${monthLabel(line.deadline as string)}, ma i suoi tempi non indicano una data${action.timing ? ` («${action.timing.text}»)` : ''}.`,
      suggestion:
        'Indicare una data di conclusione, così che il rispetto della scadenza sia verificabile.',
    });
  }
  if (end === 'recurring' || end <= due) return null;
  return finding({
    kind: 'late_action',
    severity: 'warning',
    ...common,
    message: `${capitalize(label(action))} termina il ${dateLabel(end)}, dopo la scadenza nazionale della linea ${line.code} (${monthLabel(line.deadline as string)}).`,
    suggestion:
      'Anticipare i tempi dell’azione o motivare nel piano il ritardo rispetto alla scadenza.',
  });
}

function otherEditionRefs(edition: CatalogEdition, actions: ComplianceAction[]): Finding[] {
  const own = new Set(edition.lines.map((l) => l.code));
  const pattern = /^CAP\d+\./;
  return actions.flatMap((action) =>
    action.catalogRefs
      .filter((code) => pattern.test(code) && !own.has(code))
      .map((code) =>
        finding({
          kind: 'other_edition_ref',
          severity: 'info',
          code,
          actionIds: [action.id],
          message: `${capitalize(label(action))} cita ${code}, che non è una linea dell’edizione ${edition.edition} usata per la verifica.`,
          suggestion: `Collegare l’azione alla linea corrispondente dell’edizione ${edition.edition}, se esiste.`,
        }),
      ),
  );
}

const STATUS_LABELS: Record<string, string> = {
  in_progress: 'in corso',
  planned: 'pianificata',
};

/** Platforms the plan says are not (yet) adopted although the date they were due has passed. */
export function platformFindings(
  catalog: Catalog,
  doc: PlanForCompliance,
  today: string,
): Finding[] {
  return doc.platforms.flatMap((adoption) => {
    const p = catalog.platforms.find((x) => x.name === adoption.platform);
    if (!p?.deadline || p.deadline > today) return [];
    if (!(p.appliesTo as string[]).includes(doc.organization.type)) return [];
    const common = { platform: p.name, deadline: p.deadline, code: p.deadlineLine };
    if (adoption.status === 'not_adopted') {
      return [
        finding({
          kind: 'platform_not_adopted',
          severity: 'blocking',
          ...common,
          message: `Il piano indica ${p.name} come non adottata, ma è attesa dal ${dateLabel(p.deadline)}${p.legalReference ? ` (${p.legalReference})` : ''}.`,
          suggestion: `Pianificare un’azione («${p.adoptionTitle}») e aggiornare lo stato della piattaforma.`,
        }),
      ];
    }
    if (adoption.status === 'planned' || adoption.status === 'in_progress') {
      return [
        finding({
          kind: 'platform_late',
          severity: 'warning',
          ...common,
          message: `${p.name} risulta ancora ${STATUS_LABELS[adoption.status]}, ma è attesa dal ${dateLabel(p.deadline)}.`,
          suggestion: 'Completare l’adesione e indicarne la data di attivazione nel piano.',
        }),
      ];
    }
    return [];
  });
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Blocking first, then the earliest deadline, then code order. */
export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  if (bySeverity) return bySeverity;
  const byDeadline = (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999');
  if (byDeadline) return byDeadline;
  return compareCodes(a.code ?? a.platform ?? '', b.code ?? b.platform ?? '');
}

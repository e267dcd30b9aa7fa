import { compareCodes, editionForPlan, type Catalog } from '../catalog/catalog.js';
import type { CatalogEdition, CatalogLine, PlatformEntry } from '../catalog/model.js';
import type { PlanForCompliance } from './analyze.js';
import { lastDayOf, monthLabel } from './dates.js';
import type { StarterProposal } from './model.js';
import { linesInScope } from './scope.js';
import { daysInMonth, monthName } from '../timing/italian-months.js';

type Draft = Omit<StarterProposal, 'actionId'>;

/** The key of the action a proposal becomes: "st-platform-spid", "st-line-cap2.pa.02". */
export const starterActionId = (proposalId: string) =>
  `st-${proposalId.toLowerCase().replace(/[^a-z0-9.]+/g, '-')}`.slice(0, 64);

/** Platform statuses (none recorded, or not yet in use) that call for an adoption action. */
const NOT_YET = new Set([undefined, 'not_adopted', 'planned', 'in_progress']);

/**
 * Actions the plan still lacks, taken from the catalog and suited to the organization: only
 * lines that concern its type and size and fall due by the end of the plan, not yet covered;
 * platforms due by then that it has not adopted become one adoption action each (taking their
 * lines along), yearly lines of one series become one action.
 * Accepting every proposal leaves no uncovered required line.
 */
export function proposeStarter(
  catalog: Catalog,
  doc: PlanForCompliance,
  today: string,
): StarterProposal[] {
  const edition = editionForPlan(catalog, doc.plan);
  const covered = new Set(
    doc.actions.filter((a) => a.status !== 'cancelled').flatMap((a) => a.catalogRefs),
  );
  const adoption = new Map(doc.platforms.map((p) => [p.platform, p.status]));
  let open = linesInScope(edition, doc.organization, doc.plan.endYear).filter(
    (l) => !l.optional && !covered.has(l.code),
  );
  const proposals: Draft[] = [];
  for (const p of catalog.platforms) {
    if (!adopts(p, doc, adoption)) continue;
    const tied = (l: CatalogLine) => l.platforms.includes(p.name) || p.lines.includes(l.code);
    const own = open.filter(tied);
    open = open.filter((l) => !own.includes(l));
    const chapter = (own[0] ?? edition.lines.find(tied))?.chapter ?? null;
    proposals.push(platformProposal(p, own, chapter, doc, today));
  }
  const bySeries = new Map<string, CatalogLine[]>();
  for (const line of open) {
    const key = line.series ?? `line:${line.code}`;
    bySeries.set(key, [...(bySeries.get(key) ?? []), line]);
  }
  for (const [key, lines] of bySeries) {
    proposals.push(
      lines.length === 1
        ? lineProposal(lines[0] as CatalogLine, doc, today)
        : seriesProposal(edition, key, lines, doc, today),
    );
  }
  const rank = { overdue: 0, due: 1, ongoing: 2 };
  const existing = new Set(doc.actions.map((a) => a.id));
  return proposals
    .map((p) => ({ ...p, actionId: starterActionId(p.id) }))
    .filter((p) => !existing.has(p.actionId))
    .sort(
      (a, b) =>
        rank[a.urgency] - rank[b.urgency] ||
        (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
        compareCodes(a.catalogRefs[0] ?? a.id, b.catalogRefs[0] ?? b.id),
    );
}

/** A platform calls for an adoption action when it concerns the organization, is due by the end of the plan and is not adopted. */
function adopts(p: PlatformEntry, doc: PlanForCompliance, adoption: Map<string, string>) {
  return (
    (p.appliesTo as string[]).includes(doc.organization.type) &&
    p.deadline !== null &&
    p.deadline <= `${doc.plan.endYear}-12-31` &&
    NOT_YET.has(adoption.get(p.name))
  );
}

const measuresOf = (lines: CatalogLine[], extra: string[] = []) =>
  [...new Set([...extra, ...lines.flatMap((l) => l.pnrrMeasures)])].sort(compareCodes);

const dueDays = (lines: CatalogLine[]) =>
  lines
    .filter((l) => l.deadlineKind === 'by' && l.deadline)
    .map((l) => lastDayOf(l.deadline as string))
    .sort();

function urgencyOf(deadline: string | null, today: string): StarterProposal['urgency'] {
  if (deadline === null) return 'ongoing';
  return deadline < today ? 'overdue' : 'due';
}

/**
 * "entro dicembre 2026" for a dated duty; the plan's first year for one already overdue; the
 * plan's whole period for one in force.
 */
function timingFor(lines: CatalogLine[], doc: PlanForCompliance): string {
  const { startYear, endYear } = doc.plan;
  const due = dueDays(lines).at(-1);
  if (due) {
    return Number(due.slice(0, 4)) >= startYear
      ? `entro ${monthLabel(due.slice(0, 7))}`
      : `entro dicembre ${startYear}`;
  }
  return startYear === endYear ? `nel corso del ${startYear}` : `dal ${startYear} al ${endYear}`;
}

function platformProposal(
  p: PlatformEntry,
  lines: CatalogLine[],
  chapter: number | null,
  doc: PlanForCompliance,
  today: string,
): Draft {
  const deadline = p.deadline as string;
  const overdue = deadline < today;
  const status = doc.platforms.find((x) => x.platform === p.name)?.status;
  return {
    id: `platform:${p.name}`,
    kind: 'platform',
    title: p.adoptionTitle,
    chapter,
    catalogRefs: lines.map((l) => l.code),
    pnrrMeasures: measuresOf(lines, p.pnrrMeasures),
    platform: p.name,
    timing: overdue
      ? `entro dicembre ${doc.plan.startYear}`
      : `entro ${monthLabel(deadline.slice(0, 7))}`,
    deadline,
    urgency: urgencyOf(deadline, today),
    reason: `${p.name} ${status ? 'non risulta ancora adottata' : 'non è indicata tra le piattaforme del piano'}; è attesa dal ${deadline.split('-').reverse().join('/')}.`,
  };
}

function seriesProposal(
  edition: CatalogEdition,
  series: string,
  lines: CatalogLine[],
  doc: PlanForCompliance,
  today: string,
): Draft {
  const deadline = dueDays(lines)[0] ?? null;
  // The same month every year: a yearly duty, timed as one ("entro il 31 marzo di ogni anno").
  const month = lines[0]?.deadline?.slice(5, 7);
  const yearly = month !== undefined && lines.every((l) => l.deadline?.slice(5, 7) === month);
  const timing = yearly
    ? `entro il ${daysInMonth(2001, Number(month))} ${monthName(Number(month))} di ogni anno`
    : timingFor(lines, doc);
  return {
    id: `series:${series}`,
    kind: 'series',
    title: edition.series.find((s) => s.id === series)?.title ?? (lines[0] as CatalogLine).title,
    chapter: (lines[0] as CatalogLine).chapter,
    catalogRefs: lines.map((l) => l.code),
    pnrrMeasures: measuresOf(lines),
    platform: null,
    timing,
    deadline,
    urgency: urgencyOf(deadline, today),
    reason: `Adempimento che il Piano triennale ripete negli anni (${lines.map((l) => l.code).join(', ')}).`,
  };
}

function lineProposal(line: CatalogLine, doc: PlanForCompliance, today: string): Draft {
  const deadline = dueDays([line])[0] ?? null;
  const when =
    line.deadlineKind === 'standing'
      ? 'sempre in vigore'
      : line.deadlineKind === 'from'
        ? `in vigore da ${monthLabel(line.deadline as string)}`
        : `scadenza ${monthLabel(line.deadline as string)}`;
  return {
    id: `line:${line.code}`,
    kind: 'line',
    title: line.title,
    chapter: line.chapter,
    catalogRefs: [line.code],
    pnrrMeasures: measuresOf([line]),
    platform: null,
    timing: timingFor([line], doc),
    deadline,
    urgency: urgencyOf(deadline, today),
    reason: `Linea ${line.code} del Piano triennale (${when}).${line.note ? ` ${line.note}` : ''}`,
  };
}

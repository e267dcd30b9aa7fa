import { chapterTitle, editionForPlan, type Catalog } from '../catalog/catalog.js';
import type { CatalogLine } from '../catalog/model.js';
import type { ActionStatus } from '../model/action.js';
import type { TimingJson } from '../model/timing.js';
import { compareFindings, lineFindings, platformFindings } from './findings.js';
import type {
  ComplianceReport,
  CoverageFigure,
  Finding,
  LineCoverage,
  LineStatus,
} from './model.js';
import { linesInScope, type OrganizationProfile } from './scope.js';

/** The parts of a plan the compliance check reads; a PlanDocument is one. */
export interface PlanForCompliance {
  organization: OrganizationProfile;
  plan: { startYear: number; endYear: number; nationalEdition: string | null };
  actions: ComplianceAction[];
  platforms: { platform: string; status: string }[];
}

export interface ComplianceAction {
  id: string;
  code: string | null;
  title: string;
  status: ActionStatus;
  timing: TimingJson | null;
  catalogRefs: string[];
}

/**
 * Which lines of the national plan that concern the organization and fall due by the end of
 * the plan's period are covered by the plan's actions, and what is missing or late. `today`
 * (YYYY-MM-DD) decides which deadlines have passed.
 */
export function analyzeCompliance(
  catalog: Catalog,
  doc: PlanForCompliance,
  today: string,
): ComplianceReport {
  const edition = editionForPlan(catalog, doc.plan);
  const scope = linesInScope(edition, doc.organization, doc.plan.endYear);
  const lines = scope.map((line) => coverageOf(line, doc.actions));
  const byCode = new Map(scope.map((l) => [l.code, l]));
  const findings = [
    ...lineFindings({ edition, lines: scope, coverage: lines, actions: doc.actions, today }),
    ...platformFindings(catalog, doc, today),
  ].sort(compareFindings);
  const required = lines.filter((l) => !l.optional);
  const optional = lines.filter((l) => l.optional);
  const count = (severity: Finding['severity']) =>
    findings.filter((f) => f.severity === severity).length;
  return {
    edition: { id: edition.edition, title: edition.title },
    asOf: today,
    period: { startYear: doc.plan.startYear, endYear: doc.plan.endYear },
    summary: {
      ...figure(required),
      optional: optional.length,
      optionalCovered: optional.filter((l) => l.status === 'covered').length,
      blocking: count('blocking'),
      warnings: count('warning'),
      infos: count('info'),
    },
    chapters: edition.chapters
      .map((c) => ({
        number: c.number,
        title: chapterTitle(edition, c.number),
        ...figure(required.filter((l) => l.chapter === c.number)),
      }))
      .filter((c) => c.required > 0),
    platforms: catalog.platforms.map((p) => ({
      platform: p.name,
      adoption: doc.platforms.find((a) => a.platform === p.name)?.status ?? null,
      ...figure(required.filter((l) => byCode.get(l.code)?.platforms.includes(p.name))),
    })),
    lines,
    findings,
  };
}

function coverageOf(line: CatalogLine, actions: ComplianceAction[]): LineCoverage {
  const linked = actions.filter(
    (a) => a.status !== 'cancelled' && a.catalogRefs.includes(line.code),
  );
  const active = linked.some((a) => a.status !== 'suspended');
  return {
    code: line.code,
    title: line.title,
    chapter: line.chapter,
    deadline: line.deadline,
    deadlineKind: line.deadlineKind,
    optional: line.optional,
    status: active ? 'covered' : linked.length > 0 ? 'suspended' : 'uncovered',
    actionIds: linked.map((a) => a.id),
  };
}

export function figure(lines: { status: LineStatus }[]): CoverageFigure {
  const covered = lines.filter((l) => l.status === 'covered').length;
  const percent = lines.length ? Math.round((covered / lines.length) * 1000) / 10 : null;
  return { required: lines.length, covered, percent };
}

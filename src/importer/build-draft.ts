import type { PlanDocumentInput } from '../domain/model/interchange.js';
import { recognizeFieldActions } from './recognizers/actions.js';
import { recognizeAnnouncedLists } from './recognizers/announced.js';
import {
  inheritSectionResponsibles,
  recognizeListItems,
  sectionResponsibleLines,
} from './recognizers/list-items.js';
import { recognizeBaseline } from './recognizers/baseline.js';
import { recognizeBulletActions } from './recognizers/bullets.js';
import { recognizeDocumentInfo, type DocumentInfo } from './recognizers/document-info.js';
import { annotate, fold, type Line } from './recognizers/lines.js';
import { recognizePlatforms } from './recognizers/platforms.js';
import { recognizePriorities, type PriorityMarker } from './recognizers/priorities.js';
import { recognizeSheets } from './recognizers/schede.js';
import { titleSimilarity } from './recognizers/similarity.js';
import { recognizeSpending } from './recognizers/spending.js';
import { recognizeActionTables, recognizeFlattenedSummaries } from './recognizers/tables.js';
import type { DraftAction, DraftPriority, Found } from './recognizers/types.js';
import { scoreActions, type ActionModel } from './scoring.js';
import type { SourcePointer, TextDocument } from './text-model.js';

/** Where one item of the draft came from, and how sure the importer is of it. */
export interface Provenance {
  /** JSON Pointer into the draft document ("/actions/3"). */
  pointer: string;
  source: SourcePointer;
  confidence: number;
  recognizer: string;
  notes?: string[];
  /** Actions: the signals that made the importer take the item for an action. */
  why?: string[];
}

export interface Draft {
  document: PlanDocumentInput;
  provenance: Provenance[];
  warnings: string[];
}

/** Summary-table rows that name an action already described are merged into it at this likeness. */
const MERGE_SIMILARITY = 0.6;

/** PNRR M1C1 measures that fund comuni: the only ones an action may name. */
const PNRR_MEASURES = new Set([
  '1.1',
  '1.2',
  '1.3.1',
  '1.3.2',
  '1.4.1',
  '1.4.2',
  '1.4.3',
  '1.4.4',
  '1.4.5',
  '1.4.6',
  '1.5',
  '1.6',
  '1.7.1',
  '1.7.2',
]);
const MEASURE_MENTION =
  /(?:pnrr|misur[ae]|investimento|bando|avviso|linea)\s*(?:pnrr\s*)?(?:m1c1\s*)?(?:n\.\s*)?(1\.\d(?:\.\d)?)(?!\.?\d)/gi;
const CATALOG_CODE =
  /\b(CAP\d{1,2}\.(?:PA\.)?(?:LA)?\d{1,3}|RA\d{1,2}\.\d{1,2}\.\d{1,2}|OB\.\d{1,2}\.\d{1,2})\b/g;

export interface DraftOptions {
  /**
   * Weighs the candidate actions; null keeps every candidate with its signals (the fitting of
   * the model needs them all). Defaults to the model fitted on the annotated plans.
   */
  actionModel?: ActionModel | null;
}

/** Runs every recognizer on a converted document and assembles one interchange draft. */
export function buildDraft(doc: TextDocument, options: DraftOptions = {}): Draft {
  const lines = annotate(doc);
  const fullText = lines.map((l) => l.text).join('\n');
  const info = recognizeDocumentInfo(lines, fullText);
  const { priorities, markers } = recognizePriorities(lines);
  const sheets = recognizeSheets(lines, doc.wrapped);
  const tables = recognizeActionTables(lines);
  const spending = recognizeSpending(lines);
  const baseline = recognizeBaseline(lines);
  const platforms = recognizePlatforms(lines);
  const sections = sectionResponsibleLines(lines);
  const claimed = new Set<number>([
    ...sections,
    ...sheets.flatMap((s) => rangeOf(s.span)),
    ...tables.claimed,
    ...spending.claimed,
    ...baseline.claimed,
    ...platforms.claimed,
  ]);
  const fieldActions = recognizeFieldActions(lines, {
    wrapped: doc.wrapped,
    period: info.period,
    claimed,
  });
  for (const a of fieldActions) rangeOf(a.span).forEach((i) => claimed.add(i));
  const flattened = recognizeFlattenedSummaries(lines, claimed);
  flattened.claimed.forEach((i) => claimed.add(i));
  const bullets = recognizeBulletActions(lines, claimed);
  for (const a of bullets) rangeOf(a.span).forEach((i) => claimed.add(i));
  const announced = recognizeAnnouncedLists(lines, claimed, info.period);
  for (const a of announced) rangeOf(a.span).forEach((i) => claimed.add(i));
  const items = recognizeListItems(lines, claimed);
  const described = [...fieldActions, ...sheets, ...bullets, ...announced, ...items].sort(
    (a, b) => a.at - b.at,
  );
  inheritSectionResponsibles(lines, sections, described);
  const candidates = dedupe(mergeTableRows(described, [...tables.actions, ...flattened.actions]));
  const actions = scoreActions(
    candidates,
    info.period,
    options.actionModel === undefined ? undefined : options.actionModel,
  );

  const groups = priorityGroups(lines, priorities, markers, actions, claimed, doc.wrapped);
  const warnings = [...doc.warnings, ...info.warnings];
  if (actions.length === 0)
    warnings.push('Nessuna azione riconosciuta: il documento va completato a mano');
  const provenance: Provenance[] = [
    {
      pointer: '/organization',
      ...provenanceOf(info.organizationFound ? 0.8 : 0.2, 'intestazione'),
    },
    { pointer: '/plan', ...provenanceOf(info.titleFound ? 0.8 : 0.3, 'intestazione') },
  ];
  const document = assemble(info, groups, actions, spending.items, baseline.items, platforms.items);
  groups.priorities.forEach((p, i) => provenance.push(entry(`/priorities/${i}`, p)));
  baseline.items.forEach((b, i) => provenance.push(entry(`/baseline/${i}`, b)));
  actions.forEach((a, i) => {
    const codes = [...`${a.title} ${a.description ?? ''}`.matchAll(CATALOG_CODE)].map((m) => m[1]);
    const notes = codes.length
      ? [
          ...a.notes,
          `codici del Piano triennale AgID citati, da collegare a mano: ${[...new Set(codes)].join(', ')}`,
        ]
      : a.notes;
    provenance.push(entry(`/actions/${i}`, { ...a, notes }));
    a.microActions.forEach((m, k) => provenance.push(entry(`/actions/${i}/microActions/${k}`, m)));
  });
  spending.items.forEach((s, i) => provenance.push(entry(`/spending/${i}`, s)));
  platforms.items.forEach((p, i) => provenance.push(entry(`/platforms/${i}`, p)));
  const codes = new Set([...fullText.matchAll(CATALOG_CODE)].map((m) => m[1]));
  if (codes.size > 0) {
    warnings.push(
      `Il testo cita ${codes.size} codici del Piano triennale AgID (es. ${[...codes].slice(0, 3).join(', ')}): non sono collegati alle azioni, da verificare a mano`,
    );
  }
  return { document, provenance, warnings };

  function provenanceOf(confidence: number, recognizer: string) {
    return { source: lines[0]?.block.source ?? { page: null, line: 1 }, confidence, recognizer };
  }
}

function rangeOf([from, to]: [number, number]): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

function entry(pointer: string, found: Found): Provenance {
  const base: Provenance = {
    pointer,
    source: found.source,
    confidence: found.confidence,
    recognizer: found.recognizer,
  };
  if (found.notes.length) base.notes = found.notes;
  if (found.signals?.length) base.why = found.signals;
  return base;
}

/** Same code, or the same title: one action found twice (a cross-reference) becomes one. */
function dedupe(actions: DraftAction[]): DraftAction[] {
  const out: DraftAction[] = [];
  const folded = new Map<DraftAction, string>();
  const key = (a: DraftAction): string => {
    const known = folded.get(a);
    if (known !== undefined) return known;
    const k = fold(a.title);
    folded.set(a, k);
    return k;
  };
  for (const a of actions) {
    const twin = out.find((b) => (a.code && b.code && a.code === b.code) || key(a) === key(b));
    if (!twin) {
      out.push(a);
      continue;
    }
    // A bare list item never stands for an action a stronger form describes: that one stays.
    if (twin.recognizer === 'voce-di-elenco' && a.recognizer !== 'voce-di-elenco') {
      out[out.indexOf(twin)] = a;
      a.notes.push(`anche come voce di elenco a riga ${twin.source.line}`);
      a.signals = [...(a.signals ?? []), 'trovata-due-volte'];
      continue;
    }
    if (twin.responsibles.length === 0) twin.responsibles = a.responsibles;
    if (!twin.timing && a.timing) twin.timing = a.timing;
    twin.notes.push(`ripetuta a riga ${a.source.line}: unita a questa`);
    twin.signals = [...(twin.signals ?? []), 'trovata-due-volte'];
  }
  return out;
}

/** Summary tables repeat actions: a row enriches the action it names, or becomes a new one. */
function mergeTableRows(described: DraftAction[], rows: DraftAction[]): DraftAction[] {
  const out = [...described];
  for (const row of rows) {
    // A year-column table describes its actions (what each year brings), it does not sum up
    // actions described elsewhere: its rows are actions of their own.
    if (row.recognizer === 'tabella-colonne-anno') {
      out.push(row);
      continue;
    }
    let best: DraftAction | null = null;
    let bestScore = 0;
    for (const a of described) {
      // A bare list item is only a candidate: a table row never disappears into one.
      if (a.recognizer === 'voce-di-elenco') continue;
      const s = titleSimilarity(a.title, row.title);
      if (s > bestScore) [best, bestScore] = [a, s];
    }
    if (best && bestScore >= MERGE_SIMILARITY) {
      if (best.responsibles.length === 0) best.responsibles = row.responsibles;
      if (!best.timing && row.timing) best.timing = row.timing;
      best.notes.push(
        `anche nella tabella a riga ${row.source.line}${row.source.page ? `, pagina ${row.source.page}` : ''}`,
      );
    } else out.push(row);
  }
  return out.sort((a, b) => a.at - b.at);
}

interface Groups {
  priorities: DraftPriority[];
  /** Priority index of each action, same order as the actions. */
  of: (at: number) => number;
}

/** Each action goes to the priority it sits under; without priorities, to its chapter. */
function priorityGroups(
  lines: Line[],
  priorities: DraftPriority[],
  markers: PriorityMarker[],
  actions: DraftAction[],
  claimed: Set<number>,
  wrapped: boolean,
): Groups {
  const list = [...priorities];
  const byNumber = new Map(priorities.map((p, i) => [p.number, i]));
  const chapters = new Map<number, number>();
  const chapterPriority = (at: number): number => {
    const chapter = chapterOf(lines, at, claimed, wrapped);
    const key = chapter?.index ?? -1;
    const known = chapters.get(key);
    if (known !== undefined) return known;
    list.push({
      at: key < 0 ? 0 : key,
      source: chapter?.block.source ?? { page: null, line: 1 },
      confidence: 0.3,
      recognizer: 'capitolo',
      notes: ['nessuna priorità esplicita: raggruppate le azioni del capitolo'],
      number: null,
      title: chapter ? chapterTitle(lines, chapter).slice(0, 500) : 'Azioni del piano',
      stateOfTheArt: null,
    });
    chapters.set(key, list.length - 1);
    return list.length - 1;
  };
  const of = (at: number): number => {
    const marker = [...markers].reverse().find((m) => m.at <= at);
    const index = marker ? byNumber.get(marker.number) : undefined;
    return index ?? chapterPriority(at);
  };
  actions.forEach((a) => of(a.at));
  return { priorities: list, of };
}

/** The heading of the chapter a line belongs to (a top heading or an ALL CAPS title). */
function chapterOf(lines: Line[], at: number, claimed: Set<number>, wrapped: boolean): Line | null {
  for (let i = at - 1; i >= 0; i -= 1) {
    const l = lines[i] as Line;
    if (l.toc || l.label || claimed.has(i)) continue;
    if (l.block.kind === 'heading' && (l.block.level ?? 9) <= 2) return l;
    if (!wrapped && l.heading === 1 && l.titleLike) return l;
    const words = l.text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length;
    if (l.allCaps && words >= 4 && !l.text.includes(':') && !/^scheda\b/i.test(l.text)) {
      return firstLineOf(lines, l);
    }
  }
  return null;
}

/** A heading wrapped over several ALL CAPS lines starts at the first of them. */
function firstLineOf(lines: Line[], line: Line): Line {
  let first = line;
  for (let i = line.index - 1; i >= 0 && i >= line.index - 6; i -= 1) {
    const l = lines[i] as Line;
    if (l.block.kind === 'blank') continue;
    if (
      l.text !== l.text.toUpperCase() ||
      /[.;:!?]$/.test(l.text) ||
      l.label ||
      !/\p{L}/u.test(l.text)
    )
      break;
    first = l;
  }
  return first;
}

/** An ALL CAPS chapter title cut by the page width ends with a preposition: join the next line. */
function chapterTitle(lines: Line[], chapter: Line): string {
  const next = lines.slice(chapter.index + 1).find((l) => l.block.kind !== 'blank');
  const joins = /\b(?:DI|DEI|DEGLI|DEL|DELLA|DELLE|E|PER|IN|A|AL|ALLA|NELLA|SULLA)$/.test(
    chapter.text,
  );
  return joins && next?.allCaps === false && next.text === next.text.toUpperCase()
    ? `${chapter.text} ${next.text}`
    : joins && next?.allCaps
      ? `${chapter.text} ${next.text}`
      : chapter.text;
}

function pnrrMeasuresOf(text: string): string[] {
  const found = [...text.matchAll(MEASURE_MENTION)].map((m) => m[1] ?? '');
  return [...new Set(found.filter((m) => PNRR_MEASURES.has(m)))].slice(0, 20);
}

function clip(text: string | null, max: number): string | null {
  if (text === null) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function assemble(
  info: DocumentInfo,
  groups: Groups,
  actions: DraftAction[],
  spending: ReturnType<typeof recognizeSpending>['items'],
  baseline: ReturnType<typeof recognizeBaseline>['items'],
  platforms: ReturnType<typeof recognizePlatforms>['items'],
): PlanDocumentInput {
  const pid = (at: number) => `p${groups.of(at) + 1}`;
  let micro = 0;
  return {
    format: 'piano-plan',
    version: 1,
    organization: {
      name: info.organization.name,
      type: info.organization.type,
      ipaCode: null,
      istatCode: null,
      province: info.organization.province,
      region: null,
      population: null,
      pec: null,
      website: null,
      accessibilityUrl: null,
      units: info.units.map((u, i) => ({
        id: `u${i + 1}`,
        name: u.name,
        kind: u.kind,
        parentId: null,
      })),
      roles: info.rtd
        ? [
            {
              id: 'r1',
              role: 'rtd',
              title: 'Responsabile per la transizione al digitale',
              person: info.rtd.person,
              unitId: null,
              email: null,
              appointmentAct:
                info.rtd.organ || info.rtd.number || info.rtd.date
                  ? { organ: info.rtd.organ, number: info.rtd.number, date: info.rtd.date }
                  : null,
            },
          ]
        : [],
    },
    plan: {
      title: info.title,
      startYear: info.period.startYear,
      endYear: info.period.endYear,
      revisionLabel: info.revisionLabel,
      nationalEdition: clip(info.nationalEdition, 50),
      status: 'draft',
      approval: null,
      relatedInstruments: [],
      sections: [],
      normativeReferences: [],
      glossary: [],
    },
    priorities: groups.priorities.slice(0, 100).map((p, i) => ({
      id: `p${i + 1}`,
      code: p.number,
      title: clip(p.title, 500) ?? `Priorità ${i + 1}`,
      description: null,
      stateOfTheArt: p.stateOfTheArt,
      expectedBenefits: null,
      nationalChapters: [],
    })),
    baseline: baseline.slice(0, 2000).map((b, i) => ({
      id: `b${i + 1}`,
      priorityId: pid(b.at),
      label: b.label,
      value: b.value,
      valueText: b.valueText,
      unit: null,
      referenceDate: b.referenceDate,
      source: null,
    })),
    actions: actions.slice(0, 5000).map((a, i) => ({
      id: `a${i + 1}`,
      priorityId: pid(a.at),
      code: a.code ?? null,
      title: clip(a.title, 1000) ?? 'Azione',
      description: clip(a.description, 100_000),
      responsibles: a.responsibles.slice(0, 50),
      ownerUnitIds: [],
      status: 'planned',
      timing: clip(a.timing, 2000),
      expectedResults: a.expectedResults.slice(0, 50).map((r) => clip(r, 5000) ?? ''),
      progress: 0,
      catalogRefs: [],
      pnrrMeasures: pnrrMeasuresOf(`${a.title} ${a.description ?? ''} ${a.timing ?? ''}`),
      microActions: a.microActions.slice(0, 100).map((m) => ({
        id: `m${(micro += 1)}`,
        title: clip(m.title, 1000) ?? 'Micro azione',
        description: clip(m.description, 100_000),
        responsibles: m.responsibles.slice(0, 50),
        ownerUnitIds: [],
        status: 'planned',
        timing: clip(m.timing, 2000),
      })),
    })),
    indicators: [],
    spending: spending.slice(0, 5000).map((s, i) => ({
      id: `s${i + 1}`,
      actionId: null,
      classification: s.classification,
      description: s.description,
      fundingSource: s.fundingSource,
      pnrrMeasure: s.pnrrMeasure,
      cup: s.cup,
      amount: s.amount,
      year: null,
      status: 'planned',
    })),
    platforms: platforms.slice(0, 200).map((p, i) => ({
      id: `pl${i + 1}`,
      platform: p.platform,
      status: p.status,
      since: null,
      due: p.due,
      unitId: null,
      unitText: p.unitText,
      notes: null,
    })),
  };
}

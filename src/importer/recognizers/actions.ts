import { parseTiming } from '../../domain/timing/parse-timing.js';
import { fieldValue, readRecord, continues, type Field } from './fields.js';
import { firstSentence, isStructural, type Line } from './lines.js';
import { priorityOf } from './priorities.js';
import { splitResponsibles } from './responsibles.js';
import type { DraftAction, DraftMicroAction, PlanPeriod } from './types.js';

/**
 * Actions described by labelled fields, the commonest shape of the genre:
 *
 *   <title: a heading, a numbered heading or an emphasized line>
 *   <description paragraphs and bullets>
 *   Responsabilità: …   Tempi: …   Risultati attesi: …
 *
 * and its variants: "Azione: <title>" followed by "Micro azioni:" each with its own
 * "Soggetti:/Tempi:" (the action then owns the union of their responsibles and ends with the
 * last of them), or "Micro-azione connessa:" after an action's fields.
 */

interface Frame {
  at: number;
  title: string;
  description: string[];
  own: Field[] | null;
  microOpen: boolean;
  pending: number[];
  micro: DraftMicroAction[];
  end: number;
}

export interface ActionContext {
  wrapped: boolean;
  period: PlanPeriod;
  /** Lines another recognizer already owns (objective sheets, tables). */
  claimed: Set<number>;
}

export function recognizeFieldActions(lines: Line[], ctx: ActionContext): DraftAction[] {
  const actions: DraftAction[] = [];
  let frame: Frame | null = null;
  let gapStart = 0;
  let microOpen = false;
  let pending: number[] = [];

  const closeFrame = () => {
    if (frame) actions.push(frameAction(frame, lines, ctx));
    frame = null;
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as Line;
    if (ctx.claimed.has(i)) {
      closeFrame();
      microOpen = false;
      gapStart = i + 1;
      pending = [];
      continue;
    }
    if (line.toc || line.block.kind === 'blank') continue;
    const label = line.label;
    if (priorityOf(line) || (line.heading !== null && line.heading < 9 && !label)) {
      if (frame || priorityOf(line)) gapStart = i;
      closeFrame();
      microOpen = false;
      if (priorityOf(line)) gapStart = i + 1;
      continue;
    }
    if (line.allCaps && wordCount(line.text) >= 4 && !label && frame) {
      closeFrame();
      gapStart = i;
      continue;
    }
    if (label?.kind === 'action') {
      closeFrame();
      const opened = openFrame(lines, i, ctx.wrapped);
      frame = opened.frame;
      i = opened.end;
      continue;
    }
    if (label?.kind === 'micro') {
      if (frame) {
        frame.microOpen = true;
        frame.pending = [];
      } else microOpen = actions.length > 0;
      pending = label.value ? [i] : [];
      continue;
    }
    if (label) {
      const record = readRecord(lines, i, ctx.wrapped);
      if (record.fields.length === 0) continue;
      const currentFrame = frame as Frame | null;
      if (currentFrame) {
        addToFrame(currentFrame, record.fields, lines, i, ctx);
      } else if (microOpen && actions.length > 0) {
        const micro = microFrom(lines, pending, record.fields, i, ctx.wrapped);
        (actions.at(-1) as DraftAction).microActions.push(micro);
      } else {
        const action = actionFrom(lines, gapStart, i, record.fields, ctx);
        if (action) actions.push(action);
        else if (actions.length > 0) mergeInto(actions.at(-1) as DraftAction, record.fields);
      }
      microOpen = false;
      pending = [];
      i = record.end;
      gapStart = record.end + 1;
      continue;
    }
    // After an action's own fields, a new title starts the next action (unless micro-actions follow).
    const open = frame as Frame | null;
    if (open?.own && !open.microOpen && line.titleLike) {
      closeFrame();
      gapStart = i;
    }
    if (frame) (frame as Frame).pending.push(i);
    else pending.push(i);
  }
  closeFrame();
  return actions;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length;
}

/** "Azione: <title>" or "AZIONE:" followed by the text that names it. */
function openFrame(lines: Line[], at: number, wrapped: boolean): { frame: Frame; end: number } {
  const first = lines[at] as Line;
  const parts: string[] = first.label?.value ? [first.label.value] : [];
  let titleAt = at;
  let end = at;
  for (let j = at + 1; j < lines.length; j += 1) {
    const l = lines[j] as Line;
    if (l.block.kind === 'blank') {
      if (parts.length > 0 && !wrapped) break;
      continue;
    }
    if (l.label || l.heading !== null || l.block.kind === 'row') break;
    if (parts.length > 0 && !wrapped && l.block.kind !== 'item') break;
    if (parts.length === 0) titleAt = j;
    parts.push(l.text);
    end = j;
  }
  const text = parts.join(' ').trim();
  const title = firstSentence(text);
  const frame: Frame = {
    at: titleAt,
    title,
    description: text.length > title.length + 1 ? [text] : [],
    own: null,
    microOpen: false,
    pending: [],
    micro: [],
    end,
  };
  return { frame, end };
}

function addToFrame(frame: Frame, fields: Field[], lines: Line[], at: number, ctx: ActionContext) {
  if (!frame.own && !frame.microOpen && frame.pending.length === 0) frame.own = fields;
  else frame.micro.push(microFrom(lines, frame.pending, fields, at, ctx.wrapped));
  frame.pending = [];
  frame.end = Math.max(frame.end, ...fields.map((f) => f.end));
}

function frameAction(frame: Frame, lines: Line[], ctx: ActionContext): DraftAction {
  const own = frame.own ?? [];
  const ownResponsibles = responsiblesOf(own);
  const responsibles = ownResponsibles.length
    ? ownResponsibles
    : unique(frame.micro.flatMap((m) => m.responsibles));
  const timing = fieldValue(own, 'timing') ?? latestTiming(frame.micro, ctx.period);
  const results = own.filter((f) => f.kind === 'results').flatMap((f) => f.items);
  const notes = frame.own
    ? []
    : frame.micro.length
      ? ['responsabili e tempi dalle micro azioni']
      : [];
  const first = lines[frame.at] as Line;
  return {
    at: frame.at,
    source: first.block.source,
    confidence: score(0.8, responsibles, timing),
    recognizer: 'azione-con-micro-azioni',
    notes,
    title: frame.title || 'Azione senza titolo',
    description: frame.description.join('\n') || null,
    responsibles,
    timing,
    expectedResults: results,
    microActions: frame.micro,
    span: [frame.at, frame.end],
  };
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The micro-action timing with the latest deadline: when the whole action is done. */
function latestTiming(micro: DraftMicroAction[], period: PlanPeriod): string | null {
  let best: { text: string; due: string } | null = null;
  for (const m of micro) {
    if (!m.timing) continue;
    const due = parseTiming(m.timing, period).due;
    if (due && (!best || due > best.due)) best = { text: m.timing, due };
  }
  return best?.text ?? micro.find((m) => m.timing)?.timing ?? null;
}

function responsiblesOf(fields: Field[]): string[] {
  const value = fieldValue(fields, 'responsibles') ?? fieldValue(fields, 'unit');
  return value ? splitResponsibles(value) : [];
}

function microFrom(
  lines: Line[],
  pending: number[],
  fields: Field[],
  at: number,
  wrapped: boolean,
): DraftMicroAction {
  const texts = joinLines(lines, pending, wrapped);
  const [head = '', ...rest] = texts;
  const title = head ? firstSentence(head) : 'Micro azione senza titolo';
  const extra = head.length > title.length + 1 ? [head.slice(title.length).trim()] : [];
  const description = [...extra, ...rest].join('\n').trim();
  const start = pending[0] ?? at;
  const responsibles = responsiblesOf(fields);
  const timing = fieldValue(fields, 'timing');
  return {
    at: start,
    source: (lines[start] as Line).block.source,
    confidence: score(head ? 0.75 : 0.4, responsibles, timing),
    recognizer: 'micro-azione',
    notes: head ? [] : ['titolo non trovato'],
    title,
    description: description || null,
    responsibles,
    timing,
  };
}

/** Lines as texts: items start a new text, wrapped continuation lines join the previous one. */
function joinLines(lines: Line[], indices: number[], wrapped: boolean): string[] {
  const out: string[] = [];
  for (const i of indices) {
    const l = lines[i] as Line;
    if (!l.text) continue;
    const last = out.length - 1;
    const previous = lines[i - 1];
    if (
      wrapped &&
      last >= 0 &&
      l.block.kind !== 'item' &&
      continues(out[last] ?? '', l, previous)
    ) {
      out[last] = `${out[last]} ${l.text}`;
    } else out.push(l.label?.value ?? l.text);
  }
  return out;
}

/** An action from a record and the lines before it: the nearest line that can name it. */
function actionFrom(
  lines: Line[],
  from: number,
  to: number,
  fields: Field[],
  ctx: ActionContext,
): DraftAction | null {
  const titleAt = findTitle(lines, from, to);
  let title: string;
  let confidence: number;
  let descriptionFrom: number;
  let code: string | null = null;
  if (titleAt !== null) {
    const numbered = ACTION_CODE.exec((lines[titleAt] as Line).text);
    code = numbered?.[1] ?? null;
    title = (numbered?.[2] ?? (lines[titleAt] as Line).text).replace(/[.:;\s]+$/, '');
    confidence = (lines[titleAt] as Line).heading !== null ? 0.9 : 0.85;
    descriptionFrom = titleAt + 1;
  } else {
    const firstContent = firstContentLine(lines, from, to);
    if (firstContent === null) return null;
    const text = joinLines(lines, range(firstContent, to), ctx.wrapped)[0] ?? '';
    title = firstSentence(text);
    confidence = 0.5;
    descriptionFrom = firstContent;
  }
  const body = joinLines(lines, contentBetween(lines, descriptionFrom, to), ctx.wrapped);
  const described = fieldValue(fields, 'description');
  const description = [...body, ...(described ? [described] : [])].join('\n').trim();
  const responsibles = responsiblesOf(fields);
  const timing = fieldValue(fields, 'timing');
  const at = titleAt ?? descriptionFrom;
  const extraTimings = fields.filter((f) => f.kind === 'timing').slice(1);
  return {
    at,
    source: (lines[at] as Line).block.source,
    confidence: score(confidence, responsibles, timing),
    recognizer: 'blocco-responsabilita-tempi',
    notes: titleAt === null ? ['titolo ricavato dalla prima frase'] : [],
    title,
    description:
      [description, ...extraTimings.map((f) => `Tempi: ${f.value}`)].filter(Boolean).join('\n') ||
      null,
    responsibles,
    timing,
    expectedResults: fields.filter((f) => f.kind === 'results').flatMap((f) => f.items),
    microActions: [],
    span: [at, Math.max(...fields.map((f) => f.end))],
    code,
  };
}

/** "2.1.3 Title", "LA01 - Title", "LAd2 – Title", "A.3. Title": the plan's own code, then the title. */
const ACTION_CODE =
  /^(\d{1,2}(?:\.\d{1,2}){1,5}|[A-Z]{1,4}[a-z]?\d{1,3}(?:\.\d{1,3})*|[A-Z]\.\d{1,2}(?:\.\d{1,2})*)\.?\s*(?:[-–—:)]\s*|\s)(\S.*)$/u;

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

function contentBetween(lines: Line[], from: number, to: number): number[] {
  return range(from, to).filter((i) => {
    const l = lines[i] as Line;
    return !l.toc && l.block.kind !== 'blank' && l.block.kind !== 'row';
  });
}

function firstContentLine(lines: Line[], from: number, to: number): number | null {
  for (let i = from; i < to; i += 1) {
    const l = lines[i] as Line;
    const kind = l.block.kind;
    if ((kind === 'paragraph' || kind === 'item') && !l.toc && !l.label && l.text.length > 3)
      return i;
  }
  return null;
}

/** The closest line before the fields that can name an action; structural headings cannot. */
export function findTitle(lines: Line[], from: number, to: number): number | null {
  for (let i = to - 1; i >= from; i -= 1) {
    const l = lines[i] as Line;
    if (!l.titleLike || l.toc || isStructural(l.text) || priorityOf(l)) continue;
    if (l.text.length < 3) continue;
    return i;
  }
  return null;
}

/** Fields that repeat a record already given (a second deadline) go to the last action. */
function mergeInto(action: DraftAction, fields: Field[]) {
  const extra = fields.map((f) => `${f.kind === 'timing' ? 'Tempi' : 'Nota'}: ${f.value}`);
  action.description = [action.description, ...extra].filter(Boolean).join('\n');
  if (!action.timing) action.timing = fieldValue(fields, 'timing');
  if (action.responsibles.length === 0) action.responsibles = responsiblesOf(fields);
}

/** Confidence lowered when the action lacks responsibles or timing. */
export function score(base: number, responsibles: string[], timing: string | null): number {
  let value = base;
  if (responsibles.length === 0) value -= 0.1;
  if (!timing) value -= 0.1;
  return Math.round(Math.max(0.1, value) * 100) / 100;
}

import { parseTiming } from '../../domain/timing/parse-timing.js';
import { findDateExpressions } from './dates.js';
import { firstSentence, isStructural, type Line } from './lines.js';
import { RESPONSIBLE_TAIL } from './bullets.js';
import { splitResponsibles } from './responsibles.js';
import type { DraftAction } from './types.js';

/**
 * The weak forms of the genre, offered as candidates for the scoring to weigh (see scoring.ts):
 *
 * - a list item of any marker whose text wraps over several lines (blank lines between, as PDF
 *   extraction gives them), its timing in brackets at the very end: "[triennio 2021 – 2023]";
 * - a line that opens with its deadline, as a flattened timing table gives it:
 *   "Entro aprile 2019 Migrazione del server …";
 * - responsibles named once for a section ("Responsabili: Capi dei Servizi / Uffici + RTD"),
 *   inherited by the items that follow until the next heading.
 *
 * Each candidate says which signals fired; most list items of a plan are not actions, and the
 * fitted weights, not this file, decide which are.
 */
const BRACKETED = /^(.*?)\s*\[\s*([^\]]{2,90}?)\s*\]\s*[.;,]?\s*$/s;
const LEADING_DEADLINE =
  /^((?:entro(?:\s+(?:il|la|fine))?|dal|da|a\s+partire\s+da[l]?)\s+(?:\d{1,2}\s+)?(?:(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)\s+)?(?:del\s+)?(?:19|20|21)\d\d)\s+(\p{Lu}.{6,})$/iu;
const MAX_WRAPPED = 8;

export function recognizeListItems(lines: Line[], claimed: Set<number>): DraftAction[] {
  const actions: DraftAction[] = [];
  const sectionResponsibles: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as Line;
    if (claimed.has(i) || line.toc || line.label) continue;
    if (line.block.kind === 'item') {
      const { text, end } = wrappedItem(lines, i, claimed);
      const candidate = itemCandidate(lines, i, end, text, sectionResponsibles);
      if (candidate) actions.push(candidate);
      i = end;
      continue;
    }
    if (line.block.kind === 'paragraph') {
      const m = LEADING_DEADLINE.exec(line.text);
      if (!m || !datedOrImplausible(m[1] ?? '')) continue;
      const title = firstSentence((m[2] ?? '').replace(/[;.,\s]+$/, ''));
      actions.push({
        ...candidate(line, i, title, m[1] ?? null, sectionResponsibles, ['tempi-in-testa'], null),
        recognizer: 'tempi-in-testa',
      });
    }
  }
  return actions;
}

/**
 * "Responsabili: Capi dei Servizi / Uffici + RTD" alone before a list: the responsibles of every
 * item that follows, up to the next heading. Returns the lines of such labels.
 */
export function sectionResponsibleLines(lines: Line[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as Line;
    if (line.label?.kind !== 'responsibles' || !line.label.value) continue;
    // The list may follow after a line or two of text (the value wrapped, an introduction).
    const next = lines
      .slice(i + 1, i + 8)
      .find((l) => l.block.kind !== 'blank' && (l.block.kind !== 'paragraph' || l.label));
    if (next?.block.kind === 'item' && !next.label) out.push(i);
  }
  return out;
}

/** Actions of lists with no responsibles of their own take those their section names once. */
export function inheritSectionResponsibles(
  lines: Line[],
  sections: number[],
  actions: DraftAction[],
): void {
  for (const action of actions) {
    if (action.responsibles.length > 0 || action.microActions.length > 0) continue;
    const label = [...sections].reverse().find((k) => k < action.at);
    if (label === undefined) continue;
    const between = lines.slice(label + 1, action.at);
    if (between.some((l) => (l.heading !== null && l.heading < 9) || l.allCaps)) continue;
    action.responsibles = splitResponsibles((lines[label] as Line).label?.value ?? '');
    action.notes.push('responsabili indicati per l’intera sezione');
    action.signals = [...(action.signals ?? []), 'responsabili-della-sezione'];
  }
}

/** A deadline read as a date, or one naming an impossible year (kept and flagged, never fixed). */
function datedOrImplausible(words: string): boolean {
  const timing = parseTiming(words);
  return timing.due !== null || (timing.note ?? '').includes('implausible');
}

/** An item and the lines that carry on its text, up to a bracket that closes it. */
function wrappedItem(
  lines: Line[],
  at: number,
  claimed: Set<number>,
): { text: string; end: number } {
  let text = (lines[at] as Line).text;
  let end = at;
  for (let j = at + 1; j < lines.length && j <= at + MAX_WRAPPED * 2; j += 1) {
    if (/\]\s*[.;,]?\s*$/.test(text)) break;
    const l = lines[j] as Line;
    if (l.block.kind === 'blank') continue;
    if (l.block.kind !== 'paragraph' || l.label || l.heading !== null || claimed.has(j)) break;
    if (/^\p{Lu}/u.test(l.text) && /[.;:]$/.test(text)) break;
    text = `${text} ${l.text}`;
    end = j;
  }
  return { text, end };
}

function itemCandidate(
  lines: Line[],
  at: number,
  end: number,
  text: string,
  inherited: string[],
): DraftAction | null {
  const line = lines[at] as Line;
  const signals = ['marcatore-elenco'];
  if (end > at) signals.push('righe-unite');
  let body = text.trim();
  let timing: string | null = null;
  const bracket = BRACKETED.exec(body);
  const words = bracket?.[2] ?? '';
  if (bracket && (parseTiming(words).resolved || datedOrImplausible(words))) {
    timing = `[${(bracket[2] ?? '').trim()}]`;
    body = (bracket[1] ?? '').trim();
    signals.push('tempi-tra-parentesi');
    const tail = RESPONSIBLE_TAIL.exec(body);
    const own = tail ? splitResponsibles(tail[1] ?? '') : [];
    if (tail) body = body.slice(0, tail.index).trim();
    const title = firstSentence(body.replace(/[-–—;.,:\s]+$/, ''), 400);
    if (title.length < 4) return null;
    // The genre's own form: an item closed by its timing in brackets, however it wraps.
    return {
      ...candidate(line, at, title, timing, own.length ? own : inherited, signals, body, end),
      recognizer: 'elenco-con-tempi',
    };
  } else {
    const lead = LEADING_DEADLINE.exec(body);
    const dated = lead ? datedOrImplausible(lead[1] ?? '') : false;
    if (lead && dated) {
      timing = lead[1] ?? null;
      body = lead[2] ?? body;
      signals.push('tempi-in-testa');
    } else {
      const found = findDateExpressions(body).at(-1);
      if (found) {
        timing = found.text;
        signals.push('tempi-nel-testo');
      }
    }
  }
  const title = firstSentence(body.replace(/[;.,:\s]+$/, ''), 400);
  if (title.length < 6 || isStructural(title)) return null;
  if (/:$/.test(text.trim())) signals.push('introduce-elenco');
  return candidate(line, at, title, timing, inherited, signals, body, end);
}

function candidate(
  line: Line,
  at: number,
  title: string,
  timing: string | null,
  inherited: string[],
  signals: string[],
  body: string | null,
  end = at,
): DraftAction {
  const withSection = signals;
  const implausible = timing !== null && (parseTiming(timing).note ?? '').includes('implausible');
  const notes = [...(implausible ? [`data non plausibile, lasciata com’è: ${timing}`] : [])];
  return {
    at,
    source: line.block.source,
    confidence: 0.5,
    recognizer: 'voce-di-elenco',
    notes,
    title,
    description: body && body.length > title.length + 2 ? body : null,
    responsibles: inherited,
    timing,
    expectedResults: [],
    microActions: [],
    span: [at, end],
    signals: withSection,
  };
}

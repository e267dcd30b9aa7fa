import { fold, type Line } from './lines.js';
import type { DraftPriority } from './types.js';

/**
 * Priorities, the plan's chapters of actions: "PRIORITA' 1. …", "2.1 Priorità 1 – …",
 * "Ambito 2: …", "Asse tematico 3 – …". The same number met again (an introduction listing them,
 * a repeated header) refers to the same priority.
 */
const PRIORITY =
  /^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:priorit[àa]'?|ambito(?:\s+(?:di\s+intervento|tematico))?|asse(?:\s+(?:tematico|strategico))?|macro[- ]?ambito|area\s+(?:di\s+intervento|tematica|strategica)|obiettivo\s+strategico|linea\s+strategica)\s*(?:n[°º.]?\s*)?(\d{1,2}|[IVX]{1,4})\b\s*[.:–—\-)]?\s*(.*)$/iu;

export interface PriorityMarker {
  at: number;
  number: string;
}

export function priorityOf(line: Line): { number: string; title: string } | null {
  const kind = line.block.kind;
  if (line.toc || kind === 'item' || kind === 'row' || kind === 'blank') return null;
  if (line.text.length > 250) return null;
  const m = PRIORITY.exec(line.text);
  if (!m) return null;
  const title = (m[2] ?? '').replace(/[.:;\s]+$/, '').trim();
  return { number: (m[1] ?? '').toUpperCase(), title };
}

export function recognizePriorities(lines: Line[]): {
  priorities: DraftPriority[];
  markers: PriorityMarker[];
} {
  const byNumber = new Map<string, DraftPriority>();
  const markers: PriorityMarker[] = [];
  for (const line of lines) {
    const found = priorityOf(line);
    if (!found) continue;
    markers.push({ at: line.index, number: found.number });
    const known = byNumber.get(found.number);
    if (known) {
      if (!known.title && found.title) known.title = found.title;
      continue;
    }
    byNumber.set(found.number, {
      at: line.index,
      source: line.block.source,
      confidence: found.title ? 0.9 : 0.6,
      recognizer: 'priorita',
      notes: [],
      number: found.number,
      title: found.title,
      stateOfTheArt: null,
    });
  }
  const priorities = [...byNumber.values()];
  for (const p of priorities) if (!p.title) p.title = `Priorità ${p.number}`;
  attachStateOfTheArt(lines, markers, byNumber);
  return { priorities, markers };
}

/** The "Analisi dello stato dell'arte" text inside each priority, for the reviewer. */
function attachStateOfTheArt(
  lines: Line[],
  markers: PriorityMarker[],
  byNumber: Map<string, DraftPriority>,
): void {
  markers.forEach((marker, k) => {
    const end = markers[k + 1]?.at ?? lines.length;
    const start = lines.findIndex(
      (l, i) => i > marker.at && i < end && /stato dell ?'?arte/.test(fold(l.text)) && l.titleLike,
    );
    if (start < 0) return;
    const parts: string[] = [];
    for (let i = start + 1; i < end; i += 1) {
      const l = lines[i];
      if (!l || (l.titleLike && l.heading !== null)) break;
      if (l.text) parts.push(l.text);
    }
    const priority = byNumber.get(marker.number);
    if (priority && parts.length > 0 && !priority.stateOfTheArt) {
      priority.stateOfTheArt = parts.join('\n').slice(0, 20_000);
    }
  });
}

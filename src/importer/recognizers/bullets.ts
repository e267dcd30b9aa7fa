import { parseTiming } from '../../domain/timing/parse-timing.js';
import { splitResponsibles } from './responsibles.js';
import { score } from './actions.js';
import type { Line } from './lines.js';
import type { DraftAction } from './types.js';

/**
 * Bullet lists of actions with their timing in brackets:
 *   - Adozione del manuale di gestione documentale [entro il 2024]
 *   • Migrazione al cloud dei gestionali (Resp.: Ufficio CED) [biennio 2024 – 2025]
 * A bracket counts as timing only when the Timing parser reads a date in it.
 */
const BRACKETED = /^(.*?)\s*[[(]\s*([^\])]{2,90}?)\s*[\])]\s*[.;,]?\s*$/;
const TIMING_WORDS =
  /\b(?:entro|triennio|biennio|anno|anni|da subito|subito|ogni anno|continuativ|(?:19|20)\d\d)\b/i;
export const RESPONSIBLE_TAIL =
  /\s*(?:[-–—]\s*|\(\s*)?(?:resp(?:onsabil[ei]|\.)?|a cura d(?:i|el|ella|ell['’]))\s*[:.]?\s*([^()[\]]+?)\)?\s*$/i;

export function recognizeBulletActions(lines: Line[], claimed: Set<number>): DraftAction[] {
  const actions: DraftAction[] = [];
  for (const line of lines) {
    if (line.block.kind !== 'item' || claimed.has(line.index) || line.label) continue;
    const m = BRACKETED.exec(line.text);
    if (!m) continue;
    const words = (m[2] ?? '').trim();
    if (!TIMING_WORDS.test(words) || !parseTiming(words).resolved) continue;
    let title = (m[1] ?? '').trim();
    let responsibles: string[] = [];
    const tail = RESPONSIBLE_TAIL.exec(title);
    if (tail) {
      responsibles = splitResponsibles(tail[1] ?? '');
      title = title.slice(0, tail.index).trim();
    }
    title = title.replace(/[-–—:;,\s]+$/, '');
    if (title.length < 4) continue;
    actions.push({
      at: line.index,
      source: line.block.source,
      confidence: score(0.75, responsibles, words),
      recognizer: 'elenco-con-tempi',
      notes: [],
      signals: ['marcatore-elenco', 'tempi-tra-parentesi'],
      title,
      description: null,
      responsibles,
      timing: `[${words}]`,
      expectedResults: [],
      microActions: [],
      span: [line.index, line.index],
    });
  }
  return actions;
}

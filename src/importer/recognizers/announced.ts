import { parseTiming } from '../../domain/timing/parse-timing.js';
import { firstSentence, type Line } from './lines.js';
import type { DraftAction, PlanPeriod } from './types.js';

/**
 * Interventions listed under a sentence that announces them as the plan's work:
 *
 *   Tra le opere del triennio 2024-2026 rientrano:   (then a list of items)
 *   nel periodo 2024–2026 l'ente realizzerà:
 *   Dal 2024 in avanti l'amministrazione si impegna a:
 *
 * Each item is an action; its timing is the period the sentence names (or the plan's, when the
 * sentence says "nel periodo" without years). Lists of what was already done ("hanno già
 * realizzato:", "si è impegnato nella realizzazione") announce nothing.
 */
const ANNOUNCES =
  /\b(?:rientrano|realizzer[àa]|realizzeranno|attuer[àa]|saranno\s+(?:realizzat|effettuat|avviat|attivat|svolt|adottat)\w*|verranno\s+\w+|si\s+impegna(?:no)?\s+(?:a|ad)\b|intende\s+(?:realizzare|avviare|attivare|adottare|rendere|promuovere|sviluppare|completare|implementare)|prevede\s+di|(?:interventi|azioni|attivit[àa])\s+(?:previst[ei]|programmat[ei]|da\s+(?:realizzare|avviare|attuare)))/i;
const DONE =
  /\b(?:gi[àa]\s+realizzat|hanno\s+(?:gi[àa]\s+)?realizzat|[èe]\s+stat[oa]|sono\s+stat[ei]|si\s+[èe]\s+impegnat|raggiunt[io]|conclus[ie]|completat[ei])/i;
const YEARS = /\b((?:19|20)\d\d)\s*(?:[-–—./]|\s+al\s+|\s+e\s+il\s+)\s*((?:19|20)\d\d)\b/;
const FROM = /\ba\s+partire\s+dal(?:l['’])?\s+(?:\p{L}+\s+)?((?:19|20)\d\d)\b/iu;
const PERIOD =
  /\b(?:nel\s+(?:corso\s+del\s+)?(?:periodo|triennio)|nell['’]arco\s+(?:temporale|del\s+triennio))\b/i;
const BRACKET_TIMING = /\s*[[(]\s*([^\])]{2,60}?)\s*[\])]\s*[.;,]?\s*$/;

export function recognizeAnnouncedLists(
  lines: Line[],
  claimed: Set<number>,
  period: PlanPeriod,
): DraftAction[] {
  const actions: DraftAction[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const intro = lines[i] as Line;
    if (intro.block.kind !== 'paragraph' || claimed.has(i) || intro.label) continue;
    const text = intro.text.trim();
    if (!text.endsWith(':')) continue;
    const sentence = lastSentence(text);
    if (!ANNOUNCES.test(sentence) || DONE.test(sentence)) continue;
    const timing = timingOf(sentence, period);
    for (let j = i + 1; j < lines.length; j += 1) {
      const item = lines[j] as Line;
      if (item.block.kind === 'blank') continue;
      if (item.block.kind !== 'item' || claimed.has(j) || item.label) break;
      const own = BRACKET_TIMING.exec(item.text);
      const ownTiming = own && parseTiming(own[1] ?? '').resolved ? (own[1] ?? '') : null;
      const body = ownTiming && own ? item.text.slice(0, own.index) : item.text;
      const title = firstSentence(body.replace(/[;.:,\s]+$/, ''), 400);
      if (title.length < 8) continue;
      const signals = ['elenco-annunciato'];
      if (ownTiming) signals.push('tempi-tra-parentesi');
      else if (timing) signals.push('tempi-della-frase');
      actions.push({
        at: j,
        source: item.block.source,
        confidence: 0.6,
        recognizer: 'elenco-annunciato',
        notes: ownTiming || !timing ? [] : ['tempi dalla frase che introduce l’elenco'],
        title,
        description: body.length > title.length + 2 ? body : null,
        responsibles: [],
        timing: ownTiming ? `[${ownTiming}]` : timing,
        expectedResults: [],
        microActions: [],
        span: [j, j],
        signals,
      });
      i = j;
    }
  }
  return actions;
}

/** The sentence that ends with the colon: what introduces the list. */
function lastSentence(text: string): string {
  const parts = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  return parts.at(-1) ?? text;
}

function timingOf(sentence: string, period: PlanPeriod): string | null {
  const years = YEARS.exec(sentence);
  if (years) return `${years[1]} – ${years[2]}`;
  const from = FROM.exec(sentence);
  if (from) return from[0];
  if (PERIOD.test(sentence)) return `${period.startYear} – ${period.endYear}`;
  return null;
}

import { parseTiming } from '../../domain/timing/parse-timing.js';
import type { Line } from './lines.js';
import type { PlanPeriod } from './types.js';

/**
 * The plan's identity: the ente, its province, the plan's title, period, revision and the
 * national plan edition it follows, the RTD's appointment and the units the plan names.
 */

export interface DocumentInfo {
  organization: {
    name: string;
    type: 'comune' | 'unione_di_comuni' | 'comunita_montana' | 'provincia' | 'citta_metropolitana';
    province: string | null;
  };
  organizationFound: boolean;
  title: string;
  titleFound: boolean;
  period: PlanPeriod;
  periodFound: 'title' | 'text' | 'assumed';
  revisionLabel: string | null;
  nationalEdition: string | null;
  rtd: {
    person: string | null;
    organ: string | null;
    number: string | null;
    date: string | null;
  } | null;
  units: Array<{ name: string; kind: 'settore' | 'area' | 'servizio' | 'uo' }>;
  warnings: string[];
}

const HEAD_LINES = 80;
const ORG_LINE =
  /^(comune|citt[àa]|unione(?:\s+(?:dei|di)\s+comuni)?(?:\s+montana)?|comunit[àa]\s+montana|provincia|citt[àa]\s+metropolitana)\s+(?:di|del|della|dei|delle|d['’])\s*(.{2,80})$/iu;
const ORG_INLINE =
  /\b(Comune|Unione dei Comuni|Unione Montana|Comunità Montana)\s+(?:di|del|della|dei|d['’])\s*((?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:di|del|della|de['’]|dei|in|sul|sull['’]|al|e|\p{Lu}[\p{L}'’-]*))*)/gu;
const PROVINCE_LINE =
  /^(?:provincia|citt[àa]\s+metropolitana|libero consorzio comunale)\s+di\s+(.{2,60})$/iu;
const TITLE =
  /piano\s+(?:triennale|di\s+transizione|per\s+la\s+transizione|di\s+informatizzazione|dell['’]informatica|ict|digitale)/i;
const RANGE = /\b((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)\d\d)\b/;
const OWN_PLAN =
  /piano\s+(?:triennale\s+)?(?:per\s+l['’]\s*informatica|(?:di|per\s+la)\s+transizione\s+(?:al\s+)?digitale|di\s+informatizzazione|ict)\s+(?:del(?:l['’])?\s+(?:comune|ente|unione)[^.]{0,60}?|comunale\s+)?((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)\d\d)/gi;
const NATIONAL =
  /piano\s+triennale\s+(?:per\s+l['’]\s*informatica\s+)?(?:nella|della)\s+(?:pubblica\s+amministrazione|p\.?\s?a\.?)\b[^.\n]{0,30}?((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)\d\d)/gi;
const EDITION =
  /edizione\s+((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)\d\d)(?:\s*,?\s*aggiornamento\s+((?:19|20)\d\d))?/i;
const TRIENNIO = /\btriennio\s+((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)\d\d)/gi;
const UNIT_LINE =
  /^(settore|area|servizio|u\.?o\.?a?\.?|unit[àa] operativa)\s+(\d{1,2}|[IVX]{1,4})\s*[-–:.)]\s*(.{3,250})$/iu;
const RTD =
  /(?:nominat[oa]|individuat[oa]|designat[oa])\s+(?:con\s+)?(?:giust[oa]\s+)?(decreto|determina(?:zione)?|delibera(?:zione)?|provvedimento)\s*(sindacale|del sindaco|di giunta)?\s*n\.?\s*°?\s*(\d+(?:\/\d{2,4})?)\s*del\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+\p{L}+\s+\d{4})/iu;
const PERSON =
  /nella\s+figura\s+del(?:la)?\s+((?:(?:[Dd]ott|[Ii]ng|[Aa]vv|[Aa]rch|[Gg]eom|[Rr]ag|[Ss]ig)\.?(?:ssa)?\.?\s+)*\p{Lu}[\p{L}'’]+(?:\s+(?:\p{Lu}[\p{L}'’]+|di|de|del|della)){1,3})/u;

export function recognizeDocumentInfo(lines: Line[], fullText: string): DocumentInfo {
  const warnings: string[] = [];
  const head = lines.slice(0, HEAD_LINES).filter((l) => !l.toc && l.block.kind !== 'item');
  const org = organizationOf(head, fullText);
  if (!org.found) warnings.push('Ente non riconosciuto: indicare il nome dell’ente');
  const province = head.map((l) => PROVINCE_LINE.exec(l.text)?.[1]).find(Boolean) ?? null;
  const titleLine = head.find(
    (l) => TITLE.test(l.text) && l.text.length <= 200 && (l.titleLike || /^piano\b/i.test(l.text)),
  );
  const titleIndex = titleLine ? head.indexOf(titleLine) : -1;
  const afterTitle = titleIndex >= 0 ? (head[titleIndex + 1]?.text ?? '') : '';
  let title = titleLine?.text.replace(/[.:\s]+$/, '') ?? '';
  if (titleLine && !RANGE.test(title) && RANGE.test(afterTitle) && afterTitle.length < 30) {
    title = `${title} ${afterTitle}`;
  }
  if (!titleLine) warnings.push('Titolo del piano non trovato: usato un titolo generico');
  const { period, found } = periodOf(title, fullText, warnings);
  if (!title) title = `Piano triennale per l’informatica ${period.startYear}–${period.endYear}`;
  const revisionLabel =
    head
      .map((l) => /^(?:revisione|aggiornamento|versione)\b.{0,80}$/i.exec(l.text)?.[0])
      .find(Boolean) ?? null;
  return {
    organization: { name: org.name, type: org.type, province: province?.trim() ?? null },
    organizationFound: org.found,
    title: title.slice(0, 300),
    titleFound: Boolean(titleLine),
    period,
    periodFound: found,
    revisionLabel: revisionLabel?.slice(0, 200) ?? null,
    nationalEdition: nationalEditionOf(fullText),
    rtd: rtdOf(fullText),
    units: unitsOf(lines),
    warnings,
  };
}

function organizationOf(head: Line[], fullText: string) {
  for (const l of head) {
    const m = ORG_LINE.exec(l.text.replace(/\s+/g, ' ').trim());
    if (!m || /\bprovincia\b/i.test(m[1] ?? '') || /[.;:]$/.test(l.text)) continue;
    const kind = (m[1] ?? '').toLowerCase();
    return { name: nameCase(l.text.replace(/\s+/g, ' ').trim()), type: typeOf(kind), found: true };
  }
  const counts = new Map<string, number>();
  for (const m of fullText.matchAll(ORG_INLINE)) {
    const name = `${m[1]} di ${(m[2] ?? '').replace(/\s+(?:e|di|del|della|in)$/, '')}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (best && best[1] >= 2) {
    return { name: best[0], type: typeOf(best[0].toLowerCase()), found: true };
  }
  return { name: 'Ente da indicare', type: 'comune' as const, found: false };
}

function typeOf(kind: string): DocumentInfo['organization']['type'] {
  if (kind.startsWith('unione')) return 'unione_di_comuni';
  if (kind.startsWith('comunit')) return 'comunita_montana';
  if (kind.includes('metropolitana')) return 'citta_metropolitana';
  if (kind.startsWith('provincia')) return 'provincia';
  return 'comune';
}

const SMALL = new Set(['di', 'del', 'della', 'dei', 'delle', 'de', 'in', 'e', 'sul', 'al', 'd']);

/** "COMUNE DI CASTIGLION FIORENTINO" → "Comune di Castiglion Fiorentino". */
export function nameCase(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean !== clean.toUpperCase()) return clean;
  return clean
    .toLowerCase()
    .split(' ')
    .map((w, k) => (k > 0 && SMALL.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/** The plan's years: from its title, else from how the text names its own plan, else assumed. */
function periodOf(title: string, text: string, warnings: string[]) {
  const fromTitle = RANGE.exec(title);
  if (fromTitle)
    return { period: span(fromTitle[1], fromTitle[2], warnings), found: 'title' as const };
  const own = mostFrequent([...text.matchAll(OWN_PLAN)].map((m) => `${m[1]}-${m[2]}`));
  const triennio = mostFrequent([...text.matchAll(TRIENNIO)].map((m) => `${m[1]}-${m[2]}`));
  const chosen = own ?? triennio;
  if (chosen) {
    const [a, b] = chosen.split('-');
    warnings.push(`Periodo del piano ricavato dal testo (${a}–${b}): verificarlo`);
    return { period: span(a, b, warnings), found: 'text' as const };
  }
  const years = [...text.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
  const start = years.length
    ? Math.max(...years.filter((y) => y <= new Date().getFullYear() + 1), 2000)
    : new Date().getFullYear();
  warnings.push(`Periodo del piano non trovato: ipotizzato ${start}–${start + 2}, da verificare`);
  return { period: { startYear: start, endYear: start + 2 }, found: 'assumed' as const };
}

/** A "triennale" plan spans three years: "2021-2022" is read as 2021–2023, with a warning. */
function span(a: string | undefined, b: string | undefined, warnings: string[]): PlanPeriod {
  const startYear = Number(a);
  let endYear = Number(b);
  if (endYear < startYear || endYear - startYear > 10) endYear = startYear + 2;
  if (endYear - startYear < 2) {
    warnings.push(
      `Il periodo ${startYear}–${endYear} è più breve di un triennio: esteso al ${startYear + 2}`,
    );
    endYear = startYear + 2;
  }
  return { startYear, endYear };
}

function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function nationalEditionOf(text: string): string | null {
  const edition = EDITION.exec(text);
  if (edition) {
    const base = `${edition[1]}-${edition[2]}`;
    return edition[3] ? `${base} (aggiornamento ${edition[3]})` : base;
  }
  return mostFrequent([...text.matchAll(NATIONAL)].map((m) => `${m[1]}-${m[2]}`));
}

const RTD_MENTION = /responsabile\s+(?:per\s+la|della)\s+transizione\s+(?:al|digitale)/gi;

/** The RTD's appointment: the first mention of the role with an act or a person near it. */
function rtdOf(text: string): DocumentInfo['rtd'] {
  for (const mention of text.matchAll(RTD_MENTION)) {
    const window = text.slice(Math.max(0, mention.index - 300), mention.index + 400);
    const found = rtdIn(window);
    if (found) return found;
  }
  return null;
}

function rtdIn(window: string): DocumentInfo['rtd'] {
  const act = RTD.exec(window);
  const person = PERSON.exec(window)?.[1] ?? null;
  if (!act && !person) return null;
  const organ = act ? [act[1], act[2]].filter(Boolean).join(' ') : null;
  return {
    person,
    organ: organ ? organ.charAt(0).toUpperCase() + organ.slice(1) : null,
    number: act?.[3] ?? null,
    date: act ? parseTiming(act[4] ?? '').due : null,
  };
}

function unitsOf(lines: Line[]): DocumentInfo['units'] {
  const units: DocumentInfo['units'] = [];
  const seen = new Set<string>();
  for (const l of lines) {
    if (l.toc || l.block.kind === 'row') continue;
    const m = UNIT_LINE.exec(l.text);
    if (!m) continue;
    const name = l.text.replace(/\s+/g, ' ').slice(0, 300);
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const word = (m[1] ?? '').toLowerCase();
    const kind = word.startsWith('area')
      ? 'area'
      : word.startsWith('servizio')
        ? 'servizio'
        : word.startsWith('u')
          ? 'uo'
          : 'settore';
    units.push({ name, kind });
  }
  return units.slice(0, 100);
}

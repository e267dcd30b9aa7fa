import type { Block, TextDocument } from '../text-model.js';

/**
 * The first pass every recognizer shares: each block annotated with what it looks like (a
 * labelled field such as "Tempi:", a heading, a table-of-contents entry...). Labels and heading
 * shapes are those of the genre, not of any one plan.
 */

export type LabelKind =
  | 'responsibles'
  | 'unit'
  | 'timing'
  | 'results'
  | 'indicators'
  | 'funding'
  | 'description'
  | 'action'
  | 'micro';

export interface Line {
  index: number;
  block: Block;
  text: string;
  label: { kind: LabelKind; value: string } | null;
  /** Heading level when the block is (or reads as) a heading; 9 for an unnumbered emphasis. */
  heading: number | null;
  /** A short line that can name an action (heading, emphasized line, all-caps line). */
  titleLike: boolean;
  /** An ALL CAPS line of several words: chapter headings of PDF text. */
  allCaps: boolean;
  toc: boolean;
  /** The line reaches (nearly) the text's usual width, so a wrap may have cut it (PDF text). */
  full: boolean;
}

const LABELS: Array<readonly [LabelKind, string]> = [
  [
    'responsibles',
    "responsabilit[àa]'?|responsabil[ei](?: dell[' ]\\s*(?:azione|attuazione|intervento))?|soggett[io](?: (?:coinvolt|responsabil|attuator)[ioe]+)?|referent[ei]|struttur[ae] responsabil[ei]|uffici?o? responsabil[ei]|owner|chi|attori(?: coinvolti)?|soggetti attuatori|attuatori|chi lo fa",
  ],
  [
    'unit',
    'settor[ei] (?:interessat|coinvolt|competent)[ioe]+|uffici?o? (?:interessat|coinvolt|competent)[ioe]+|aree? (?:interessat|coinvolt)[ae]|struttur[ae] (?:competent|coinvolt)[ei]+',
  ],
  [
    'timing',
    'tempi(?: di (?:attuazione|realizzazione|esecuzione))?|tempistic(?:a|he)(?: (?:di )?(?:intervento|attuazione|realizzazione))?|scadenz[ae]|termine|cronoprogramma|entro quando|quando|periodo(?: di (?:attuazione|realizzazione))?|data (?:prevista|di (?:completamento|realizzazione))',
  ],
  [
    'results',
    'risultat[io] attes[io]|obiettiv[io] attes[io]|output(?: attes[io])?|benefici attesi|prodott[io] attes[io]|risultat[io]',
  ],
  [
    'indicators',
    'indicator[ei](?: di (?:risultato|realizzazione|performance|impatto))?|kpi|target',
  ],
  [
    'funding',
    'risorse(?: finanziarie)?|cost[io](?: stimat[io])?|fonte di finanziamento|fonti di finanziamento|finanziamento|budget',
  ],
  [
    'description',
    "descrizione(?: dell['’ ]\\s*(?:azione|intervento|attivit[àa]))?|contenuto|dettaglio",
  ],
  [
    'micro',
    'micro[- ]?azion[ei](?: (?:connesse?|connessa|collegat[ae]))?|sotto[- ]?azion[ei]|attivit[àa] puntuali',
  ],
  ['action', 'azione|intervento|progetto|attivit[àa]'],
];

const LABEL_PATTERNS = LABELS.map(
  ([kind, words]) =>
    [kind, new RegExp(`^(?:${words})(?:\\s*\\([^)]{0,60}\\))?\\s*:\\s*(.*)$`, 'iu')] as const,
);

export function labelOf(text: string): Line['label'] {
  for (const [kind, pattern] of LABEL_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return { kind, value: (m[1] ?? '').trim() };
  }
  return null;
}

const NUMBERED_HEADING =
  /^(\d{1,2}(?:\.\d{1,2}){0,5})(?:\.|\s*[-–)])?\s+(?=[\p{Lu}"“«'‘])(?!\d)(.{2,200})$/u;

/** "2.1.2 Azioni pianificate" → level 3; "1- I servizi..." → 1. */
export function numberedHeadingLevel(text: string): number | null {
  const m = NUMBERED_HEADING.exec(text);
  if (!m) return null;
  const rest = m[2] ?? '';
  if (/[;,]$/.test(rest) || /^\p{Lu}\p{Ll}*\s+\d/u.test(rest)) return null;
  return (m[1] ?? '').split('.').length;
}

export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 8) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  const words = text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  return upper / letters.length >= 0.85 && words.length >= 2 && text.length <= 180;
}

const TOC_LEADER = /(?:\.{4,}|…{2,}|_{4,})\s*\d{1,3}\s*$/;
const TOC_TITLE = /^(?:sommario|indice(?: generale)?|table of contents)$/i;

export function annotate(doc: TextDocument): Line[] {
  const blocks = doc.blocks.flatMap(splitInnerLabel);
  const lines: Line[] = blocks.map((block, index) => annotateBlock(block, index));
  markToc(lines);
  markFull(lines);
  return lines;
}

const INNER_LABEL =
  /^(.*?\S)\s+((?:RESPONSABILIT[ÀA]'?|Responsabilit[àa]'?|SOGGETTI|Soggetti|TEMPI|Tempi|Risultati attesi|RISULTATI ATTESI|SETTORE INTERESSATO|Settore interessato)\s*:.*)$/u;

/**
 * "SETTORE INTERESSATO: TRASVERSALE RESPONSABILITÀ: …": two fields that a PDF put on one
 * line become two blocks.
 */
function splitInnerLabel(block: Block): Block[] {
  if (block.kind !== 'paragraph') return [block];
  const m = INNER_LABEL.exec(block.text);
  if (!m || !labelOf(m[2] ?? '')) return [block];
  return [
    { ...block, text: m[1] ?? '' },
    { ...block, text: m[2] ?? '' },
  ];
}

/** A two-cell row "Responsabilità | RTD": Word's key–value tables, read as a labelled line. */
function keyValueLabel(block: Block): Line['label'] {
  const cells = (block.cells ?? []).map((c) => c.trim()).filter(Boolean);
  if (cells.length !== 2 || (cells[0] ?? '').length > 40) return null;
  return labelOf(`${(cells[0] ?? '').replace(/:$/, '')}: ${cells[1]}`);
}

/**
 * "Tempi" or "Attori" alone on a bold line (or as a minor heading), the value in the next
 * paragraph: Word plans set field names apart by emphasis instead of a colon.
 */
function bareLabel(block: Block): Line['label'] {
  const bold = block.emphasis === true || (block.kind === 'heading' && (block.level ?? 1) >= 3);
  if (!bold || block.text.length > 40 || /[:.;]$/.test(block.text)) return null;
  const label = labelOf(`${block.text}:`);
  return label && label.kind !== 'action' && label.kind !== 'micro' ? label : null;
}

function annotateBlock(block: Block, index: number): Line {
  const text = block.text;
  const label =
    block.kind === 'blank'
      ? null
      : block.kind === 'row'
        ? keyValueLabel(block)
        : (labelOf(text) ?? bareLabel(block));
  const allCaps = block.kind !== 'row' && !label && isAllCaps(text);
  let heading: number | null = null;
  if (block.kind === 'heading') heading = block.level ?? 1;
  else if (block.kind === 'paragraph' && !label) heading = numberedHeadingLevel(text);
  const emphasized =
    (block.kind === 'paragraph' || block.kind === 'item') &&
    block.emphasis === true &&
    text.length <= 300;
  const titleLike =
    !label &&
    block.kind !== 'row' &&
    block.kind !== 'blank' &&
    !/:$/.test(text) &&
    (heading !== null || emphasized || (allCaps && text.length <= 160));
  return { index, block, text, label, heading, titleLike, allCaps, toc: false, full: true };
}

/** Lines shorter than most end where their author ended them: no wrap continues them. */
function markFull(lines: Line[]): void {
  const lengths = lines
    .filter((l) => l.block.kind === 'paragraph')
    .map((l) => l.block.text.length)
    .sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.8)] ?? 0;
  for (const l of lines) l.full = l.block.text.length >= width * 0.7;
}

/** Table-of-contents entries: dot leaders, or the page-numbered lines under "Sommario". */
function markToc(lines: Line[]): void {
  let inToc = false;
  let misses = 0;
  for (const line of lines) {
    const t = line.text;
    if (TOC_TITLE.test(t.replace(/[*#:]/g, '').trim())) {
      inToc = true;
      misses = 0;
      line.toc = true;
      continue;
    }
    const cells = line.block.cells ?? [];
    const endsWithPage =
      /\s\d{1,3}$/.test(t) || (cells.length >= 2 && /^\d{1,3}$/.test(cells.at(-1) ?? ''));
    if (TOC_LEADER.test(t) || cells.some((c) => TOC_LEADER.test(c))) {
      line.toc = true;
      continue;
    }
    if (!inToc) continue;
    if (line.block.kind === 'blank') continue;
    if (endsWithPage) {
      line.toc = true;
      misses = 0;
    } else if (++misses >= 2) inToc = false;
  }
}

/** Text without accents, lower case, only letters, digits and single spaces: for comparisons. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}

const STRUCTURAL =
  /^(?:\d+(?:\.\d+)*\s+)?(?:descrizione delle (?:azioni|attivita)(?: pianificate| previste)?|azioni (?:pianificate|previste|da realizzare|programmate)|le azioni|analisi dello stato dell ?'?arte|stato dell ?'?arte|premess[ae]|introduzione|conclusioni|sommario|indice|obiettivi|risultati attesi|indicatori|azioni|attivita)$/;

/** Headings that organize a plan ("Azioni pianificate") and never name an action. */
export function isStructural(text: string): boolean {
  return STRUCTURAL.test(fold(text));
}

/** The first sentence of a text, at most `max` characters (cut at a word). */
export function firstSentence(text: string, max = 300): string {
  const m = /^(.+?[.!?][»"”)]?)(?=\s+[\p{Lu}"“«(]|$)/u.exec(text);
  const sentence = (m?.[1] ?? text).trim();
  if (sentence.length <= max) return sentence.replace(/[.;:,]$/, '');
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)}…`;
}

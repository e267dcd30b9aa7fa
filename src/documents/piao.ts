/**
 * The plan inside the PIAO (Piano integrato di attività e organizzazione, DL 80/2021): the plan
 * document framed as the annex of subsection 2.1 "Valore pubblico", and the performance
 * objectives that come from it (PEG/PdO) as a document. Both are outlines like the plan
 * document, so the same renderers lay them out; the PIAO is an Italian instrument, so its frame
 * is in Italian.
 */
import type { PlanDocument } from '../domain/model/interchange.js';
import { formatFor } from './format.js';
import { LANG_TAGS, labelsFor } from './labels.js';
import { OutlineBuilder, slug, type DocumentOutline } from './outline.js';
import { performanceObjectives } from './performance-objectives.js';
import { buildPlanOutline, organizationDetails, type OutlineOptions } from './plan-outline.js';
import { targetText, timingText } from './plan-facts.js';

export const PIAO = {
  title: 'Piano integrato di attività e organizzazione',
  section: 'Sezione 2 – Valore pubblico, performance e anticorruzione',
  subsection: 'Sottosezione 2.1 – Valore pubblico',
  performance: 'Sottosezione 2.2 – Performance',
} as const;

/** The annex's name in the subsection: "Allegato A2" when the file says so, else "Allegato". */
const ANNEX = 'Allegato';

/**
 * The plan document as the PIAO's annex: a cover naming the PIAO, its section and subsection,
 * then a first chapter placing the plan in subsection 2.1 (organization, period, approval act),
 * then the plan document's own chapters, unchanged.
 */
export function buildPiaoOutline(
  doc: PlanDocument,
  options: Omit<OutlineOptions, 'lang'> = {},
): DocumentOutline {
  const plan = buildPlanOutline(doc, { ...options, lang: 'it' });
  const { organization: org } = doc;
  const f = formatFor('it');
  const L = labelsFor('it');
  const period = f.period(doc.plan.startYear, doc.plan.endYear);
  const piaoTitle = `${PIAO.title} ${period}`;
  const out = new OutlineBuilder();
  out.heading(1, PIAO.section, 'piao-sezione-2');
  out.heading(2, PIAO.subsection, 'piao-sottosezione-2-1');
  out.paragraph([
    { text: `${ANNEX} alla ${PIAO.subsection.toLowerCase()} del ${piaoTitle}: ` },
    { text: doc.plan.title, bold: true },
    { text: '.' },
  ]);
  out.fields([
    { label: 'Amministrazione', value: org.name },
    { label: 'Periodo', value: L.coverPeriod(period) },
    { label: 'Revisione', value: doc.plan.revisionLabel ?? '' },
    {
      label: 'Atto di approvazione',
      value: doc.plan.approval
        ? f.act(doc.plan.approval)
        : `non ancora approvato (${L.planStatus[doc.plan.status]})`,
    },
  ]);
  out.paragraph(
    'Il piano concorre al valore pubblico dell’ente; gli obiettivi di performance che ne derivano (azioni in scadenza nell’anno con indicatori e target, per settore) sono riportati nella sottosezione 2.2 – Performance.',
    'note',
  );
  return {
    ...plan,
    title: `${piaoTitle} – ${ANNEX}: ${doc.plan.title}`,
    subject: `${PIAO.section}, ${PIAO.subsection}: ${plan.subject}`,
    keywords: ['PIAO', 'valore pubblico', ...plan.keywords],
    cover: {
      ...plan.cover,
      frame: [piaoTitle, PIAO.section, PIAO.subsection, ANNEX],
    },
    blocks: [...out.blocks, ...plan.blocks],
  };
}

/**
 * The year's performance objectives as a document: for each unit, the actions of the plan due
 * in the year, each with its deadline, status and its indicators with that year's targets — the
 * PEG/PdO objectives the Nucleo di valutazione evaluates.
 */
export function buildObjectivesOutline(doc: PlanDocument, year: number): DocumentOutline {
  const { organization: org, plan } = doc;
  const f = formatFor('it');
  const L = labelsFor('it');
  const period = f.period(plan.startYear, plan.endYear);
  const rows = performanceObjectives(doc, year);
  const out = new OutlineBuilder();
  out.heading(1, `Obiettivi di performance ${year}`, 'obiettivi');
  out.paragraph(
    `Obiettivi assegnati ai settori per il ${year} dal piano “${plan.title}” (${period}): per ogni settore, le azioni in scadenza nell’anno, con gli indicatori e il target dell’anno, come obiettivi del PEG/Piano degli obiettivi (${PIAO.performance} del PIAO).`,
  );
  if (rows.length === 0) out.paragraph(`Nessuna azione del piano è in scadenza nel ${year}.`);
  const units = [...new Set(rows.map((r) => r.unit))];
  let n = 0;
  for (const unit of units) {
    out.heading(2, unit, slug(`settore-${unit}`));
    const mine = rows.filter((r) => r.unit === unit);
    for (const actionId of [...new Set(mine.map((r) => r.actionId))]) {
      const action = doc.actions.find((a) => a.id === actionId);
      if (!action) continue;
      n += 1;
      out.heading(3, `Obiettivo ${n} – ${action.code ? `${action.code} ` : ''}${action.title}`);
      out.fields([
        { label: 'Tempi', value: timingText(action.timing, 'it') },
        { label: 'Scadenza', value: action.timing?.due ? f.date(action.timing.due) : '' },
        { label: 'Stato', value: L.actionStatus[action.status] },
        { label: 'Risultati attesi', value: action.expectedResults.join('; ') },
      ]);
      const indicators = doc.indicators.filter((i) => i.actionId === action.id);
      if (indicators.length === 0) {
        out.paragraph(
          'Nessun indicatore: l’obiettivo si valuta sul completamento dell’azione.',
          'note',
        );
        continue;
      }
      out.table({
        caption: `Indicatori e target ${year} – ${action.title}`,
        columns: [
          { header: 'Indicatore', weight: 6 },
          { header: `Target ${year}`, weight: 4 },
        ],
        rowHeaders: true,
        rows: indicators.map((i) => {
          const target = i.targets.find((t) => t.year === year);
          return [i.name, target ? targetText(i, target, 'it') : '—'];
        }),
      });
    }
  }
  return {
    lang: LANG_TAGS.it,
    title: `Obiettivi di performance ${year}`,
    subject: `Obiettivi di performance ${year} dal piano ${plan.title}, ${org.name}`,
    author: org.name,
    keywords: ['PIAO', 'performance', 'PEG', 'obiettivi', org.name, String(year)],
    header: org.name,
    cover: {
      frame: [`${PIAO.title} ${period}`, PIAO.section, PIAO.performance],
      organization: org.name,
      organizationDetails: organizationDetails(doc, 'it'),
      title: `Obiettivi di performance ${year}`,
      period: `Dal piano “${plan.title}”, ${L.coverPeriod(period).toLowerCase()}`,
      details: [plan.approval ? L.planApprovedBy(f.act(plan.approval)) : null].filter(
        (d): d is string => !!d,
      ),
    },
    tocTitle: L.contents,
    blocks: out.blocks,
  };
}

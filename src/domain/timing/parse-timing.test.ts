import { describe, expect, it } from 'vitest';
import { parseTiming } from './parse-timing.js';
import type { Recurrence, TimingContext, TimingKind } from './timing.js';

interface Expectation {
  kind: TimingKind;
  start: string | null;
  due: string | null;
  years: number[];
  recurrence: Recurrence | null;
  resolved: boolean;
}

interface Row extends Expectation {
  behaviour: string;
  text: string;
  context?: TimingContext;
  /** A substring the note must contain; without it the timing must carry no note. */
  note?: string;
}

type Given = Partial<Expectation> & { kind: TimingKind; note?: string; context?: TimingContext };

/** A table row; unspecified fields default to "nothing known", so every row asserts all six. */
function row(behaviour: string, text: string, given: Given): Row {
  const defaults = { start: null, due: null, years: [], recurrence: null };
  return { behaviour, text, resolved: given.kind !== 'unresolved', ...defaults, ...given };
}

/** The six fields every row asserts, taken from a timing or from a row alike. */
function meaning(value: Expectation): Expectation {
  const { kind, start, due, years, recurrence, resolved } = value;
  return { kind, start, due, years, recurrence, resolved };
}

function check(row: Row): void {
  const timing = parseTiming(row.text, row.context);
  expect(meaning(timing)).toEqual(meaning(row));
  if (row.note === undefined) expect(timing.note).toBeUndefined();
  else expect(timing.note).toContain(row.note);
}

const PLAN_2025: TimingContext = { startYear: 2025, endYear: 2027 };
const PLAN_2022_TODAY: TimingContext = { startYear: 2022, endYear: 2024, today: '2023-06-01' };
const TODAY_2025: TimingContext = { ...PLAN_2025, today: '2025-02-01' };
const FUNDING = 'funding call';
const EXTERNAL = 'external timing';

describe('parseTiming: exact days', () => {
  it.each([
    row('a bare date is a deadline day', '28 febbraio 2021', {
      kind: 'date',
      due: '2021-02-28',
      years: [2021],
    }),
    row('tolerates a "Tempi:" label', 'Tempi: 30 ottobre 2021', {
      kind: 'date',
      due: '2021-10-30',
      years: [2021],
    }),
    row('tolerates a label without space', 'Tempi:28 febbraio 2021', {
      kind: 'date',
      due: '2021-02-28',
      years: [2021],
    }),
    row('reads numeric dates', '31/12/2021', { kind: 'date', due: '2021-12-31', years: [2021] }),
    row('reads numeric dates with one-digit parts', '1/2/2022', {
      kind: 'date',
      due: '2022-02-01',
      years: [2022],
    }),
    row('accepts 29 February in a leap year', '29 febbraio 2024', {
      kind: 'date',
      due: '2024-02-29',
      years: [2024],
    }),
    row('an approval act is a date already done', 'approvate con delibera n. 12 del 25/03/2025.', {
      kind: 'date',
      due: '2025-03-25',
      years: [2025],
      note: 'already done',
    }),
  ])('$behaviour: "$text"', check);
});

describe('parseTiming: deadlines ("entro")', () => {
  it.each([
    row('a full date', 'entro il 31 dicembre 2023', {
      kind: 'by',
      due: '2023-12-31',
      years: [2023],
    }),
    row('keeps working with a final stop', 'entro 31 dicembre 2021.', {
      kind: 'by',
      due: '2021-12-31',
      years: [2021],
    }),
    row('a date without article', 'Entro 14 gennaio 2020', {
      kind: 'by',
      due: '2020-01-14',
      years: [2020],
    }),
    row('another date without article', 'entro 28 febbraio 2021', {
      kind: 'by',
      due: '2021-02-28',
      years: [2021],
    }),
    row('a numeric date', 'Entro il 31/12/2021', { kind: 'by', due: '2021-12-31', years: [2021] }),
    row('a month means its last day', 'entro giugno 2026', {
      kind: 'by',
      due: '2026-06-30',
      years: [2026],
    }),
    row('"il mese di" with a capital month', 'entro il mese di Giugno 2026', {
      kind: 'by',
      due: '2026-06-30',
      years: [2026],
    }),
    row('"mese" without "di"', 'entro mese Giugno 2026', {
      kind: 'by',
      due: '2026-06-30',
      years: [2026],
    }),
    row('February of a common year', 'Entro Febbraio 2021', {
      kind: 'by',
      due: '2021-02-28',
      years: [2021],
    }),
    row('February of a leap year', 'entro febbraio 2024', {
      kind: 'by',
      due: '2024-02-29',
      years: [2024],
    }),
    row('"Dicembre del 2021"', 'Entro Dicembre del 2021', {
      kind: 'by',
      due: '2021-12-31',
      years: [2021],
    }),
    row('a year means 31 December', 'entro il 2023', {
      kind: 'by',
      due: '2023-12-31',
      years: [2023],
    }),
    row('"fine" of a year', 'Entro fine 2020', { kind: 'by', due: '2020-12-31', years: [2020] }),
    row('"la fine del" a year', 'entro la fine del 2025', {
      kind: 'by',
      due: '2025-12-31',
      years: [2025],
    }),
    row('"fino al" sets the same limit as "entro"', 'fino al 31 dicembre 2023', {
      kind: 'by',
      due: '2023-12-31',
      years: [2023],
    }),
    row('"entro e non oltre"', 'entro e non oltre il 30 giugno 2024', {
      kind: 'by',
      due: '2024-06-30',
      years: [2024],
    }),
    row('two years end with the second', 'entro il 2023/2024', {
      kind: 'by',
      due: '2024-12-31',
      years: [2023, 2024],
    }),
    row(
      'the last of several deadlines is due',
      'monitoraggio costante: alcune pratiche in digitale entro il 2023 e tutti gli uffici entro il 2024',
      { kind: 'by', due: '2024-12-31', years: [2023, 2024], note: 'several deadlines' },
    ),
    row(
      'continuing afterwards keeps the deadline, with a note',
      'entro il 31 dicembre 2023 e anche negli anni a seguire',
      {
        kind: 'by',
        due: '2023-12-31',
        years: [2023],
        note: 'following years',
      },
    ),
    row(
      'a conditional tail keeps the date, with a note',
      "entro il 2023 e comunque entro i tempi di adesione dell'ente alla piattaforma notifiche",
      { kind: 'by', due: '2023-12-31', years: [2023], note: EXTERNAL },
    ),
    row(
      'a funding-call tail keeps the date, with a note',
      'entro il 2026 (in coordinamento con il Bando 1.4.1), secondo i tempi di adeguamento del software',
      { kind: 'by', due: '2026-12-31', years: [2026], note: EXTERNAL },
    ),
    row(
      'a measure number is not a date',
      'entro il 2023/2024, come i progetti finanziati dalle Misure PNRR 1.4.3',
      { kind: 'by', due: '2024-12-31', years: [2023, 2024], note: EXTERNAL },
    ),
    row(
      '"nel 2023" inside a longer phrase is its deadline year',
      'secondo le scadenze parziali sopraindicate. Gli obiettivi vengono fissati nel 2023. Si rispettano i tempi di cui al Bando PNRR 1.4.1.',
      { kind: 'by', due: '2023-12-31', years: [2023], note: 'year named' },
    ),
  ])('$behaviour: "$text"', check);
});

describe('parseTiming: whole years and spans', () => {
  it.each([
    row('a bracketed year', '[2021]', {
      kind: 'year',
      start: '2021-01-01',
      due: '2021-12-31',
      years: [2021],
    }),
    row('"Anno"', 'Anno 2021', {
      kind: 'year',
      start: '2021-01-01',
      due: '2021-12-31',
      years: [2021],
    }),
    row('"nel corso del"', 'nel corso del 2025', {
      kind: 'year',
      start: '2025-01-01',
      due: '2025-12-31',
      years: [2025],
    }),
    row('a triennio with en-dash', '[triennio 2021 – 2023]', {
      kind: 'period',
      start: '2021-01-01',
      due: '2023-12-31',
      years: [2021, 2022, 2023],
    }),
    row('a triennio with em-dash', '[triennio 2021 — 2023]', {
      kind: 'period',
      start: '2021-01-01',
      due: '2023-12-31',
      years: [2021, 2022, 2023],
    }),
    row('a biennio with en-dash', '[biennio 2022 – 2023]', {
      kind: 'period',
      start: '2022-01-01',
      due: '2023-12-31',
      years: [2022, 2023],
    }),
    row('a biennio with hyphen', '[biennio 2022 - 2023]', {
      kind: 'period',
      start: '2022-01-01',
      due: '2023-12-31',
      years: [2022, 2023],
    }),
    row('a label that disagrees with its years is flagged', '[triennio 2021 – 2022]', {
      kind: 'period',
      start: '2021-01-01',
      due: '2022-12-31',
      years: [2021, 2022],
      note: 'does not match',
    }),
    row('"2023/2024" means both years', '2023/2024', {
      kind: 'period',
      start: '2023-01-01',
      due: '2024-12-31',
      years: [2023, 2024],
    }),
    row('a month on its own is that month', 'mese di Giugno 2026', {
      kind: 'period',
      start: '2026-06-01',
      due: '2026-06-30',
      years: [2026],
    }),
    row('"Da ... al ..." months', 'Da novembre 2020 al Dicembre 2023', {
      kind: 'period',
      start: '2020-11-01',
      due: '2023-12-31',
      years: [2020, 2021, 2022, 2023],
    }),
    row('"per tutto il triennio" uses the plan period', 'per tutto il triennio', {
      kind: 'period',
      start: '2025-01-01',
      due: '2027-12-31',
      years: [2025, 2026, 2027],
      context: PLAN_2025,
    }),
  ])('$behaviour: "$text"', check);
});

describe('parseTiming: immediate and open-ended', () => {
  it.each([
    row('"da subito" without a reference day has no date', 'da subito', {
      kind: 'immediate',
      resolved: false,
    }),
    row('"da subito" starts on the given day', 'da subito', {
      kind: 'immediate',
      start: '2025-02-01',
      years: [2025],
      context: TODAY_2025,
    }),
    row('"da subito per tutto" two years ends with them', 'da subito per tutto il 2025/2026', {
      kind: 'period',
      due: '2026-12-31',
      years: [2025, 2026],
    }),
    row('... and starts today when today is known', 'da subito per tutto il 2025/2026', {
      kind: 'period',
      start: '2025-02-01',
      due: '2026-12-31',
      years: [2025, 2026],
      context: TODAY_2025,
    }),
    row('"da subito e per tutto il triennio" spans the plan', 'da subito e per tutto il triennio', {
      kind: 'period',
      due: '2027-12-31',
      years: [2025, 2026, 2027],
      context: PLAN_2025,
    }),
    row('... and stays immediate without a plan period', 'da subito e per tutto il triennio', {
      kind: 'immediate',
      resolved: false,
      note: 'plan period is unknown',
    }),
    row(
      'an open end tied to an event is noted',
      'da subito e fino al passaggio al cloud esterno previsto dal Bando',
      {
        kind: 'immediate',
        resolved: false,
        note: 'open end',
      },
    ),
    row('"a partire dal" a year, alone', 'a partire dal 2023, negli anni a venire', {
      kind: 'from',
      start: '2023-01-01',
      years: [2023],
    }),
    row('"a partire dal" a year, to the plan end', 'a partire dal 2023, negli anni a venire', {
      kind: 'from',
      start: '2023-01-01',
      years: [2023, 2024],
      context: PLAN_2022_TODAY,
    }),
    row(
      '"da subito e negli anni a seguire" is open-ended from today',
      'da subito e negli anni a seguire',
      {
        kind: 'from',
        start: '2023-06-01',
        years: [2023, 2024],
        context: PLAN_2022_TODAY,
      },
    ),
  ])('$behaviour: "$text"', check);
});

describe('parseTiming: recurring', () => {
  const yearly = (month: number, day: number): Recurrence => ({ frequency: 'yearly', month, day });
  it.each([
    row('a yearly day', '30 ottobre di ogni anno', {
      kind: 'recurring',
      recurrence: yearly(10, 30),
    }),
    row('a yearly day over the plan years', '30 ottobre di ogni anno', {
      kind: 'recurring',
      recurrence: yearly(10, 30),
      years: [2025, 2026, 2027],
      context: PLAN_2025,
    }),
    row('a yearly deadline', 'entro il 30 novembre di ogni anno', {
      kind: 'recurring',
      recurrence: yearly(11, 30),
    }),
    row('another yearly deadline', 'entro il 31 marzo di ogni anno', {
      kind: 'recurring',
      recurrence: yearly(3, 31),
    }),
  ])('$behaviour: "$text"', check);
});

describe('parseTiming: never guesses', () => {
  it.each([
    row('a funding call names no date', 'nei tempi previsti dal Bando PNRR', {
      kind: 'unresolved',
      note: FUNDING,
    }),
    row('"entro" the call\'s times names no date', 'entro tempi previsti dal Bando', {
      kind: 'unresolved',
      note: FUNDING,
    }),
    row('respecting the call names no date', 'rispetto dei tempi del Bando', {
      kind: 'unresolved',
      note: FUNDING,
    }),
    row(
      'a condition on a platform names no date',
      'connesso alla completa attivazione della piattaforma delle notifiche digitali',
      {
        kind: 'unresolved',
        note: 'external event',
      },
    ),
    row(
      'deadlines stated elsewhere are not copied',
      'si rispettano le scadenze periodiche sopraindicate',
      {
        kind: 'unresolved',
        note: 'elsewhere',
      },
    ),
    row('31 February is not a day', 'entro il 31 febbraio 2021', {
      kind: 'unresolved',
      note: 'does not exist',
    }),
    row('29 February of a common year is not a day', '29 febbraio 2023', {
      kind: 'unresolved',
      note: 'does not exist',
    }),
    row('a numeric 30 February is not a day', '30/02/2023', {
      kind: 'unresolved',
      note: 'does not exist',
    }),
    row('a yearly 31 February is not a day', '31 febbraio di ogni anno', {
      kind: 'unresolved',
      note: 'does not exist',
    }),
    row('a span ending before it starts', 'dal 2024 al 2022', {
      kind: 'unresolved',
      note: 'ends before it starts',
    }),
    row('a broken year pair is not read as its first year', '2019/2921', {
      kind: 'unresolved',
      note: 'no date',
    }),
    row('a day without a year is not dated', 'entro il 31 ottobre c.a.', {
      kind: 'unresolved',
      note: 'no date',
    }),
    row('empty words', '   ', { kind: 'unresolved', note: 'no words' }),
  ])('$behaviour: "$text"', check);
});

describe('parseTiming: keeps the plan words', () => {
  it.each([
    ['trims surrounding space', '  entro il 2023  ', 'entro il 2023'],
    ['keeps a final stop', 'entro il 31 dicembre 2023.', 'entro il 31 dicembre 2023.'],
    ['removes italic around the phrase', '*entro il 2023*', 'entro il 2023'],
    ['removes bold around the phrase', '**da subito**', 'da subito'],
    ['removes underscores around the phrase', '_Anno 2021_', 'Anno 2021'],
    ['keeps emphasis inside the phrase', '**Tempi:** entro il 2023', '**Tempi:** entro il 2023'],
    ['keeps two separate emphases', '*entro* il *2023*', '*entro* il *2023*'],
  ])('%s', (_behaviour, input, text) => {
    expect(parseTiming(input).text).toBe(text);
  });

  it('reads the meaning under emphasis and labels', () => {
    expect(parseTiming('**Tempi:** entro il 2023').due).toBe('2023-12-31');
  });

  it('ignores a malformed context instead of trusting it', () => {
    const timing = parseTiming('da subito', {
      today: '2025-02-30',
      startYear: 2027,
      endYear: 2025,
    });
    expect(timing).toMatchObject({ kind: 'immediate', start: null, years: [], resolved: false });
  });
});

describe('parseTiming: spans of months, standing actions, implausible years', () => {
  it('reads "gennaio 2020 - dicembre 2023" as due at the end of the last month', () => {
    expect(parseTiming('gennaio 2020 - dicembre 2023')).toMatchObject({
      kind: 'period',
      start: '2020-01-01',
      due: '2023-12-31',
      years: [2020, 2021, 2022, 2023],
      resolved: true,
    });
  });

  it('gives a first month without a year the year of the second', () => {
    expect(parseTiming('gennaio - dicembre 2020')).toMatchObject({
      start: '2020-01-01',
      due: '2020-12-31',
    });
    expect(parseTiming('giugno 2021 – dicembre 2021').due).toBe('2021-12-31');
  });

  it('says a standing action has no deadline instead of guessing one', () => {
    const timing = parseTiming('Azione continua');
    expect(timing).toMatchObject({ kind: 'unresolved', due: null, resolved: false });
    expect(timing.note).toContain('standing action');
  });

  it('flags an impossible year as written and never corrects it', () => {
    const timing = parseTiming('Entro fine 2121');
    expect(timing).toMatchObject({ kind: 'unresolved', due: null, text: 'Entro fine 2121' });
    expect(timing.note).toContain('implausible year');
    expect(timing.note).toContain('2121');
  });
});

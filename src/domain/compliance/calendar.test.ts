import { describe, expect, it } from 'vitest';
import type { Obligation } from '../catalog/model.js';
import { parseTiming } from '../timing/parse-timing.js';
import type { TimingJson } from '../model/timing.js';
import { expandCalendar, obligationsFor, occurrences, type CalendarPlan } from './calendar.js';
import { yearlyDate } from './dates.js';

const obligation = (id: string, month: number, day: number, appliesTo = ['comune']) =>
  ({
    id,
    title: `Obbligo ${id}`,
    description: 'Descrizione.',
    rule: { frequency: 'yearly', month, day },
    legalReference: 'Legge di prova',
    basis: 'law',
    appliesTo,
    lines: [],
  }) as Obligation;

const timing = (text: string) =>
  parseTiming(text, { startYear: 2025, endYear: 2027 }) as TimingJson;

function plan(actions: Partial<CalendarPlan['actions'][number]>[]): CalendarPlan {
  return {
    id: 'p1',
    title: 'Piano di prova',
    startYear: 2025,
    endYear: 2027,
    actions: actions.map((a, i) => ({
      id: `a${i + 1}`,
      code: null,
      title: `Azione ${i + 1}`,
      status: 'planned',
      timing: null,
      catalogRefs: [],
      microActions: [],
      ...a,
    })),
  };
}

const window = { from: '2025-01-01', to: '2027-12-31', today: '2026-05-15' };

describe('yearly rules', () => {
  it('repeat once a year across year boundaries, inside the window only', () => {
    expect(occurrences({ month: 3, day: 31 }, '2025-04-01', '2027-03-31')).toEqual([
      '2026-03-31',
      '2027-03-31',
    ]);
    expect(occurrences({ month: 12, day: 31 }, '2025-12-31', '2026-12-30')).toEqual(['2025-12-31']);
  });

  it('put 29 February on the 28th in common years and keep it in leap years', () => {
    expect(yearlyDate(2027, { month: 2, day: 29 })).toBe('2027-02-28');
    expect(yearlyDate(2028, { month: 2, day: 29 })).toBe('2028-02-29');
    expect(occurrences({ month: 2, day: 29 }, '2027-01-01', '2029-12-31')).toEqual([
      '2027-02-28',
      '2028-02-29',
      '2029-02-28',
    ]);
  });
});

describe('expandCalendar', () => {
  it('lists every yearly obligation once per year of the window, with a stable uid', () => {
    const items = expandCalendar([], [obligation('piao', 1, 31)], window);
    expect(items.map((i) => [i.date, i.uid, i.status])).toEqual([
      ['2025-01-31', 'obbligo-piao-2025', 'past'],
      ['2026-01-31', 'obbligo-piao-2026', 'past'],
      ['2027-01-31', 'obbligo-piao-2027', 'upcoming'],
    ]);
  });

  it('marks open past deadlines overdue, completed ones done, future ones upcoming', () => {
    const items = expandCalendar(
      [
        plan([
          { timing: timing('entro il 31 marzo 2026') },
          { timing: timing('entro il 31 marzo 2026'), status: 'completed' },
          { timing: timing('entro giugno 2026') },
          { timing: timing('nei tempi previsti dal bando PNRR') },
          { timing: timing('entro il 31 marzo 2026'), status: 'cancelled' },
        ]),
      ],
      [],
      window,
    );
    expect(items.map((i) => [i.actionId, i.date, i.status])).toEqual([
      ['a1', '2026-03-31', 'overdue'],
      ['a2', '2026-03-31', 'done'],
      ['a3', '2026-06-30', 'upcoming'],
    ]);
  });

  it('repeats a recurring action only over its plan’s years, 29 February included', () => {
    const items = expandCalendar(
      [plan([{ timing: timing('entro il 29 febbraio di ogni anno') }])],
      [],
      { from: '2024-01-01', to: '2030-12-31', today: '2026-01-01' },
    );
    expect(items.map((i) => [i.date, i.status, i.recurring])).toEqual([
      ['2025-02-28', 'past', true],
      ['2026-02-28', 'upcoming', true],
      ['2027-02-28', 'upcoming', true],
    ]);
  });

  it('includes micro-actions under their action’s code and title', () => {
    const [micro] = expandCalendar(
      [
        plan([
          {
            code: '1.2',
            title: 'Pagamenti',
            microActions: [
              {
                id: 'm1',
                title: 'Censimento',
                status: 'planned',
                timing: timing('entro aprile 2026'),
              },
            ],
          },
        ]),
      ],
      [],
      window,
    );
    expect(micro).toMatchObject({
      kind: 'micro_action',
      title: '1.2 Pagamenti: Censimento',
      date: '2026-04-30',
      actionId: 'a1',
      status: 'overdue',
    });
  });

  it('sorts actions and obligations together by date', () => {
    const items = expandCalendar(
      [plan([{ timing: timing('entro il 15 marzo 2026') }])],
      [obligation('accessibilita', 3, 31)],
      { from: '2026-01-01', to: '2026-12-31', today: '2026-01-01' },
    );
    expect(items.map((i) => i.date)).toEqual(['2026-03-15', '2026-03-31']);
  });
});

describe('obligationsFor', () => {
  it('keeps the obligations that concern the organization type', () => {
    const list = [obligation('a', 1, 1, ['comune']), obligation('b', 1, 1, ['regione'])];
    expect(obligationsFor(list, 'comune').map((o) => o.id)).toEqual(['a']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, monthName } from './italian-months.js';
import { parseTiming } from './parse-timing.js';
import type { Timing, TimingContext } from './timing.js';

/** Checked independently of the parser's own calendar code, through Date. */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && date.toISOString().startsWith(value);
}

const iso = (y: number, m: number, d: number): string =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The last day of a month by Date's own rules (day 0 of the next month), not the parser's. */
const lastDay = (y: number, m: number): string =>
  iso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());

const year = fc.integer({ min: 1990, max: 2100 });
const month = fc.integer({ min: 1, max: 12 });

/** A real (year, month, day), leap years included. */
const calendarDay = fc
  .tuple(year, month)
  .chain(([y, m]) =>
    fc.tuple(fc.constant(y), fc.constant(m), fc.integer({ min: 1, max: daysInMonth(y, m) })),
  );

/** A month name in the case plans use: lower, capitalized or upper. */
const spelledMonth = (m: number): fc.Arbitrary<string> =>
  fc.constantFrom(
    monthName(m),
    monthName(m).charAt(0).toUpperCase() + monthName(m).slice(1),
    monthName(m).toUpperCase(),
  );

/** Words plans use about time, shuffled into phrases so the parser's rules are actually hit. */
const TOKENS = [
  'entro',
  'il',
  'la',
  'fine',
  'del',
  'mese',
  'di',
  'da',
  'dal',
  'al',
  'a',
  'partire',
  'subito',
  'e',
  'per',
  'tutto',
  'triennio',
  'biennio',
  'negli',
  'anni',
  'seguire',
  'venire',
  'ogni',
  'anno',
  'nel',
  'corso',
  'Bando',
  'PNRR',
  'approvate',
  'delibera',
  'fino',
  '[',
  ']',
  '–',
  '-',
  '/',
  '.',
  ',',
  '*',
  '_',
  'Tempi:',
  '0',
  '1',
  '14',
  '29',
  '30',
  '31',
  '12',
  '02',
  '1989',
  '1990',
  '2020',
  '2023',
  '2024',
  '2100',
  '2101',
  'febbraio',
  'Giugno',
  'dicembre',
  'ottobre',
  'novembre',
];
const phrase = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 12 })
  .chain((words) => fc.constantFrom(words.join(' '), words.join('')));

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), phrase);

const context: fc.Arbitrary<TimingContext | undefined> = fc.option(
  fc.record(
    {
      startYear: fc.integer({ min: 1980, max: 2110 }),
      endYear: fc.integer({ min: 1980, max: 2110 }),
      today: fc.oneof(
        calendarDay.map(([y, m, d]) => iso(y, m, d)),
        fc.string(),
      ),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

function forAnyTiming(check: (timing: Timing, text: string) => void): void {
  fc.assert(
    fc.property(anyText, context, (text, ctx) => {
      check(parseTiming(text, ctx), text);
    }),
    { numRuns: 500 },
  );
}

describe('parseTiming invariants for any text', () => {
  it('never throws', () => {
    forAnyTiming(() => undefined);
  });

  it('keeps the trimmed words when there is no emphasis to strip', () => {
    forAnyTiming((timing, text) => {
      if (!/[*_]/.test(text)) expect(timing.text).toBe(text.trim());
    });
  });

  it('keeps a substring of the words, never new ones', () => {
    forAnyTiming((timing, text) => expect(text).toContain(timing.text));
  });

  it('lists years ascending, unique and within the accepted range', () => {
    forAnyTiming(({ years }) => {
      years.forEach((y, i) => expect(i === 0 || y > (years[i - 1] ?? 0)).toBe(true));
      years.forEach((y) => expect(y >= 1990 && y <= 2100).toBe(true));
      expect(years.length).toBeLessThanOrEqual(100);
    });
  });

  it('writes only real ISO calendar dates', () => {
    forAnyTiming(({ start, due }) => {
      for (const date of [start, due]) if (date !== null) expect(isCalendarDate(date)).toBe(true);
    });
  });

  it('never starts after it is due', () => {
    forAnyTiming(({ start, due }) => {
      if (start !== null && due !== null) expect(start <= due).toBe(true);
    });
  });

  it('lists the years of its start and due dates', () => {
    forAnyTiming(({ start, due, years }) => {
      for (const date of [start, due])
        if (date !== null) expect(years).toContain(Number(date.slice(0, 4)));
    });
  });

  it('has no dates when unresolved', () => {
    forAnyTiming((timing) => {
      if (timing.kind !== 'unresolved') return;
      expect(timing).toMatchObject({ start: null, due: null, recurrence: null, resolved: false });
    });
  });

  it('has a real day of its month when recurring', () => {
    forAnyTiming(({ kind, recurrence }) => {
      if (kind !== 'recurring') {
        expect(recurrence).toBeNull();
        return;
      }
      expect(recurrence).not.toBeNull();
      const { month, day } = recurrence ?? { month: 0, day: 0 };
      // 2000 is a leap year: 29 February is a valid yearly day.
      expect(day >= 1 && day <= daysInMonth(2000, month)).toBe(true);
    });
  });

  it('is resolved exactly when it carries a date or a recurrence', () => {
    forAnyTiming(({ kind, start, due, recurrence, resolved }) => {
      const dated = start !== null || due !== null || recurrence !== null;
      expect(resolved).toBe(kind !== 'unresolved' && dated);
    });
  });
});

describe('parseTiming on generated dates', () => {
  it('reads "entro il D <mese> YYYY" as that very day', () => {
    const input = calendarDay.chain(([y, m, d]) =>
      spelledMonth(m).map((name) => ({ text: `entro il ${d} ${name} ${y}`, due: iso(y, m, d) })),
    );
    fc.assert(
      fc.property(input, ({ text, due }) => {
        expect(parseTiming(text)).toMatchObject({ kind: 'by', due, resolved: true });
      }),
    );
  });

  it('reads "entro <mese> YYYY" as the last day of that month, leap years included', () => {
    const input = fc
      .tuple(year, month)
      .chain(([y, m]) =>
        spelledMonth(m).map((name) => ({ text: `entro ${name} ${y}`, due: lastDay(y, m) })),
      );
    fc.assert(
      fc.property(input, ({ text, due }) => {
        expect(parseTiming(text)).toMatchObject({ kind: 'by', due });
      }),
    );
  });

  it('reads "DD/MM/YYYY" as that day', () => {
    fc.assert(
      fc.property(calendarDay, ([y, m, d]) => {
        expect(parseTiming(`${d}/${m}/${y}`)).toMatchObject({ kind: 'date', due: iso(y, m, d) });
      }),
    );
  });

  it('refuses a day past the end of its month', () => {
    const shortMonth = fc.tuple(year, month).filter(([y, m]) => daysInMonth(y, m) < 31);
    const input = shortMonth.chain(([y, m]) =>
      fc.tuple(fc.constant(y), fc.constant(m), fc.integer({ min: daysInMonth(y, m) + 1, max: 31 })),
    );
    fc.assert(
      fc.property(input, ([y, m, d]) => {
        const timing = parseTiming(`entro il ${d} ${monthName(m)} ${y}`);
        expect(timing).toMatchObject({ kind: 'unresolved', due: null });
        expect(timing.note).toBeDefined();
      }),
    );
  });

  it('reads "[triennio A – B]" as every year from A to B', () => {
    const input = fc.tuple(year, fc.integer({ min: 0, max: 5 })).filter(([a, n]) => a + n <= 2100);
    fc.assert(
      fc.property(input, ([a, n]) => {
        const timing = parseTiming(`[${a} – ${a + n}]`);
        expect(timing.years).toEqual(Array.from({ length: n + 1 }, (_, i) => a + i));
        expect(timing).toMatchObject({ start: iso(a, 1, 1), due: iso(a + n, 12, 31) });
      }),
    );
  });

  it('strips emphasis wrapping a whole phrase', () => {
    const plain = phrase.map((p) => p.replace(/[*_]/g, '').trim()).filter((p) => p !== '');
    fc.assert(
      fc.property(plain, fc.constantFrom('*', '**', '_'), (p, marker) => {
        expect(parseTiming(`${marker}${p}${marker}`).text).toBe(p);
      }),
    );
  });
});

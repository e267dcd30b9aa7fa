import { describe, expect, it } from 'vitest';
import {
  performanceObjectives,
  performanceObjectivesCsv,
} from '../../src/documents/performance-objectives.js';
import { demoPlan } from './support.js';

describe('performance objectives per unit (PEG/PdO) from the demo plan', () => {
  const doc = demoPlan();

  it('lists for 2025 each owning unit of a1.1 with its indicators and 2025 targets', () => {
    const rows = performanceObjectives(doc, 2025).filter((r) => r.actionId === 'a1.1');
    const indicators = doc.indicators.filter((i) => i.actionId === 'a1.1');
    expect(rows).toHaveLength(2 * indicators.length);
    expect(new Set(rows.map((r) => r.unitId))).toEqual(new Set(['sist-inf', 'tecnico']));
    for (const row of rows) {
      const indicator = indicators.find((i) => i.name === row.indicator);
      expect(row.target).toBe(indicator?.targets.find((t) => t.year === 2025)?.value ?? null);
      expect(row.due).toBe('2025-12-31');
    }
  });

  it('leaves out actions not due in the year', () => {
    expect(performanceObjectives(doc, 2026).some((r) => r.actionId === 'a1.1')).toBe(false);
    expect(performanceObjectives(doc, 2026).some((r) => r.actionId === 'a1.3')).toBe(true);
  });

  it('writes an RFC 4180 CSV with a header and CRLF line ends', () => {
    const csv = performanceObjectivesCsv(doc, 2025);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('unitId,unit,actionId,action,due,status,indicator,target,targetText');
    expect(lines.length - 2).toBe(performanceObjectives(doc, 2025).length);
  });
});

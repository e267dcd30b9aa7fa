import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { analyzeCompliance } from '../../src/domain/compliance/analyze.js';
import { proposeStarter } from '../../src/domain/compliance/starter.js';
import type { PlanDocument } from '../../src/domain/model/interchange.js';
import { parsePlanDocument } from '../../src/catalog/parse-plan-document.js';
import { planDocument } from '../support/factories.js';

const catalog = loadCatalog();
const TODAY = '2025-03-01';

function plan(change: (doc: ReturnType<typeof planDocument>) => void = () => {}): PlanDocument {
  const doc = planDocument();
  change(doc);
  return parsePlanDocument(doc);
}

const proposals = (doc: PlanDocument) => proposeStarter(catalog, doc, TODAY);
const byId = (doc: PlanDocument, id: string) => proposals(doc).find((p) => p.id === id);

describe('starter proposals', () => {
  it('propose only lines that concern the organization and are not covered yet', () => {
    const refs = proposals(plan()).flatMap((p) => p.catalogRefs);
    expect(refs).toContain('CAP3.PA.17');
    expect(refs).not.toContain('CAP1.PA.01'); // optional, and already covered
    expect(refs).not.toContain('CAP3.PA.05'); // central administrations only
    expect(refs).not.toContain('CAP5.PA.10'); // comuni of 5,000–10,000 inhabitants
    const bigger = plan((d) => Object.assign(d.organization, { population: 7000 }));
    expect(proposals(bigger).flatMap((p) => p.catalogRefs)).toContain('CAP5.PA.10');
  });

  it('group a yearly duty into one action with a recurring timing', () => {
    const series = byId(plan(), 'series:obiettivi-accessibilita');
    expect(series).toMatchObject({
      catalogRefs: ['CAP3.PA.09', 'CAP3.PA.13', 'CAP3.PA.15'],
      timing: 'entro il 31 marzo di ogni anno',
      urgency: 'overdue',
    });
  });

  it('propose adopting platforms not adopted yet, taking their lines along', () => {
    const doc = plan((d) => {
      d.platforms.push({ id: 'pl2', platform: 'SEND', status: 'planned' } as never);
      d.platforms.push({ id: 'pl3', platform: 'SPID', status: 'adopted' } as never);
      d.platforms.push({ id: 'pl4', platform: 'CIE', status: 'adopted' } as never);
    });
    const send = byId(doc, 'platform:SEND');
    expect(send).toMatchObject({ catalogRefs: ['CAP4.PA.03'], timing: 'entro dicembre 2026' });
    expect(send?.pnrrMeasures).toContain('1.4.5');
    expect(byId(doc, 'platform:SPID')).toBeUndefined();
    expect(byId(doc, 'platform:pagoPA')).toBeUndefined();
    expect(byId(doc, 'line:CAP4.PA.04')).toBeDefined();
  });

  it('leave no required line uncovered once all are accepted', () => {
    const doc = plan();
    const accepted = proposals(doc).map((p, i) => ({
      id: p.actionId,
      priorityId: 'p1',
      code: null,
      title: p.title,
      description: null,
      responsibles: [],
      ownerUnitIds: [],
      status: 'planned' as const,
      timing: null,
      expectedResults: [],
      progress: 0,
      catalogRefs: p.catalogRefs,
      pnrrMeasures: p.pnrrMeasures,
      microActions: [],
      position: i,
    }));
    const after = { ...doc, actions: [...doc.actions, ...accepted] };
    const report = analyzeCompliance(catalog, after, TODAY);
    expect(
      report.findings.filter((f) => f.kind === 'uncovered_line' && f.severity === 'blocking'),
    ).toEqual([]);
    expect(proposals(after).filter((p) => p.kind !== 'platform')).toEqual([]);
  });

  it('put overdue proposals first and give every one a readable timing', () => {
    const list = proposals(plan());
    const urgencies = list.map((p) => p.urgency);
    expect(urgencies.indexOf('overdue')).toBe(0);
    expect(urgencies.lastIndexOf('overdue')).toBeLessThan(urgencies.indexOf('ongoing'));
    for (const p of list) expect(p.timing).toMatch(/^(entro|dal|nel corso del) /);
  });
});

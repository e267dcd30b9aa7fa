import { describe, expect, it } from 'vitest';
import { buildReportOutline } from '../../src/documents/monitoring-report.js';
import { buildPlanOutline } from '../../src/documents/plan-outline.js';
import { renderHtml } from '../../src/documents/render-html.js';
import { actionTitles, demoPlan, smallPlan } from './support.js';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('the plan as standalone HTML', () => {
  const doc = demoPlan();
  const html = renderHtml(buildPlanOutline(doc));

  it('is an Italian page with one h1 and the chapters as h2 with anchors', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="it">/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain(`<h1>${escapeHtml(doc.plan.title)}</h1>`);
    expect(html).toContain('<h2 id="spesa">3. La spesa per la transizione al digitale</h2>');
    expect(html).toContain('<nav class="toc" aria-labelledby="toc-title">');
    expect(html).toContain('<a href="#spesa">3. La spesa per la transizione al digitale</a>');
  });

  it('contains every action title as a heading', () => {
    for (const a of doc.actions) {
      expect(html).toContain(`<h5 id="azione-${a.id}">`);
    }
    for (const title of actionTitles(doc)) expect(html).toContain(escapeHtml(title));
  });

  it('has accessible tables: captions, column and row headers, totals in tfoot', () => {
    expect(html).toContain(
      '<caption id="voci-di-spesa-caption">Tabella 3 – Voci di spesa</caption>',
    );
    expect(html).toContain('<th scope="col" class="right">Importo</th>');
    expect(html).toMatch(/<th scope="row">Responsabile per la transizione al digitale<\/th>/);
    expect(html).toMatch(
      /<tfoot><tr><th scope="row"><strong>Totale<\/strong><\/th>.*€ 650\.037,50/,
    );
  });

  it('draws the charts as inline SVG with a title screen readers announce', () => {
    const svgs = html.match(/<svg [^>]*role="img"[^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(3);
    expect(html).toMatch(
      /<svg [^>]*aria-labelledby="grafico-spesa-title"[^>]*><title id="grafico-spesa-title">Spesa per provenienza dei fondi: PNRR € 395\.767,00/,
    );
    expect(html).toContain(
      '<figcaption>Figura 1 – La spesa per provenienza dei fondi</figcaption>',
    );
  });

  it('needs nothing from outside: no scripts, stylesheets, images or fonts to load', () => {
    expect(html).not.toMatch(/<script|<link |<img |@import|url\((?!data:)/i);
    expect(html).toMatch(
      /@font-face\{font-family:'Titillium Web';[^}]*src:url\(data:font\/ttf;base64,/,
    );
  });
});

describe('other documents as HTML', () => {
  it('escapes what the plan writes', () => {
    const html = renderHtml(buildPlanOutline(smallPlan()));
    expect(html).toContain('Subentro in ANPR, &quot;stato civile&quot; e &lt;liste elettorali&gt;');
    expect(html).not.toContain('<liste elettorali>');
    expect(html).toContain('Comune di Sant’Agata &amp; Uniti');
  });

  it('writes the monitoring report with the overdue actions of the date', () => {
    const html = renderHtml(buildReportOutline(demoPlan(), { date: '2026-07-01' }));
    expect(html).toContain(
      '<h1>Stato di attuazione del piano triennale per l’informatica 2025–2027</h1>',
    );
    expect(html).toContain('Situazione al 1 luglio 2026');
    expect(html).toMatch(
      /<th scope="row">1\.3 Nuovi servizi del Comune su App IO<\/th><td>RTD, Responsabili di Settore<\/td><td class="center">30\/06\/2026<\/td><td class="right">1<\/td>/,
    );
  });
});

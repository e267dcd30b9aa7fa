/**
 * What changes in a revision from the one it was started from: the same sentences as the plan
 * document's chapter, and spending by funding source before and after.
 */
import { labelsFor } from '../../documents/labels.js';
import { revisionChangeLines } from '../../documents/plan-facts.js';
import type { PlanRevisionsDiff } from '../../operations/diff-plan-revisions.js';
import { Table } from './dashboard-page.js';
import { PlanSubPage, type Desk } from './ui.js';

export interface ChangesView {
  planId: string;
  title: string;
  /** The diff from the previous revision, or null when the plan was not started from one. */
  diff: PlanRevisionsDiff | null;
}

export function ChangesPage({ desk, view }: { desk: Desk; view: ChangesView }) {
  const { ctx } = desk;
  const t = ctx.t;
  const L = labelsFor(ctx.lang);
  const { diff } = view;
  const lines = diff ? revisionChangeLines(diff, ctx.lang) : [];
  const previous = diff
    ? (diff.before.revisionLabel ?? ctx.f.period(diff.before.startYear, diff.before.endYear))
    : '';
  return (
    <PlanSubPage
      desk={desk}
      title={L.changes}
      plan={{ id: view.planId, title: view.title }}
      section={L.changes}
    >
      {!diff ? (
        <p>{t.boNoPreviousRevision}</p>
      ) : diff.empty ? (
        <p>{L.changesNone}</p>
      ) : (
        <>
          <p>{L.changesIntro(previous)}</p>
          {lines.length > 0 ? (
            <ul>
              {lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ) : null}
          {diff.spendingBySource.length > 0 ? (
            <Table caption={L.spendingChangesCaption}>
              <thead>
                <tr>
                  <th scope="col">{L.fundingSource}</th>
                  <th scope="col">{L.before}</th>
                  <th scope="col">{L.after}</th>
                </tr>
              </thead>
              <tbody>
                {diff.spendingBySource.map((s) => (
                  <tr key={s.fundingSource}>
                    <th scope="row">{s.fundingSource}</th>
                    <td>{ctx.f.euro(s.before)}</td>
                    <td>{ctx.f.euro(s.after)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
        </>
      )}
    </PlanSubPage>
  );
}

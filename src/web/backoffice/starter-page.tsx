/**
 * The starter page: the actions piano proposes from the plan's gaps against the national plan,
 * grouped by urgency, each with a checkbox; the chosen ones are added in one post.
 */
import type { StarterProposal } from '../../domain/compliance/model.js';
import { href } from '../page-context.js';
import { planEditPath } from './paths.js';
import { PlanSubPage, Csrf, ErrorSummary, type Desk, type FieldErrors } from './ui.js';

export const starterPath = (planId: string) => `${planEditPath(planId)}/avvio`;
/** Each checkbox has its own name (forms keep one value per name): `scegli-N`. */
export const CHOICE_PREFIX = 'scegli-';

export interface StarterView {
  planId: string;
  planTitle: string;
  proposals: StarterProposal[];
  chosen: ReadonlySet<string>;
}

const URGENCIES = ['overdue', 'due', 'ongoing'] as const;

export function StarterPage(props: { desk: Desk; view: StarterView; errors: FieldErrors }) {
  const { desk, view, errors } = props;
  const { ctx } = desk;
  const t = ctx.t;
  const title = t.stStarterOf(view.planTitle);
  return (
    <PlanSubPage
      desk={desk}
      title={title}
      plan={{ id: view.planId, title: view.planTitle }}
      section={t.stStarter}
    >
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t.stStarterIntro}</p>
      {view.proposals.length === 0 ? (
        <p>{t.stNoProposals}</p>
      ) : (
        <form method="post" action={href(ctx, starterPath(view.planId))} novalidate>
          <Csrf value={desk.account.csrf} />
          <div id="field-choices" tabIndex={-1}>
            {URGENCIES.map((urgency) => {
              const group = view.proposals
                .map((p, index) => ({ p, index }))
                .filter(({ p }) => p.urgency === urgency);
              if (group.length === 0) return null;
              return (
                <fieldset class="mb-4" key={urgency}>
                  <legend class="h4">{t.stUrgency[urgency]}</legend>
                  <ul class="piano-card-list">
                    {group.map(({ p, index }) => (
                      <li key={p.id}>
                        <div class="form-check">
                          <input
                            class="form-check-input"
                            type="checkbox"
                            id={`choice-${index}`}
                            name={`${CHOICE_PREFIX}${index}`}
                            value={p.id}
                            checked={view.chosen.has(p.id)}
                          />
                          <label class="form-check-label fw-semibold" for={`choice-${index}`}>
                            {p.title}
                          </label>
                        </div>
                        <p class="mb-1">{p.reason}</p>
                        <p class="mb-0 piano-hint">
                          {t.stTiming}: {p.timing}
                          {p.catalogRefs.length || p.pnrrMeasures.length
                            ? ` · ${t.stLines}: ${[...p.catalogRefs, ...p.pnrrMeasures].join(', ')}`
                            : ''}
                        </p>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              );
            })}
          </div>
          <button type="submit" class="btn btn-primary">
            {t.stAddChosen}
          </button>
        </form>
      )}
    </PlanSubPage>
  );
}

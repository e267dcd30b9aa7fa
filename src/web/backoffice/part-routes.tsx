/**
 * The generic part editor's routes: a plan's parts at /gestione/piani/:plan/parti/:kind[/:id],
 * the organization's units and roles at /gestione/ente/:kind[/:id]. They call the operations the
 * API calls (listParts, readPart, createPart, updatePart, deletePart), which check the role, the
 * editor's unit, the plan's lifecycle and the version read.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PianoError } from '../../domain/errors.js';
import { roleIn } from '../../domain/rules/permissions.js';
import { labelsFor } from '../../documents/labels.js';
import { createPart } from '../../operations/create-part.js';
import { deletePart } from '../../operations/delete-part.js';
import { listParts } from '../../operations/list-parts.js';
import type { EntityType } from '../../operations/part-tables.js';
import { readPart } from '../../operations/read-part.js';
import { readPlan } from '../../operations/read-plan.js';
import { updatePart } from '../../operations/update-part.js';
import { href } from '../page-context.js';
import { param, redirect, send, type RouteKit } from './http.js';
import {
  changesOf,
  errorsOfProblems,
  fieldsOf,
  formNames,
  itemTitle,
  kindOf,
  partFormOf,
  readForm,
  typedForm,
  valuesOf,
  type PartForm,
  type PartKind,
} from './part-kinds.js';
import { PartEditPage, PartListPage, type PartOptions, type PartPlace } from './part-pages.js';
import { partPath, partsPath } from './paths.js';
import { formOf } from './security.js';
import { MessagePage, type Desk, type FieldErrors } from './ui.js';

/** Plan statuses whose parts are frozen. */
const FROZEN = new Set(['approved', 'published', 'superseded']);
/** Parts a unit's editor adds to their own unit's actions and indicators. */
const UNIT_WORK = new Set<EntityType>(['micro_action', 'measurement']);

type Row = Awaited<ReturnType<typeof readPart>>;

interface Scene {
  place: PartPlace;
  address: {
    part: EntityType;
    planId?: string;
    organizationId?: string;
  };
  canEdit: boolean;
  canAdd: boolean;
}

export function registerPartRoutes(kit: RouteKit) {
  const { db, route, signedIn } = kit;

  /** The kind, where it lives and what the signed-in user may do there. */
  async function sceneOf(request: FastifyRequest, desk: Desk): Promise<Scene> {
    const { principal, ctx } = desk;
    const planParam = (request.params as Record<string, string>).plan;
    const kind = kindOf(param(request, 'kind'), planParam === undefined ? 'organization' : 'plan');
    if (!kind) throw new PianoError('not_found', 'Pagina non trovata');
    let organizationId: string;
    let plan: { id: string; title: string } | null = null;
    let readOnly: string | null = null;
    if (planParam !== undefined) {
      const p = await readPlan({ db, principal, planId: planParam });
      organizationId = p.organizationId;
      plan = { id: p.id, title: p.title };
      // Measurements are monitoring: recorded and corrected on an approved or published plan too.
      if (FROZEN.has(p.status) && kind.type !== 'measurement') {
        const L = labelsFor(ctx.lang);
        const status = L.planStatus[p.status as keyof typeof L.planStatus] ?? p.status;
        readOnly = ctx.t.paReadOnly(status.toLowerCase());
      }
    } else {
      if (!desk.organizationId) throw new PianoError('not_found', 'Ente non trovato');
      organizationId = desk.organizationId;
    }
    const role = roleIn(principal, organizationId);
    const writer = role === 'admin' || role === 'editor';
    if (!readOnly && !writer) readOnly = ctx.t.paNoRights;
    const address = {
      part: kind.type,
      ...(plan ? { planId: plan.id } : { organizationId }),
    };
    const options = await optionsOf(desk, kind, plan?.id ?? null, organizationId);
    return {
      place: { kind, plan, readOnly, options },
      address,
      canEdit: !readOnly,
      canAdd: !readOnly && (role === 'admin' || UNIT_WORK.has(kind.type)),
    };
  }

  /** The parts the kind's selects choose from, by title or name. */
  async function optionsOf(
    desk: Desk,
    kind: PartKind,
    planId: string | null,
    organizationId: string,
  ): Promise<PartOptions> {
    const wanted = new Set<EntityType>(kind.parent ? [kind.parent] : []);
    for (const spec of fieldsOf(kind)) if (spec.input.is === 'ref') wanted.add(spec.input.part);
    const options: PartOptions = {};
    for (const part of wanted) {
      const { items } = await listParts({
        db,
        principal: desk.principal,
        part,
        ...(part === 'unit' ? { organizationId } : { planId: planId ?? '' }),
        limit: 10_000,
        offset: 0,
      });
      options[part] = items.map((i) => ({
        id: i.id,
        name: String(i.title ?? i.name ?? i.id),
      }));
    }
    return options;
  }

  async function listPage(
    reply: FastifyReply,
    desk: Desk,
    scene: Scene,
    form?: PartForm,
    errors: FieldErrors = {},
    status = 200,
  ) {
    const { items } = await listParts({
      db,
      principal: desk.principal,
      ...scene.address,
      limit: 10_000,
      offset: 0,
    });
    const kind = scene.place.kind;
    return send(
      reply,
      <PartListPage
        desk={desk}
        place={scene.place}
        items={items.map((i) => ({ id: i.id, title: itemTitle(desk.ctx, kind, i) }))}
        canAdd={scene.canAdd}
        form={form ?? partFormOf(kind, {})}
        errors={errors}
      />,
      status,
    );
  }

  async function editPage(
    reply: FastifyReply,
    desk: Desk,
    scene: Scene,
    row: Row,
    state: {
      form?: PartForm;
      errors?: FieldErrors;
      conflictRead?: PartForm;
      conflictTyped?: PartForm;
    } = {},
    status = 200,
  ) {
    const kind = scene.place.kind;
    const stored = partFormOf(kind, row);
    return send(
      reply,
      <PartEditPage
        desk={desk}
        place={scene.place}
        row={row}
        title={itemTitle(desk.ctx, kind, row)}
        form={state.form ?? stored}
        read={stored}
        errors={state.errors ?? {}}
        conflict={
          state.conflictRead
            ? {
                read: state.conflictRead,
                current: stored,
                typed: state.conflictTyped ?? state.form ?? stored,
              }
            : undefined
        }
      />,
      status,
    );
  }

  /** A write the operations refused: the plan frozen, another unit's part, a viewer. */
  function refused(reply: FastifyReply, desk: Desk, scene: Scene, error: PianoError) {
    const t = desk.ctx.t;
    const planId = scene.place.plan?.id ?? null;
    return send(
      reply,
      <MessagePage
        desk={desk}
        title={t.boRefusedTitle}
        text={t.boRefusedText(error.message.replace(/\.$/, ''))}
        back={{
          path: partsPath(scene.place.kind, planId),
          label: t.paBackToList(t.paKinds[scene.place.kind.segment] ?? ''),
        }}
      />,
      403,
    );
  }
  const isRefusal = (error: unknown): error is PianoError =>
    error instanceof PianoError &&
    (error.code === 'forbidden' || error.code === 'plan_frozen' || error.code === 'lifecycle_step');

  const read = (desk: Desk, scene: Scene, key: string) =>
    readPart({ db, principal: desk.principal, ...scene.address, key });

  for (const base of ['/gestione/piani/:plan/parti/:kind', '/gestione/ente/:kind']) {
    route(
      'GET',
      base,
      signedIn(async (request, reply, desk) => listPage(reply, desk, await sceneOf(request, desk))),
    );

    route(
      'POST',
      base,
      signedIn(async (request, reply, desk) => {
        const scene = await sceneOf(request, desk);
        const { kind } = scene.place;
        const body = formOf(request);
        const form = typedForm(kind, body, partFormOf(kind, {}));
        if (kind.parent) form.parent = body.parent ?? '';
        if (!scene.canAdd) {
          const error = new PianoError('forbidden', scene.place.readOnly ?? desk.ctx.t.paNoRights);
          return refused(reply, desk, scene, error);
        }
        const { values, errors } = valuesOf(kind, form, desk.ctx.t);
        if (kind.parent && !form.parent) errors.parent = desk.ctx.t.boRequired;
        if (Object.keys(errors).length) return listPage(reply, desk, scene, form, errors, 400);
        let created: Row;
        try {
          created = await createPart({
            db,
            principal: desk.principal,
            ...scene.address,
            values,
            ...(kind.parent ? { parentKey: form.parent } : {}),
          });
        } catch (error) {
          if (isRefusal(error)) return refused(reply, desk, scene, error);
          if (error instanceof PianoError && error.code === 'validation') {
            const problems = errorsOfProblems(kind, error.problems, error.message, desk.ctx.t);
            return listPage(reply, desk, scene, form, problems, 400);
          }
          throw error;
        }
        const planId = scene.place.plan?.id ?? null;
        return redirect(
          reply,
          `${href(desk.ctx, partPath(kind, planId, created.id))}?esito=aggiunto`,
        );
      }),
    );

    route(
      'GET',
      `${base}/:id`,
      signedIn(async (request, reply, desk) => {
        const scene = await sceneOf(request, desk);
        return editPage(reply, desk, scene, await read(desk, scene, param(request, 'id')));
      }),
    );

    route(
      'POST',
      `${base}/:id`,
      signedIn(async (request, reply, desk) => {
        const scene = await sceneOf(request, desk);
        const { kind } = scene.place;
        const key = param(request, 'id');
        const stored = await read(desk, scene, key);
        const body = formOf(request);
        const storedForm = partFormOf(kind, stored);
        const readValues = readForm(kind, body, storedForm);
        const typed = typedForm(kind, body, readValues);
        const planId = scene.place.plan?.id ?? null;
        const back = `${href(desk.ctx, partPath(kind, planId, key))}?esito=salvato`;
        if (!scene.canEdit) {
          const error = new PianoError('forbidden', scene.place.readOnly ?? desk.ctx.t.paNoRights);
          return refused(reply, desk, scene, error);
        }
        const { changes, errors } = changesOf(kind, typed, readValues, desk.ctx.t);
        if (Object.keys(errors).length) {
          return editPage(reply, desk, scene, stored, { form: typed, errors }, 400);
        }
        if (Object.keys(changes).length === 0) return redirect(reply, back);
        const version = Number.parseInt(body.version ?? '', 10) || 0;
        try {
          await updatePart({
            db,
            principal: desk.principal,
            ...scene.address,
            key,
            version,
            changes,
          });
        } catch (error) {
          if (isRefusal(error)) return refused(reply, desk, scene, error);
          if (!(error instanceof PianoError)) throw error;
          if (error.code === 'version_conflict') {
            // The form keeps what the user changed and shows the other person's values elsewhere,
            // so that saving again reapplies only the user's own changes.
            const now = await read(desk, scene, key);
            const current = partFormOf(kind, now);
            const kept: PartForm = {};
            for (const n of formNames(kind)) {
              kept[n] =
                (typed[n] ?? '') !== (readValues[n] ?? '') ? (typed[n] ?? '') : (current[n] ?? '');
            }
            const state = { form: kept, conflictRead: readValues, conflictTyped: typed };
            return editPage(reply, desk, scene, now, state, 409);
          }
          if (error.code === 'validation') {
            const problems = errorsOfProblems(kind, error.problems, error.message, desk.ctx.t);
            return editPage(reply, desk, scene, stored, { form: typed, errors: problems }, 400);
          }
          throw error;
        }
        return redirect(reply, back);
      }),
    );

    route(
      'POST',
      `${base}/:id/elimina`,
      signedIn(async (request, reply, desk) => {
        const scene = await sceneOf(request, desk);
        const { kind } = scene.place;
        const t = desk.ctx.t;
        const key = param(request, 'id');
        const stored = await read(desk, scene, key);
        const body = formOf(request);
        const planId = scene.place.plan?.id ?? null;
        if (!scene.canEdit) {
          const error = new PianoError('forbidden', scene.place.readOnly ?? t.paNoRights);
          return refused(reply, desk, scene, error);
        }
        if (body.conferma !== '1') {
          const errors = { conferma: t.paDeleteUnconfirmed };
          return editPage(reply, desk, scene, stored, { errors }, 400);
        }
        const version = Number.parseInt(body.version ?? '', 10) || 0;
        try {
          await deletePart({ db, principal: desk.principal, ...scene.address, key, version });
        } catch (error) {
          if (isRefusal(error)) return refused(reply, desk, scene, error);
          if (
            error instanceof PianoError &&
            (error.code === 'version_conflict' || error.code === 'conflict')
          ) {
            const text = error.code === 'version_conflict' ? t.paDeleteStale : error.message;
            return send(
              reply,
              <MessagePage
                desk={desk}
                title={t.paDeleteRefused}
                text={text}
                back={{
                  path: partPath(kind, planId, key),
                  label: itemTitle(desk.ctx, kind, stored),
                }}
              />,
              409,
            );
          }
          throw error;
        }
        return redirect(reply, `${href(desk.ctx, partsPath(kind, planId))}?esito=eliminato`);
      }),
    );
  }
}

/**
 * The import wizard's addresses: upload (a multipart form, with the same token as every other
 * form), review, the source text, one small post per change to an item, and the save. Every
 * post redirects back to the item it changed (post/redirect/get) with a status to announce.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { PianoError } from '../../domain/errors.js';
import { roleIn } from '../../domain/rules/permissions.js';
import { DEFAULT_LIMITS } from '../../operations/import-formats.js';
import type { PlanFile } from '../../operations/draft-plan-from-file.js';
import type { ImportDraft } from '../../operations/import-draft.js';
import { readImportDraft } from '../../operations/read-import-draft.js';
import { reviewImportDraft, type DraftReview } from '../../operations/review-import-draft.js';
import { saveImportDraft } from '../../operations/save-import-draft.js';
import { startImportDraft } from '../../operations/start-import-draft.js';
import { ENGLISH_PREFIX, href, pageContext, type PageContext } from '../page-context.js';
import {
  ACTIONS_PER_PAGE,
  draftPath,
  IMPORT_PATH,
  OTHER_PARTS,
  ReviewPage,
  SourceTextPage,
  UploadPage,
  type CorrectionFailure,
} from './import-pages.js';
import { planEditPath } from './paths.js';
import { checkForm, CSRF_FIELD, formOf } from './security.js';
import { MessagePage, type Desk, type FieldErrors } from './ui.js';

type Db = Parameters<typeof readImportDraft>[0]['db'];
type DeskHandler = (request: FastifyRequest, reply: FastifyReply, desk: Desk) => Promise<unknown>;
type Handler = (request: FastifyRequest, reply: FastifyReply, ctx: PageContext) => Promise<unknown>;

/** What the back office's routes lend the wizard: its database, page helpers and guards. */
export interface WizardDeps {
  app: FastifyInstance;
  db: Db;
  today: () => string;
  route: (method: 'GET' | 'POST', path: string, handler: Handler) => void;
  signedIn: (handler: DeskHandler, options?: { multipart?: boolean }) => Handler;
  send: (reply: FastifyReply, page: VNode, status?: number) => unknown;
  redirect: (reply: FastifyReply, to: string) => unknown;
}

/** HTTP status of each file the importer refuses, as the API answers it. */
const FILE_STATUS = { unsupported_file: 415, unreadable_file: 422, file_too_large: 413 } as const;

const param = (request: FastifyRequest, name: string) =>
  (request.params as Record<string, string>)[name] ?? '';

export function registerImportWizard(deps: WizardDeps) {
  const { app, db, route, signedIn, send, redirect } = deps;

  /** The wizard is for those who may create the organization's plans; others get a refusal. */
  const wizard =
    (handler: (r: FastifyRequest, p: FastifyReply, d: Desk, org: string) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply, desk: Desk) => {
      const t = desk.ctx.t;
      const org = desk.organizationId;
      if (!org || roleIn(desk.principal, org) !== 'admin') {
        return send(
          reply,
          <MessagePage
            desk={desk}
            title={t.boRefusedTitle}
            text={t.boImportOnlyAdmins}
            back={{ path: '/gestione', label: t.boBackOffice }}
          />,
          403,
        );
      }
      return handler(request, reply, desk, org);
    };

  route(
    'GET',
    IMPORT_PATH,
    signedIn(
      wizard(async (_q, reply, desk) => send(reply, <UploadPage desk={desk} errors={{}} />)),
    ),
  );

  // The upload: a multipart form, so it lives in a scope that reads multipart bodies.
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: DEFAULT_LIMITS.maxBytes, files: 1, fields: 5, parts: 6 },
    });
    const upload = signedIn(
      wizard(async (request, reply, desk, organizationId) => {
        const t = desk.ctx.t;
        const refuse = (errors: FieldErrors, status: number) =>
          send(reply, <UploadPage desk={desk} errors={errors} />, status);
        let file: PlanFile;
        try {
          const read = await readUpload(request);
          if (!read) return refuse({ file: t.boImportNoFile }, 400);
          file = read;
        } catch (error) {
          if (error instanceof PianoError && error.code === 'forbidden') {
            return send(
              reply,
              <MessagePage
                desk={desk}
                title={t.boCsrfTitle}
                text={t.boCsrfText}
                back={{ path: IMPORT_PATH, label: t.boImportTitle }}
              />,
              403,
            );
          }
          if (isTooLarge(error))
            return refuse({ file: fileMessage(desk.ctx, 'file_too_large') }, 413);
          throw error;
        }
        try {
          const draft = await startImportDraft({
            db,
            principal: desk.principal,
            organizationId,
            file: async () => file,
          });
          return redirect(reply, href(desk.ctx, draftPath(draft.id)));
        } catch (error) {
          if (error instanceof PianoError && error.code in FILE_STATUS) {
            const code = error.code as keyof typeof FILE_STATUS;
            return refuse({ file: fileMessage(desk.ctx, code, error.message) }, FILE_STATUS[code]);
          }
          throw error;
        }
      }),
      { multipart: true },
    );
    for (const p of [IMPORT_PATH, `${ENGLISH_PREFIX}${IMPORT_PATH}`]) {
      scope.post(p, { schema: { hide: true } }, (request, reply) =>
        upload(request, reply, pageContext(request.url, deps.today())),
      );
    }
  });

  async function draftOf(request: FastifyRequest, desk: Desk, org: string): Promise<ImportDraft> {
    return readImportDraft({
      db,
      principal: desk.principal,
      organizationId: org,
      draftId: param(request, 'draft'),
    });
  }

  function reviewPage(
    reply: FastifyReply,
    desk: Desk,
    draft: ImportDraft,
    showing: string | undefined,
    extra: { failure?: CorrectionFailure; saveErrors?: string[]; page?: number } = {},
    status = 200,
  ) {
    const shown = showing ?? draft.document.priorities[0]?.id ?? OTHER_PARTS;
    let page = extra.page ?? 1;
    if (extra.failure) {
      const same = draft.document.actions.filter((a) => a.priorityId === shown);
      const index = same.findIndex((a) => a.id === extra.failure?.actionId);
      page = Math.floor(Math.max(index, 0) / ACTIONS_PER_PAGE) + 1;
    }
    return send(
      reply,
      <ReviewPage desk={desk} draft={draft} showing={shown} {...extra} page={page} />,
      status,
    );
  }

  route(
    'GET',
    `${IMPORT_PATH}/:draft`,
    signedIn(
      wizard(async (request, reply, desk, org) => {
        const draft = await draftOf(request, desk, org);
        const query = request.query as Record<string, unknown>;
        const asked = query.priorita;
        const page = Number(query.pagina);
        return reviewPage(reply, desk, draft, typeof asked === 'string' ? asked : undefined, {
          page: Number.isInteger(page) && page > 0 ? page : 1,
        });
      }),
    ),
  );

  route(
    'GET',
    `${IMPORT_PATH}/:draft/testo`,
    signedIn(
      wizard(async (request, reply, desk, org) => {
        const draft = await draftOf(request, desk, org);
        const asked = Number((request.query as Record<string, unknown>).da);
        const last = Math.max(0, draft.lines.length - 1);
        const from = Number.isInteger(asked) && asked > 0 ? Math.min(asked, last) : 0;
        return send(reply, <SourceTextPage desk={desk} draft={draft} from={from} />);
      }),
    ),
  );

  /** Applies one change, then goes back to the action (or to where it was) with a status. */
  async function review(
    request: FastifyRequest,
    reply: FastifyReply,
    desk: Desk,
    org: string,
    change: DraftReview,
    outcome: string,
  ) {
    const draftId = param(request, 'draft');
    const positionIn = (draft: ImportDraft, actionId: string) => {
      const action = draft.document.actions.find((a) => a.id === actionId);
      const same = draft.document.actions.filter((a) => a.priorityId === action?.priorityId);
      return { priorityId: action?.priorityId, index: same.findIndex((a) => a.id === actionId) };
    };
    let at =
      change.kind === 'line-to-action'
        ? undefined
        : positionIn(await draftOf(request, desk, org), change.actionId);
    const where = await reviewImportDraft({
      db,
      principal: desk.principal,
      organizationId: org,
      draftId,
      review: change,
    });
    if (where) at = positionIn(await draftOf(request, desk, org), where.actionId);
    const page = Math.floor(Math.max(at?.index ?? 0, 0) / ACTIONS_PER_PAGE) + 1;
    const query = [
      at?.priorityId ? `priorita=${encodeURIComponent(at.priorityId)}` : '',
      page > 1 ? `pagina=${page}` : '',
      `esito=${outcome}`,
    ].filter(Boolean);
    const anchor = where ? `#azione-${where.actionId}` : '#priorita';
    return redirect(reply, `${href(desk.ctx, draftPath(draftId))}?${query.join('&')}${anchor}`);
  }

  const simple = (verb: string, kind: 'accept' | 'delete' | 'to-text', outcome: string) =>
    route(
      'POST',
      `${IMPORT_PATH}/:draft/azioni/:action/${verb}`,
      signedIn(
        wizard((request, reply, desk, org) =>
          review(request, reply, desk, org, { kind, actionId: param(request, 'action') }, outcome),
        ),
      ),
    );
  simple('accetta', 'accept', 'accettata');
  simple('elimina', 'delete', 'eliminata');
  simple('testo', 'to-text', 'testo');

  route(
    'POST',
    `${IMPORT_PATH}/:draft/azioni/:action/correggi`,
    signedIn(
      wizard(async (request, reply, desk, org) => {
        const t = desk.ctx.t;
        const actionId = param(request, 'action');
        const f = formOf(request);
        const form = {
          title: (f.title ?? '').trim(),
          priorityId: f.priorityId ?? '',
          responsibles: f.responsibles ?? '',
          timing: (f.timing ?? '').trim(),
        };
        const responsibles = form.responsibles
          .split(/\r?\n/)
          .map((r) => r.trim())
          .filter(Boolean);
        const errors: FieldErrors = {};
        if (!form.title) errors[`${actionId}-title`] = t.boRequired;
        else if (form.title.length > 1000) errors[`${actionId}-title`] = t.boTooLong('1000');
        if (responsibles.length > 50 || responsibles.some((r) => r.length > 300)) {
          errors[`${actionId}-responsibles`] = t.boTooLong('300');
        }
        if (form.timing.length > 2000) errors[`${actionId}-timing`] = t.boTooLong('2000');
        if (Object.keys(errors).length) {
          const draft = await draftOf(request, desk, org);
          const action = draft.document.actions.find((a) => a.id === actionId);
          if (!action) throw new PianoError('not_found', 'Azione non trovata nella bozza');
          return reviewPage(
            reply,
            desk,
            draft,
            action.priorityId,
            { failure: { actionId, form, errors } },
            400,
          );
        }
        return review(
          request,
          reply,
          desk,
          org,
          {
            kind: 'correct',
            actionId,
            title: form.title,
            priorityId: form.priorityId,
            responsibles,
            timing: form.timing,
          },
          'corretta',
        );
      }),
    ),
  );

  route(
    'POST',
    `${IMPORT_PATH}/:draft/righe/:line`,
    signedIn(
      wizard((request, reply, desk, org) => {
        const line = Number(param(request, 'line'));
        if (!Number.isInteger(line) || line < 0)
          throw new PianoError('not_found', 'Riga non trovata');
        return review(request, reply, desk, org, { kind: 'line-to-action', line }, 'riga');
      }),
    ),
  );

  route(
    'POST',
    `${IMPORT_PATH}/:draft/salva`,
    signedIn(
      wizard(async (request, reply, desk, org) => {
        const draftId = param(request, 'draft');
        try {
          const { planId } = await saveImportDraft({
            db,
            principal: desk.principal,
            organizationId: org,
            draftId,
          });
          return redirect(reply, `${href(desk.ctx, planEditPath(planId))}?esito=importato`);
        } catch (error) {
          if (!(error instanceof PianoError) || error.code !== 'validation') throw error;
          const draft = await draftOf(request, desk, org);
          const problems = error.problems.map((p) => `${p.field}: ${p.message}`);
          return reviewPage(
            reply,
            desk,
            draft,
            undefined,
            { saveErrors: problems.length ? problems : [error.message] },
            400,
          );
        }
      }),
    ),
  );
}

/** The words for a file the importer refused; in Italian, also the importer's own reason. */
function fileMessage(ctx: PageContext, code: keyof typeof FILE_STATUS, detail?: string) {
  const t = ctx.t;
  const general =
    code === 'unsupported_file'
      ? t.boImportUnsupported
      : code === 'file_too_large'
        ? t.boImportTooLarge
        : t.boImportUnreadable;
  return detail && ctx.lang === 'it' ? `${general} ${detail}` : general;
}

function isTooLarge(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';
}

/**
 * Reads the multipart form: the token first (the form puts it before the file), checked before
 * the file is read; then the file. Null when no file was chosen.
 */
async function readUpload(request: FastifyRequest): Promise<PlanFile | null> {
  if (!request.isMultipart()) {
    checkForm(request, 'session');
    return null;
  }
  const fields: Record<string, string> = {};
  let file: PlanFile | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    checkForm(request, 'session', fields[CSRF_FIELD] ?? '');
    const bytes = await part.toBuffer();
    if (part.filename) {
      file = { bytes: new Uint8Array(bytes), fileName: part.filename };
    }
  }
  if (!file) checkForm(request, 'session', fields[CSRF_FIELD] ?? '');
  return file;
}

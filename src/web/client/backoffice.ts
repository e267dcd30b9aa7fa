/**
 * Back-office enhancements. Every page works without them; with them:
 * - the session's end is announced five minutes before it comes, with "Resta connesso", and
 *   said when it has come;
 * - what is typed in a form is kept in this browser until the form is posted, and put back in
 *   the form when the page is opened again — also after signing in again, when the post met an
 *   ended session — with a way to discard it;
 * - timing words are read as they are typed, by the server's own rule ("entro giugno 2026" →
 *   "Scadenza: 30/06/2026"), and flagged when piano cannot read them;
 * - required fields and number ranges are checked when a field is left, beside the field.
 * The words come from the page (data attributes), in the page's language.
 */
const box = document.getElementById('piano-session');
const words = box?.dataset ?? {};
const WARN_SECONDS = 5 * 60;
const DRAFT_PREFIX = `piano-draft:${words.user ?? ''}:`;
const DRAFT_DAYS = 14;

// The session's warning. An interval (not one long timeout) survives a computer's sleep.
if (box) {
  const ending = box.querySelector<HTMLElement>('[data-session="ending"]');
  const ended = box.querySelector<HTMLElement>('[data-session="ended"]');
  const time = box.querySelector<HTMLElement>('[data-session-time]');
  const lang = document.documentElement.lang === 'en' ? 'en-GB' : 'it-IT';
  const clock = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });
  let endsAt = Date.now() + Number(words.secondsLeft ?? '0') * 1000;
  const check = () => {
    const left = (endsAt - Date.now()) / 1000;
    if (time) time.textContent = clock.format(endsAt);
    if (ending) ending.hidden = !(left > 0 && left <= WARN_SECONDS);
    if (ended) ended.hidden = left > 0;
  };
  check();
  window.setInterval(check, 5000);
  const stay = ending?.querySelector('form');
  stay?.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      try {
        const response = await fetch(stay.action, {
          method: 'POST',
          body: new URLSearchParams(new FormData(stay) as unknown as Record<string, string>),
          headers: { accept: 'application/json' },
          credentials: 'same-origin',
        });
        if ((response.headers.get('content-type') ?? '').includes('json')) {
          const body = (await response.json()) as { secondsLeft: number };
          endsAt = Date.now() + body.secondsLeft * 1000;
        } else {
          endsAt = Date.now();
        }
      } catch {
        endsAt = Date.now();
      }
      check();
    })();
  });
}

// Drafts of what is typed.
type Values = Record<string, string>;
interface Draft {
  values: Values;
  at: number;
  submitted: boolean;
}

const kept = (el: Element): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
  (el instanceof HTMLInputElement &&
    !['hidden', 'password', 'file', 'submit', 'button', 'checkbox', 'radio'].includes(el.type)) ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement;

function fieldsOf(form: HTMLFormElement) {
  return Array.from(form.elements).filter(
    (el): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
      kept(el) && el.name !== '' && !el.name.startsWith('read_'),
  );
}
const valuesOf = (form: HTMLFormElement): Values =>
  Object.fromEntries(fieldsOf(form).map((f) => [f.name, f.value]));
const same = (a: Values, b: Values) => Object.keys(a).every((k) => a[k] === b[k]);

function readDraft(key: string): Draft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft | null;
    if (draft && Date.now() - draft.at < DRAFT_DAYS * 86_400_000) return draft;
  } catch {
    // A draft that cannot be read is dropped below.
  }
  localStorage.removeItem(key);
  return null;
}

/** Whether this page was opened straight after signing in (a session that had ended). */
function afterSignIn() {
  try {
    return /\/accedi$/.test(new URL(document.referrer).pathname);
  } catch {
    return false;
  }
}

function keepDrafts() {
  const signedInAgain = afterSignIn();
  const forms = Array.from(document.querySelectorAll<HTMLFormElement>('main form[method="post"]'))
    .filter((f) => !f.closest('#piano-session') && f.enctype !== 'multipart/form-data')
    .filter((f) => fieldsOf(f).some((el) => !(el instanceof HTMLSelectElement)));
  const counts = new Map<string, number>();
  for (const form of forms) {
    const action = form.getAttribute('action') ?? location.pathname;
    const n = counts.get(action) ?? 0;
    counts.set(action, n + 1);
    const key = `${DRAFT_PREFIX}${location.pathname}|${action}#${n}`;
    const initial = valuesOf(form);
    let draft = readDraft(key);
    // A form posted reached the server, which saved it or showed it again with what was typed,
    // unless the session had ended: then the person comes back here from signing in.
    if (draft?.submitted && !signedInAgain) {
      localStorage.removeItem(key);
      draft = null;
    }
    if (draft && !same(draft.values, initial)) restore(form, key, draft, initial);
    let timer: number | undefined;
    const save = (submitted: boolean) => {
      const values = valuesOf(form);
      if (!submitted && same(values, initial)) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify({ values, at: Date.now(), submitted }));
    };
    form.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => save(false), 400);
    });
    form.addEventListener('submit', () => save(true));
  }
}

function restore(form: HTMLFormElement, key: string, draft: Draft, initial: Values) {
  const fields = fieldsOf(form);
  for (const field of fields) {
    const value = draft.values[field.name];
    if (value !== undefined) field.value = value;
  }
  const notice = document.createElement('div');
  notice.className = 'alert alert-info piano-draft-notice';
  notice.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = words.draftRestored ?? '';
  const discard = document.createElement('button');
  discard.type = 'button';
  discard.className = 'btn btn-outline-primary btn-sm';
  discard.textContent = words.draftDiscard ?? '';
  discard.addEventListener('click', () => {
    for (const field of fields) {
      const value = initial[field.name];
      if (value !== undefined) field.value = value;
    }
    localStorage.removeItem(key);
    notice.remove();
    fields[0]?.focus();
  });
  notice.append(text, discard);
  form.before(notice);
}

if (box) {
  try {
    keepDrafts();
  } catch {
    // Storage refused (private mode, quota): the forms work as they are.
  }
  // Signing out forgets every draft kept in this browser.
  document.querySelectorAll<HTMLFormElement>('form[action$="/esci"]').forEach((form) =>
    form.addEventListener('submit', () => {
      for (let i = localStorage.length - 1; i >= 0; i--) {
        const key = localStorage.key(i);
        if (key?.startsWith('piano-draft:')) localStorage.removeItem(key);
      }
    }),
  );
}

// Timing words read as typed.
document.querySelectorAll<HTMLInputElement>('input[data-timing-url]').forEach((input) => {
  const out = document.getElementById(`${input.id}-meaning`);
  if (!out) return;
  let timer: number | undefined;
  let asked = 0;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const mine = ++asked;
      const url = new URL(input.dataset.timingUrl ?? '', location.href);
      url.searchParams.set('testo', input.value);
      void fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
        .then(async (response) => {
          if (!(response.headers.get('content-type') ?? '').includes('json')) return;
          const body = (await response.json()) as { text: string; resolved: boolean };
          if (mine !== asked) return;
          out.textContent = body.text;
          out.classList.toggle('piano-field-error', !body.resolved);
        })
        .catch(() => undefined);
    }, 300);
  });
});

// Checks when a field is left: required, and numbers within their range.
document
  .querySelectorAll<HTMLInputElement>('main input[required], main input[type="number"]')
  .forEach((input) => {
    input.addEventListener('change', () => {
      const value = input.value.trim();
      let message = '';
      if (input.required && value === '') message = words.required ?? '';
      else if (input.type === 'number' && value !== '') {
        const n = Number(value);
        const min = input.min === '' ? -Infinity : Number(input.min);
        const max = input.max === '' ? Infinity : Number(input.max);
        if (!Number.isFinite(n) || n < min || n > max) {
          message = (words.outOfRange ?? '')
            .replace('{min}', input.min)
            .replace('{max}', input.max);
        }
      }
      const id = `${input.id}-inline-error`;
      let shown = document.getElementById(id);
      const described = (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter((d) => d && d !== id);
      if (message) {
        if (!shown) {
          shown = document.createElement('p');
          shown.id = id;
          shown.className = 'piano-field-error';
          input.before(shown);
        }
        shown.textContent = message;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', [...described, id].join(' '));
      } else if (shown) {
        shown.remove();
        input.removeAttribute('aria-invalid');
        if (described.length) input.setAttribute('aria-describedby', described.join(' '));
        else input.removeAttribute('aria-describedby');
      }
    });
  });

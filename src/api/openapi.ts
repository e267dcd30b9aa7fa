/**
 * The served API description, brought to AgID's interoperability guidelines (the "Italian
 * Guidelines Full" rules of the API OAS Checker). The route schemas stay the single source: this
 * module completes the generated document generically, so a new route conforms without extra
 * work: numbers get a format, error answers are problem+json, PATCH bodies merge-patch+json, and
 * every operation gets an operationId, a description and its security requirement.
 */

type Json = Record<string, unknown>;

const INT32 = 2 ** 31 - 1;

export const TAG_DESCRIPTIONS: Record<string, string> = {
  Sessione: 'Accesso e uscita con il cookie di sessione piano_session',
  Enti: 'Le amministrazioni che redigono un piano',
  Utenti: 'Le persone che lavorano al piano di un ente e i loro ruoli',
  Piani: 'I piani triennali per l’informatica e le loro revisioni',
  Settori: 'Le unità organizzative dell’ente',
  Ruoli: 'I ruoli organizzativi dell’ente (RTD, responsabili)',
  Priorità: 'Le priorità del piano',
  'Stato dell’arte': 'La situazione di partenza dell’ente',
  Azioni: 'Le azioni del piano',
  'Micro azioni': 'Le micro azioni in cui si articola un’azione',
  Indicatori: 'Gli indicatori e i loro obiettivi',
  Rilevazioni: 'Le misure rilevate per un indicatore',
  Spesa: 'La spesa prevista e sostenuta',
  Piattaforme: 'Le piattaforme abilitanti adottate',
  Sezioni: 'Le sezioni di testo del piano',
  'Riferimenti normativi': 'Le norme richiamate dal piano',
  Glossario: 'I termini del glossario del piano',
  'Registro delle modifiche': 'Chi ha cambiato cosa e quando',
  Importazione: 'Il caricamento di un piano da un file',
  'Documenti e dati aperti': 'Il piano nei formati di pubblicazione e dati aperti',
  'Catalogo nazionale': 'Il Piano triennale nazionale di AgID: linee d’azione, misure, piattaforme',
  Conformità: 'La verifica del piano rispetto agli obblighi',
  Scadenze: 'Le scadenze del piano e il calendario',
  Stato: 'Lo stato del servizio',
};

const SESSION = { sessione: [] as string[] };
const ANONYMOUS = {};

/** Completes the document @fastify/swagger generates; the input is not modified. */
export function conformingDocument(generated: Json, serverUrl: string): Json {
  const document = structuredClone(generated) as Json & {
    info: Json;
    paths: Record<string, Record<string, Json>>;
  };
  const used = new Set<string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      completeOperation(path, method, operation, document.paths);
      for (const tag of (operation.tags as string[] | undefined) ?? []) used.add(tag);
    }
  }
  addFormats(document);
  return {
    ...document,
    info: {
      ...document.info,
      'x-api-id': 'piano',
      'x-summary': 'Redazione e pubblicazione del Piano triennale per l’informatica degli enti',
      contact: { name: 'piano', url: `${serverUrl.replace(/\/$/, '')}/docs` },
    },
    servers: [
      {
        url: serverUrl,
        description: 'Questa installazione di piano',
        ...(serverUrl.startsWith('https://') ? {} : { 'x-sandbox': true }),
      },
    ],
    tags: [...used].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
  };
}

function completeOperation(
  path: string,
  method: string,
  operation: Json,
  paths: Record<string, Record<string, Json>>,
) {
  operation.operationId ??= operationIdOf(path, method, paths);
  operation.description ??= operation.summary;
  operation.security ??= securityOf(path, method);
  const responses = (operation.responses ?? {}) as Record<string, Json>;
  for (const [status, response] of Object.entries(responses)) {
    if (!/^[45]/.test(status)) continue;
    renameMediaType(response, 'application/json', 'application/problem+json');
  }
  if (method === 'patch' && operation.requestBody) {
    renameMediaType(
      operation.requestBody as Json,
      'application/json',
      'application/merge-patch+json',
    );
  }
}

function renameMediaType(holder: Json, from: string, to: string) {
  const content = holder.content as Record<string, unknown> | undefined;
  if (!content || !(from in content)) return;
  holder.content = Object.fromEntries(
    Object.entries(content).map(([type, value]) => [type === from ? to : type, value]),
  );
}

/**
 * Published reads are open to anyone (a signed-in user sees more); signing in, the calendar
 * feed and invitations (their secrets are in the URL) need no session; every other operation
 * needs the cookie.
 */
function securityOf(path: string, method: string): Json[] {
  if (path === '/api/session' && method === 'post') return [ANONYMOUS];
  if (path.startsWith('/calendar/') || path === '/status') return [ANONYMOUS];
  // The invitation's secret is in the URL; accepting works with a session or by creating one.
  if (path.startsWith('/api/invitations/')) return [ANONYMOUS, SESSION];
  if (method === 'get') return [ANONYMOUS, SESSION];
  return [SESSION];
}

/** A camelCase verb-noun name from the method and the path: GET /api/plans/{planId} → getPlan. */
export function operationIdOf(
  path: string,
  method: string,
  paths: Record<string, unknown>,
): string {
  const segments = path
    .replace(/^\/api\//, '/')
    .split('/')
    .filter(Boolean);
  const item = segments.at(-1)?.includes('{') ?? false;
  const names = segments.filter((s) => !s.includes('{'));
  const last = names.at(-1) ?? '';
  const collection = !item && (singular(last) !== last || hasItemPath(path, paths));
  const verb =
    method === 'get'
      ? collection
        ? 'list'
        : 'get'
      : ({ post: 'create', put: 'replace', patch: 'update', delete: 'delete' }[method] ?? method);
  const keepPlural = verb === 'list' || verb === 'replace';
  const words = names.map((name, i) =>
    i === names.length - 1 && keepPlural ? name : singular(name),
  );
  return verb + words.map(pascal).join('');
}

function hasItemPath(path: string, paths: Record<string, unknown>) {
  return Object.keys(paths).some(
    (p) => p.startsWith(`${path}/{`) && !p.slice(path.length + 1).includes('/'),
  );
}

function singular(word: string) {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

function pascal(word: string) {
  return word
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** Integers get int32 when their bounds fit, int64 otherwise; other numbers get double. */
function addFormats(node: unknown) {
  if (Array.isArray(node)) {
    node.forEach(addFormats);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.format === undefined) {
    if (types.includes('integer')) {
      const bounded = [schema.minimum, schema.maximum].every(
        (b) => typeof b === 'number' && Math.abs(b) <= INT32,
      );
      schema.format = bounded ? 'int32' : 'int64';
    } else if (types.includes('number')) schema.format = 'double';
  }
  for (const value of Object.values(schema)) addFormats(value);
}

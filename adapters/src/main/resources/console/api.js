// Calls to Wharf's API with the signed-in key as the Bearer header. The key lives in this tab's session storage only:
// never in a URL, a cookie or a log.

const KEY = 'wharf.key';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key) => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
};

/** What the API refused, in words; `status` 0 when Wharf could not be reached. */
export class ApiError extends Error {
  constructor(status, message, retryAfter = null, body = null) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
    this.body = body;
  }
}

/**
 * Calls `path` (from the site's root) and answers the parsed JSON, or throws an ApiError. The same GET is sent at most
 * once a second, whatever asks for it (a poller, a click, a page opened again): a later one waits for its turn.
 */
export async function api(path, {method = 'GET', body, signal} = {}) {
  if (method === 'GET') await turn(path, signal);
  const key = session.key();
  if (!key) throw new ApiError(401, 'Sign in with a personal API key.');
  // A header can only carry plain characters: anything else (a space, a letter with an accent, a pasted line break)
  // would make fetch fail as if Wharf were down.
  if (!/^[\x21-\x7e]+$/.test(key)) {
    throw new ApiError(401, 'That is not an API key: a key is one word of plain letters, digits and signs (phx_…).');
  }
  const headers = {Authorization: 'Bearer ' + key, Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', credentials: 'omit', redirect: 'error', referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Wharf cannot be reached: it may be down or restarting.');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const retryAfter = response.headers.get('Retry-After');
    throw new ApiError(response.status, describe(response.status, json, retryAfter), retryAfter, json);
  }
  return json;
}

const SPACING = 1000;
const lastSent = new Map();

/** Waits until `path` was last sent at least a second ago, then notes it as sent now. */
async function turn(path, signal) {
  const now = Date.now();
  for (const [sent, at] of lastSent) if (now - at >= SPACING) lastSent.delete(sent);
  const wait = lastSent.has(path) ? SPACING - (now - lastSent.get(path)) : 0;
  lastSent.set(path, now + Math.max(0, wait));
  if (wait > 0) {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, wait);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      }, {once: true});
    });
  }
}

function describe(status, body, retryAfter) {
  const said = body && (body.detail || body.error || body.message);
  switch (status) {
    case 401:
      return 'The API key was refused (wrong, revoked or expired): sign in again.' + (said ? ' Wharf said: ' + said : '');
    case 403:
      return 'Not allowed: ' + (said || 'this key may not do that.');
    case 404:
      return said && said !== 'Not found.' ? said : 'Not found: this project does not exist or the key cannot see it.';
    case 429:
      return 'Too many requests' + (said ? ': ' + said : '') + '. Try again in ' + (retryAfter || 'a few') + ' seconds.';
    default:
      if (status >= 500) return 'Wharf could not answer (HTTP ' + status + ')' + (said ? ': ' + said : '') + '.';
      return said || 'The request was refused (HTTP ' + status + ').';
  }
}

/** The data-warehouse API path of `project` plus `rest`. */
export function warehousePath(project, rest) {
  return '/api/projects/' + encodeURIComponent(project) + '/data_warehouse/' + rest;
}

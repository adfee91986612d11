// Calls to the gateway with the session cookie; the CSRF token from /console/session goes along on writes.
// A 401 means the session ended: the app shows its login page (onSessionEnded).
let csrfToken = '';
let onSessionEnded = () => {};

export function setSessionEndedHandler(handler) { onSessionEnded = handler; }

export async function session() {
  const response = await fetch('/console/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`session: HTTP ${response.status}`);
  const body = await response.json();
  csrfToken = body.csrfToken;
  return body;
}

export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (response.status === 401) {
    onSessionEnded();
    throw new ProblemError(401, json);
  }
  if (!response.ok) throw new ProblemError(response.status, json);
  return json;
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return { detail: text.slice(0, 200) }; }
}

/** POST /logout as a form (the gateway then ends the Keycloak session and returns to /). */
export function logout() {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = '/logout';
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = '_csrf';
  input.value = csrfToken;
  form.appendChild(input);
  document.body.appendChild(form);
  form.submit();
}

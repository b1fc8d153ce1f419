// Shared by every console page: calls to the public API with the session's CSRF token, problems
// shown next to forms, DOM building with text only, and the navigation toggle on small screens.
const csrfMeta = document.querySelector('meta[name="zo-csrf"]');
const CSRF = csrfMeta ? csrfMeta.content : '';

/** A problem+json answer (or a network failure) as an Error with its title and detail. */
export class Problem extends Error {
  constructor(status, title, detail, type) {
    super(title + (detail ? ': ' + detail : ''));
    this.status = status;
    this.title = title;
    this.detail = detail || '';
    this.type = type || '';
  }
}

/** The headers of a request to the API: the CSRF token on anything that is not a GET. */
export function headers(method, extra = {}) {
  const out = { Accept: 'application/json', ...extra };
  if (method !== 'GET' && method !== 'HEAD') out['X-Zo-Csrf'] = CSRF;
  return out;
}

/** Sends a JSON request to the gateway; the answer's JSON (null for 204), or throws a Problem. */
export async function api(method, path, body) {
  const init = { method, headers: headers(method), credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new Problem(0, 'Gateway unreachable', String(e.message || e));
  }
  return answer(response);
}

/** The JSON of a response, or a Problem for an error status. */
export async function answer(response) {
  if (response.status === 401) {
    window.location.assign('/console/sign-in');
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch (e) { json = null; }
  }
  if (!response.ok) {
    if (json && json.title) throw new Problem(response.status, json.title, json.detail, json.type);
    throw new Problem(response.status, 'HTTP ' + response.status, text.slice(0, 200));
  }
  return json;
}

/** Whether a failure means the service behind a route does not serve it (yet). */
export function absent(problem) {
  return problem instanceof Problem && (problem.status === 404 || problem.status === 405 || problem.status === 502);
}

/** Shows a problem's title and detail in {@code box} (an element with class problem). */
export function showProblem(box, problem) {
  box.replaceChildren(
    el('strong', {}, problem.title || 'Error'),
    el('span', {}, problem.detail || (problem.title ? '' : String(problem))));
  box.hidden = false;
}

/** Hides a problem box. */
export function clearProblem(box) {
  box.hidden = true;
  box.replaceChildren();
}

/** Runs {@code action}; a thrown Problem is shown in {@code box}. */
export async function guarded(box, action) {
  clearProblem(box);
  try {
    return await action();
  } catch (e) {
    showProblem(box, e instanceof Problem || e.title ? e : new Problem(0, 'Error', String(e.message || e)));
    return undefined;
  }
}

/** An element with attributes and children; strings become text nodes, never HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** A table cell holding a status word, coloured by its value. */
export function statusCell(status) {
  return el('td', {}, el('span', { class: 'status-' + status }, status));
}

/** A time as the reader's local time, or a dash. */
export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

/** The values of a form as an object of strings. */
export function values(form) {
  return Object.fromEntries(new FormData(form).entries());
}

/** Calls {@code refresh} now and then every {@code ms}, while the page is visible. */
export function every(ms, refresh) {
  refresh();
  return setInterval(() => { if (!document.hidden) refresh(); }, ms);
}

const toggle = document.getElementById('nav-toggle');
if (toggle) {
  toggle.addEventListener('click', () => {
    const nav = document.getElementById('nav');
    const open = nav.classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
  });
}

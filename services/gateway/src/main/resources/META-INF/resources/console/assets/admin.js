// Admin: create users; list users and tokens where the gateway has those routes.
import { $, absent, api, el, guarded, when } from './api.js';

/** The gateway's own OpenAPI document, to learn which listing routes this gateway has. */
const openapi = fetch('/q/openapi?format=json', { headers: { Accept: 'application/json' } })
  .then((r) => (r.ok ? r.json() : { paths: {} }))
  .catch(() => ({ paths: {} }));

async function list(path, rows, problem, key, render, empty) {
  await guarded($(problem), async () => {
    const document = await openapi;
    if (!(document.paths && document.paths[path] && document.paths[path].get)) {
      $(rows).replaceChildren(el('tr', {}, el('td', { colspan: 4 }, empty)));
      return;
    }
    try {
      const body = await api('GET', path);
      const items = Array.isArray(body) ? body : body[key] || [];
      $(rows).replaceChildren(...items.map(render));
    } catch (e) {
      if (absent(e)) {
        $(rows).replaceChildren(el('tr', {}, el('td', { colspan: 4 }, empty)));
        return;
      }
      throw e;
    }
  });
}

function load() {
  list('/api/v1/users', 'user-rows', 'users-problem', 'users',
    (u) => el('tr', {}, el('td', {}, u.name), el('td', {}, el('code', {}, u.id)), el('td', {}, u.admin ? 'yes' : 'no')),
    'This gateway does not list users yet (GET /api/v1/users).');
  list('/api/v1/tokens', 'token-rows', 'tokens-problem', 'tokens',
    (t) => el('tr', {}, el('td', {}, t.name), el('td', {}, el('code', {}, t.id)), el('td', {}, t.user_name || t.user_id || ''), el('td', {}, when(t.last_used_at))),
    'This gateway does not list tokens yet (GET /api/v1/tokens).');
}

if ($('user-form')) {
  $('user-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('user-created').textContent = '';
    await guarded($('user-problem'), async () => {
      const user = await api('POST', '/api/v1/users', { name: $('user-name').value.trim() });
      $('user-created').replaceChildren('Created ' + user.name + '. Their token, shown once: ', el('code', {}, user.token));
      event.target.reset();
      load();
    });
  });
  load();
}

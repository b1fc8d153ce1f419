// Browser sessions: the caller's live sessions and the latest screenshot of the newest one (taken
// when the page opens, and again on demand, with the browser service's screenshot route).
import { $, absent, api, el, guarded, headers, answer, when } from './api.js';

let lastUrl = null;
let shown = null;

async function load() {
  await guarded($('browser-problem'), async () => {
    try {
      const list = await api('GET', '/api/v1/browser/sessions');
      const sessions = (list.sessions || []).slice().sort((a, b) => String(b.last_used_at || '').localeCompare(String(a.last_used_at || '')));
      $('sessions').replaceChildren(...(sessions.length ? sessions.map((s) => el('li', { 'data-session': s.id },
        el('strong', {}, s.name || s.id.slice(0, 8)), ' ', s.url || '', ' ', el('span', { class: 'help' }, 'used ' + when(s.last_used_at)),
        el('button', { type: 'button', onclick: () => screenshot(s) }, 'Screenshot'),
        el('button', { type: 'button', onclick: () => close(s) }, 'Close'))) : [el('li', {}, 'No live session.')]));
      if (sessions.length && !(shown && sessions.some((s) => s.id === shown.id))) await screenshot(sessions[0]);
      if (!sessions.length) {
        shown = null;
        $('shot-card').hidden = true;
      }
    } catch (e) {
      if (absent(e)) {
        $('sessions').replaceChildren(el('li', {}, 'The browser service has no routes here yet.'));
        return;
      }
      throw e;
    }
  });
}

/** Takes a screenshot of the session's page now and shows it as the latest one. */
async function screenshot(session) {
  await guarded($('browser-problem'), async () => {
    const response = await fetch('/api/v1/browser/sessions/' + encodeURIComponent(session.id) + '/screenshot', {
      method: 'POST', headers: headers('POST', { 'Content-Type': 'application/json', Accept: 'image/png' }), body: '{}', credentials: 'same-origin',
    });
    if (!response.ok) await answer(response);
    const blob = await response.blob();
    // The list does not hold each session's page; the session's own view does.
    const view = await api('GET', '/api/v1/browser/sessions/' + encodeURIComponent(session.id));
    const pageUrl = view.url || 'about:blank';
    if (lastUrl) URL.revokeObjectURL(lastUrl);
    lastUrl = URL.createObjectURL(blob);
    shown = session;
    $('shot').src = lastUrl;
    $('shot').alt = 'Latest screenshot of ' + pageUrl;
    $('shot-caption').textContent = (session.name || session.id.slice(0, 8)) + ' · ' + pageUrl + ' at ' + new Date().toLocaleTimeString();
    $('shot-card').dataset.session = session.id;
    $('shot-card').hidden = false;
  });
}

async function close(session) {
  await guarded($('browser-problem'), async () => {
    await api('DELETE', '/api/v1/browser/sessions/' + encodeURIComponent(session.id));
    await load();
  });
}

$('shot-refresh').addEventListener('click', () => shown && screenshot(shown));
$('session-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  await guarded($('browser-problem'), async () => {
    const session = await api('POST', '/api/v1/browser/sessions', {});
    if ($('session-url').value) {
      await api('POST', '/api/v1/browser/sessions/' + encodeURIComponent(session.id) + '/navigate', { url: $('session-url').value });
    }
    shown = null;
    await load();
  });
});
load();

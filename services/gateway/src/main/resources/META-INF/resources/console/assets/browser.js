// Browser sessions: the caller's live sessions and the latest screenshot of one.
import { $, absent, api, el, guarded, headers, answer, when } from './api.js';

let lastUrl = null;

async function load() {
  await guarded($('browser-problem'), async () => {
    try {
      const list = await api('GET', '/api/v1/browser/sessions');
      const sessions = list.sessions || [];
      $('sessions').replaceChildren(...(sessions.length ? sessions.map((s) => el('li', { 'data-session': s.id },
        el('strong', {}, s.name || s.id.slice(0, 8)), ' ', s.url || 'about:blank', ' ', el('span', { class: 'help' }, 'used ' + when(s.last_used_at)),
        el('button', { type: 'button', onclick: () => screenshot(s) }, 'Screenshot'),
        el('button', { type: 'button', onclick: () => close(s) }, 'Close'))) : [el('li', {}, 'No live session.')]));
    } catch (e) {
      if (absent(e)) {
        $('sessions').replaceChildren(el('li', {}, 'The browser service has no routes here yet.'));
        return;
      }
      throw e;
    }
  });
}

async function screenshot(session) {
  await guarded($('browser-problem'), async () => {
    const response = await fetch('/api/v1/browser/sessions/' + encodeURIComponent(session.id) + '/screenshot', {
      method: 'POST', headers: headers('POST', { 'Content-Type': 'application/json', Accept: 'image/png' }), body: '{}', credentials: 'same-origin',
    });
    if (!response.ok) await answer(response);
    const blob = await response.blob();
    if (lastUrl) URL.revokeObjectURL(lastUrl);
    lastUrl = URL.createObjectURL(blob);
    $('shot').src = lastUrl;
    $('shot-caption').textContent = (session.url || '') + ' at ' + new Date().toLocaleTimeString();
    $('shot-figure').hidden = false;
  });
}

async function close(session) {
  await guarded($('browser-problem'), async () => {
    await api('DELETE', '/api/v1/browser/sessions/' + encodeURIComponent(session.id));
    await load();
  });
}

$('session-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  await guarded($('browser-problem'), async () => {
    const session = await api('POST', '/api/v1/browser/sessions', {});
    if ($('session-url').value) {
      await api('POST', '/api/v1/browser/sessions/' + encodeURIComponent(session.id) + '/navigate', { url: $('session-url').value });
    }
    await load();
  });
});
load();

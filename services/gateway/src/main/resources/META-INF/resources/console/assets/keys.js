// Keys: add (provider, key, base URL, default model), list masked, test, remove.
import { $, api, el, guarded, values } from './api.js';

async function load() {
  await guarded($('keys-problem'), async () => {
    const list = await api('GET', '/api/v1/keys');
    $('key-rows').replaceChildren(...(list.keys || []).map((key) => el('tr', { 'data-key': key.name },
      el('td', {}, key.name), el('td', {}, key.provider), el('td', {}, key.masked || '—'), el('td', {}, key.default_model || '—'),
      el('td', {},
        el('button', { type: 'button', onclick: () => test(key.name) }, 'Test'),
        el('button', { type: 'button', onclick: () => remove(key.name) }, 'Remove')))));
  });
}

async function test(name) {
  $('key-test-result').textContent = 'Testing ' + name + '…';
  await guarded($('keys-problem'), async () => {
    const result = await api('POST', '/api/v1/keys/' + encodeURIComponent(name) + '/test');
    $('key-test-result').textContent = result.ok
      ? name + ': OK in ' + result.latency_ms + ' ms'
      : name + ': failed (' + (result.error || 'no detail') + ')';
  });
}

async function remove(name) {
  if (!window.confirm('Remove key ' + name + '?')) return;
  await guarded($('keys-problem'), async () => {
    await api('DELETE', '/api/v1/keys/' + encodeURIComponent(name));
    await load();
  });
}

$('key-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = values(event.target);
  const body = { provider: form.provider };
  for (const field of ['api_key', 'base_url', 'default_model']) if (form[field]) body[field] = form[field];
  await guarded($('key-problem'), async () => {
    await api('PUT', '/api/v1/keys/' + encodeURIComponent(form.name), body);
    event.target.reset();
    await load();
  });
});
load();

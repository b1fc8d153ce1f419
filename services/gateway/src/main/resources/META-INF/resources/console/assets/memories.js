// Memories: add, recall, the history of one, delete.
import { $, api, el, guarded, when } from './api.js';

function meta(text) {
  const out = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

$('memory-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('memory-saved').textContent = '';
  await guarded($('memory-problem'), async () => {
    const body = { content: $('memory-content').value };
    const m = meta($('memory-meta').value);
    if (Object.keys(m).length) body.meta = m;
    const saved = await api('POST', '/api/v1/memories', body);
    $('memory-saved').textContent = saved.deduplicated_of
      ? 'Already known as ' + saved.deduplicated_of + '.'
      : 'Memorized as ' + saved.id + '.';
    event.target.reset();
  });
});

async function recall() {
  await guarded($('recall-problem'), async () => {
    const found = await api('POST', '/api/v1/memories/recall', { query: $('recall-query').value, top_k: Number($('recall-k').value) || 5 });
    const results = found.results || [];
    $('recall-results').replaceChildren(...(results.length ? results.map((m) => el('li', { 'data-memory': m.id },
      el('span', { class: 'content' }, m.content), ' ', el('span', { class: 'help' }, 'score ' + m.score.toFixed(3)), ' ',
      el('button', { type: 'button', onclick: () => history(m.id) }, 'History'),
      el('button', { type: 'button', onclick: () => remove(m.id) }, 'Delete'))) : [el('li', {}, 'Nothing recalled.')]));
  });
}

async function history(id) {
  await guarded($('recall-problem'), async () => {
    const [memory, past] = await Promise.all([
      api('GET', '/api/v1/memories/' + encodeURIComponent(id)),
      api('GET', '/api/v1/memories/' + encodeURIComponent(id) + '/history'),
    ]);
    const rows = [el('li', {}, 'v' + memory.version + ' (current, ' + when(memory.updated_at) + '): ', memory.content)];
    for (const v of past.versions || []) rows.push(el('li', {}, 'v' + v.version + ' (replaced ' + when(v.replaced_at) + '): ', v.content));
    $('history').replaceChildren(...rows);
    $('history-card').hidden = false;
  });
}

async function remove(id) {
  if (!window.confirm('Delete this memory?')) return;
  await guarded($('recall-problem'), async () => {
    await api('DELETE', '/api/v1/memories/' + encodeURIComponent(id));
    await recall();
  });
}

$('recall-form').addEventListener('submit', (event) => {
  event.preventDefault();
  recall();
});

// Agents: spawn several prompts at once and watch each finish; the history of every run, a page at
// a time, with each run's result on demand.
import { $, api, el, guarded, statusCell, when } from './api.js';

let nextCursor = null;

/** Loads the first page of the history (or, with {@code more}, the page after the last one shown). */
async function loadHistory(more) {
  await guarded($('history-problem'), async () => {
    const params = new URLSearchParams({ limit: '20' });
    if ($('history-status').value) params.set('status', $('history-status').value);
    if (more && nextCursor) params.set('cursor', nextCursor);
    const page = await api('GET', '/api/v1/agents/runs?' + params);
    const rows = (page.runs || []).map((r) => el('tr', { 'data-run': r.id },
      el('td', {}, when(r.started_at || r.created_at)),
      el('td', {}, r.prompt_excerpt),
      el('td', {}, r.model_name || 'default'),
      statusCell(r.status),
      el('td', {}, r.duration_ms === undefined ? '—' : r.duration_ms + ' ms'),
      el('td', {}, el('button', { type: 'button', 'aria-label': 'Open the result of ' + r.prompt_excerpt.slice(0, 40), onclick: () => openResult(r) }, 'Open'))));
    if (more) $('history-rows').append(...rows);
    else $('history-rows').replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 6 }, 'No run yet.'))]));
    nextCursor = page.next_cursor || null;
    $('history-more').hidden = !nextCursor;
  });
}

async function openResult(run) {
  await guarded($('history-problem'), async () => {
    const full = await api('GET', '/api/v1/agents/' + encodeURIComponent(run.id));
    $('run-result').textContent = full.status + '\n' + (full.output || full.error || '(no output yet)');
    $('run-result').hidden = false;
  });
}

$('history-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadHistory(false);
});
$('history-more').addEventListener('click', () => loadHistory(true));

$('spawn-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const prompts = $('spawn-prompts').value.split('\n').map((s) => s.trim()).filter(Boolean);
  const model = $('spawn-model').value.trim();
  const agents = prompts.map((prompt, i) => (model ? { id: 'agent-' + (i + 1), prompt, model_name: model } : { id: 'agent-' + (i + 1), prompt }));
  const table = el('table', { class: 'table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Agent'), el('th', { scope: 'col' }, 'Prompt'), el('th', { scope: 'col' }, 'Status'), el('th', { scope: 'col' }, 'Output'))),
    el('tbody', {}, agents.map((a) => el('tr', { 'data-agent': a.id }, el('td', {}, a.id), el('td', {}, a.prompt), statusCell('RUNNING'), el('td', {}, '')))));
  const run = el('li', {}, el('p', {}, new Date().toLocaleString()), table);
  $('runs').prepend(run);
  await guarded($('spawn-problem'), async () => {
    const done = await api('POST', '/api/v1/agents/spawn-all', { agents, max_concurrency: Number($('spawn-concurrency').value) || 4 });
    for (const result of done.results || []) {
      const row = table.querySelector('tr[data-agent="' + CSS.escape(result.agent_id) + '"]');
      if (!row) continue;
      row.children[2].replaceWith(statusCell(result.status));
      row.children[3].textContent = result.output || result.error || '';
      row.children[3].append(el('span', { class: 'help' }, ' (' + result.duration_ms + ' ms)'));
    }
  });
  await loadHistory(false);
});

loadHistory(false);

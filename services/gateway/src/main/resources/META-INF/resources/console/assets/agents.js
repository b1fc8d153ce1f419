// Agents: spawn several prompts at once and watch each finish.
import { $, api, el, guarded, statusCell } from './api.js';

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
});

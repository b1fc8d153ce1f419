// Jobs and nodes: live status without reloading, filters, result, cancel, retry DEAD.
import { $, api, el, every, guarded, statusCell, when } from './api.js';

let shown = null;

async function refresh() {
  await guarded($('jobs-problem'), async () => {
    const status = $('job-status').value;
    const [jobs, nodes] = await Promise.all([
      api('GET', '/api/v1/jobs' + (status ? '?status=' + encodeURIComponent(status) : '')),
      api('GET', '/api/v1/nodes'),
    ]);
    const kind = $('job-kind').value;
    $('job-rows').replaceChildren(...(jobs.jobs || []).filter((j) => !kind || j.kind === kind).map(row));
    $('node-rows').replaceChildren(...(nodes.nodes || []).map((n) => el('tr', { 'data-node': n.id },
      el('td', {}, n.name), statusCell(n.status), el('td', {}, Object.entries(n.labels || {}).map(([k, v]) => k + '=' + v).join(', ') || '—'),
      el('td', {}, n.active_jobs + ' / ' + n.slots), el('td', {}, when(n.last_seen_at)))));
    $('jobs-refreshed').textContent = 'Updated ' + new Date().toLocaleTimeString();
    if (shown) {
      const job = (jobs.jobs || []).find((j) => j.id === shown);
      if (job) showResult(job);
    }
  });
}

function row(job) {
  const actions = [el('button', { type: 'button', onclick: () => showResult(job) }, 'Result')];
  if (['PENDING', 'LEASED', 'RUNNING'].includes(job.status)) actions.push(el('button', { type: 'button', onclick: () => act(job, 'cancel') }, 'Cancel'));
  if (job.status === 'DEAD') actions.push(el('button', { type: 'button', onclick: () => act(job, 'retry') }, 'Retry'));
  return el('tr', { 'data-job': job.id },
    el('td', {}, el('code', {}, job.id.slice(0, 8)), ' ', el('span', { class: 'help' }, job.payload && job.payload.command ? job.payload.command : '')),
    el('td', {}, job.kind), statusCell(job.status), el('td', {}, String(job.attempts)), el('td', {}, job.node_id ? job.node_id.slice(0, 8) : (job.waiting_for || '—')),
    el('td', {}, actions));
}

function showResult(job) {
  shown = job.id;
  const out = $('job-result');
  out.textContent = JSON.stringify({ id: job.id, status: job.status, result: job.result, error: job.error }, null, 2);
  out.hidden = false;
}

async function act(job, what) {
  await guarded($('jobs-problem'), async () => {
    await api('POST', '/api/v1/jobs/' + encodeURIComponent(job.id) + '/' + what);
    await refresh();
  });
}

$('job-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  await guarded($('job-problem'), async () => {
    const args = $('job-args').value.split(' ').map((s) => s.trim()).filter(Boolean);
    const job = await api('POST', '/api/v1/jobs', { kind: 'shell', payload: { command: $('job-command').value.trim(), args } });
    shown = job.id;
    await refresh();
  });
});
$('job-status').addEventListener('change', refresh);
$('job-kind').addEventListener('change', refresh);
every(2000, refresh);

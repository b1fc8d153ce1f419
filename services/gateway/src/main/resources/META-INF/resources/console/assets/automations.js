// Automations: a live preview of the next 10 runs as the rule is typed, a form per action type,
// runs, pause/resume, delete.
import { $, api, el, guarded, showProblem, clearProblem, statusCell, when } from './api.js';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
$('a-tzid').value = zone;
$('zones').replaceChildren(...(Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : [zone]).map((z) => el('option', { value: z })));
const now = new Date();
now.setSeconds(0, 0);
$('a-dtstart').value = new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 19);

function dtstart() {
  const value = $('a-dtstart').value;
  return value && value.length === 16 ? value + ':00' : value;
}

let timer = null;
let sequence = 0;
function schedulePreview() {
  clearTimeout(timer);
  timer = setTimeout(preview, 250);
}

async function preview() {
  const rrule = $('a-rrule').value.trim();
  if (!rrule) {
    $('preview').replaceChildren();
    return;
  }
  const mine = ++sequence;
  try {
    const body = { rrule, tzid: $('a-tzid').value.trim(), count: 10 };
    if (dtstart()) body.dtstart = dtstart();
    const result = await api('POST', '/api/v1/automations/preview', body);
    if (mine !== sequence) return;
    clearProblem($('preview-problem'));
    $('preview').replaceChildren(...(result.occurrences || []).map((o) => el('tr', {}, el('td', {}, o.local), el('td', {}, o.utc))));
  } catch (e) {
    if (mine !== sequence) return;
    $('preview').replaceChildren();
    showProblem($('preview-problem'), e);
  }
}

function showAction() {
  for (const set of document.querySelectorAll('fieldset.action')) set.hidden = set.dataset.type !== $('a-type').value;
}

function json(text, field) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw Object.assign(new Error(field), { title: 'Invalid JSON', detail: field + ' is not valid JSON' });
  }
}

function action() {
  const type = $('a-type').value;
  if (type === 'ask') return { type, prompt: $('a-prompt').value };
  if (type === 'job') return { type, payload: { kind: $('a-job-kind').value, payload: json($('a-job-payload').value || '{}', 'Job payload') } };
  if (type === 'webhook') return { type, url: $('a-url').value, secret: $('a-secret').value || undefined };
  const out = { type, topic: $('a-topic').value };
  if ($('a-kafka-payload').value.trim()) out.payload = json($('a-kafka-payload').value, 'Kafka payload');
  return out;
}

async function load() {
  await guarded($('automations-problem'), async () => {
    const list = await api('GET', '/api/v1/automations');
    $('automations').replaceChildren(...(list.automations || []).map((a) => el('li', { 'data-automation': a.id },
      el('strong', {}, a.title), ' ', el('span', { class: 'help' }, a.rrule + ' · ' + a.tzid + ' · ' + a.action.type + (a.active ? '' : ' · paused')),
      el('div', { class: 'help' }, 'Next: ' + ((a.next_runs || []).slice(0, 3).map((o) => o.local).join(', ') || 'none')),
      el('button', { type: 'button', onclick: () => runs(a) }, 'Runs'),
      el('button', { type: 'button', onclick: () => setActive(a, !a.active) }, a.active ? 'Pause' : 'Resume'),
      el('button', { type: 'button', onclick: () => remove(a) }, 'Delete'))));
  });
}

async function runs(a) {
  await guarded($('automations-problem'), async () => {
    const list = await api('GET', '/api/v1/automations/' + encodeURIComponent(a.id) + '/runs');
    $('runs-title').textContent = a.title;
    $('runs').replaceChildren(...(list.runs || []).map((r) => el('tr', {}, el('td', {}, r.local || r.occurrence), el('td', {}, when(r.fired_at)), statusCell(r.status), el('td', {}, r.detail || ''))));
    $('runs-card').hidden = false;
  });
}

async function setActive(a, active) {
  await guarded($('automations-problem'), async () => {
    await api('PATCH', '/api/v1/automations/' + encodeURIComponent(a.id), { active });
    await load();
  });
}

async function remove(a) {
  if (!window.confirm('Delete automation "' + a.title + '"?')) return;
  await guarded($('automations-problem'), async () => {
    await api('DELETE', '/api/v1/automations/' + encodeURIComponent(a.id));
    await load();
  });
}

$('automation-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  await guarded($('automation-problem'), async () => {
    const body = { title: $('a-title').value, rrule: $('a-rrule').value.trim(), tzid: $('a-tzid').value.trim(), action: action() };
    if (dtstart()) body.dtstart = dtstart();
    await api('POST', '/api/v1/automations', body);
    await load();
  });
});
for (const id of ['a-rrule', 'a-tzid', 'a-dtstart']) $(id).addEventListener('input', schedulePreview);
$('a-type').addEventListener('change', showAction);
showAction();
load();

// Skills: the skills the caller can use, a form to install one from an archive, a form to run one
// and the recent runs.
import { $, absent, answer, api, el, guarded, headers, Problem, when } from './api.js';

async function load() {
  await guarded($('skills-problem'), async () => {
    try {
      const list = await api('GET', '/api/v1/skills');
      const skills = Array.isArray(list) ? list : list.skills || [];
      $('skill-rows').replaceChildren(...skills.map((s) => el('tr', { 'data-skill': s.name }, el('td', {}, s.name), el('td', {}, (s.version || '').slice(0, 12)), el('td', {}, s.description || ''))));
      const chosen = $('run-skill').value;
      $('run-skill').replaceChildren(...skills.map((s) => el('option', { value: s.name, selected: s.name === chosen }, s.name)));
      const runs = await api('GET', '/api/v1/skills/runs?limit=20');
      $('skill-runs').replaceChildren(...(runs.runs || []).map((r) => el('li', {}, (r.skill || '') + ' ' + (r.script || '') + ': exit ' + r.exit_code + ' in ' + r.duration_ms + ' ms, ' + when(r.created_at))));
    } catch (e) {
      if (absent(e)) {
        $('skill-rows').replaceChildren(el('tr', {}, el('td', { colspan: 3 }, 'The skills service has no routes here yet.')));
        return;
      }
      throw e;
    }
  });
}

$('install-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('install-result').textContent = '';
  await guarded($('install-problem'), async () => {
    const file = $('skill-archive').files[0];
    if (!file) throw new Problem(400, 'No archive', 'choose a .zip or .tar.gz of one skill folder');
    const response = await fetch('/api/v1/skills', {
      method: 'POST', headers: headers('POST', { 'Content-Type': 'application/octet-stream' }), body: file, credentials: 'same-origin',
    });
    const installed = await answer(response);
    $('install-result').textContent = 'Installed ' + installed.name + ' (version ' + installed.version.slice(0, 12) + ')'
      + (response.status === 200 ? ', already installed.' : '.');
    $('install-form').reset();
    await load();
  });
});

$('run-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('run-result').hidden = true;
  await guarded($('run-problem'), async () => {
    const body = {};
    if ($('run-script').value.trim()) body.script = $('run-script').value.trim();
    const input = $('run-input').value.trim();
    if (input) {
      try {
        body.input = JSON.parse(input);
      } catch (e) {
        throw new Problem(400, 'Input is not JSON', String(e.message || e));
      }
    }
    if ($('run-timeout').value) body.timeout_ms = Number($('run-timeout').value);
    const result = await api('POST', '/api/v1/skills/' + encodeURIComponent($('run-skill').value) + '/run', body);
    const output = typeof result.output === 'string' ? result.output : JSON.stringify(result.output, null, 2);
    $('run-result').textContent = 'exit ' + result.exit_code + ' in ' + result.duration_ms + ' ms' + (result.timed_out ? ' (timed out)' : '')
      + '\n' + (output || '') + (result.stderr ? '\n--- stderr ---\n' + result.stderr : '');
    $('run-result').hidden = false;
    await load();
  });
});

load();

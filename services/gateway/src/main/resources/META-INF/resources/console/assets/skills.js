// Skills: the skills the caller can use and their recent runs.
import { $, absent, api, el, guarded, when } from './api.js';

guarded($('skills-problem'), async () => {
  try {
    const list = await api('GET', '/api/v1/skills');
    const skills = Array.isArray(list) ? list : list.skills || [];
    $('skill-rows').replaceChildren(...skills.map((s) => el('tr', {}, el('td', {}, s.name), el('td', {}, s.version || ''), el('td', {}, s.description || ''))));
    const runs = await api('GET', '/api/v1/skills/runs');
    $('skill-runs').replaceChildren(...(runs.runs || []).map((r) => el('li', {}, (r.skill || '') + ' ' + (r.script || '') + ': exit ' + r.exit_code + ' in ' + r.duration_ms + ' ms, ' + when(r.created_at))));
  } catch (e) {
    if (absent(e)) {
      $('skill-rows').replaceChildren(el('tr', {}, el('td', { colspan: 3 }, 'The skills service has no routes here yet.')));
      return;
    }
    throw e;
  }
});

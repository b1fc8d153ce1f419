// Platform status: every service UP or DOWN, refreshed.
import { $, api, el, every, guarded, statusCell } from './api.js';

every(5000, () => guarded($('status-problem'), async () => {
  const status = await api('GET', '/api/v1/status');
  $('status-rows').replaceChildren(...(status.services || []).map((s) => el('tr', { 'data-service': s.name }, el('td', {}, s.name), statusCell(s.status), el('td', {}, s.version || '—'))));
  $('status-refreshed').textContent = 'Updated ' + new Date().toLocaleTimeString();
}));

// Settings: the default model and the fallbacks.
import { $, api, el, guarded } from './api.js';

async function load() {
  await guarded($('settings-problem'), async () => {
    const [settings, models] = await Promise.all([api('GET', '/api/v1/settings'), api('GET', '/api/v1/models')]);
    $('default-model').value = settings.default_model || '';
    $('fallbacks').value = (settings.fallbacks || []).join('\n');
    $('model-names').replaceChildren(...(models.models || []).map((m) => el('option', { value: m.model_name })));
  });
}

$('settings-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('settings-saved').textContent = '';
  const fallbacks = $('fallbacks').value.split('\n').map((s) => s.trim()).filter(Boolean);
  const body = { fallbacks };
  if ($('default-model').value.trim()) body.default_model = $('default-model').value.trim();
  await guarded($('settings-problem'), async () => {
    await api('PUT', '/api/v1/settings', body);
    $('settings-saved').textContent = 'Saved.';
  });
});
load();

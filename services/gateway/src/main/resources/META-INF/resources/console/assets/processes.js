// Processes: a form to define and start one, status, start/stop/restart, and live logs over the
// follow route's events.
import { $, absent, api, el, every, guarded, headers, statusCell } from './api.js';

let following = null;

async function refresh() {
  await guarded($('processes-problem'), async () => {
    try {
      const list = await api('GET', '/api/v1/processes');
      const processes = list.processes || [];
      $('process-rows').replaceChildren(...(processes.length ? processes.map((p) => el('tr', { 'data-process': p.name },
        el('td', {}, p.name, ' ', el('span', { class: 'help' }, [p.command].concat(p.args || []).join(' '))), statusCell(p.status),
        el('td', {},
          el('button', { type: 'button', onclick: () => act(p, 'start') }, 'Start'),
          el('button', { type: 'button', onclick: () => act(p, 'stop') }, 'Stop'),
          el('button', { type: 'button', onclick: () => act(p, 'restart') }, 'Restart'),
          el('button', { type: 'button', onclick: () => follow(p) }, 'Logs')))) : [el('tr', {}, el('td', { colspan: 3 }, 'No process yet (bin/zo run).'))]));
    } catch (e) {
      if (absent(e)) {
        $('process-rows').replaceChildren(el('tr', {}, el('td', { colspan: 3 }, 'The supervisor has no routes here yet.')));
        return;
      }
      throw e;
    }
  });
}

async function act(p, what) {
  await guarded($('processes-problem'), async () => {
    await api('POST', '/api/v1/processes/' + encodeURIComponent(p.name) + '/' + what);
    await refresh();
  });
}

async function follow(p) {
  if (following) following.abort();
  const controller = new AbortController();
  following = controller;
  $('logs-name').textContent = p.name;
  $('logs').textContent = '';
  $('logs-card').hidden = false;
  try {
    const response = await fetch('/api/v1/processes/' + encodeURIComponent(p.name) + '/logs?follow=true&tail=200', {
      headers: headers('GET', { Accept: 'text/event-stream' }), signal: controller.signal, credentials: 'same-origin',
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
        if (!data) continue;
        const line = JSON.parse(data);
        $('logs').append(document.createTextNode(line.text + '\n'));
        $('logs').scrollTop = $('logs').scrollHeight;
      }
    }
  } catch (e) {
    if (e.name !== 'AbortError') $('logs').append(document.createTextNode('[' + String(e.message || e) + ']\n'));
  }
}

$('create-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  await guarded($('create-problem'), async () => {
    const body = { name: $('process-name').value.trim(), command: $('process-command').value.trim(), restart: $('process-restart').value };
    const args = $('process-args').value.split('\n').map((a) => a.trim()).filter(Boolean);
    if (args.length) body.args = args;
    if ($('process-port').value) Object.assign(body, { mode: 'http', port: Number($('process-port').value) });
    await api('POST', '/api/v1/processes', body);
    $('create-form').reset();
    await refresh();
  });
});
$('logs-stop').addEventListener('click', () => following && following.abort());
every(5000, refresh);

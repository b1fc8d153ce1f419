// Usage: the caller's tokens per model as a bar chart drawn in SVG, and the totals as a table.
import { $, api, el, guarded } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Stacked bars (input, output tokens) per model, with an axis and labels. */
function chart(rows) {
  const width = 640;
  const bar = 28;
  const gap = 14;
  const left = 170;
  const height = Math.max(1, rows.length) * (bar + gap) + 40;
  const max = Math.max(1, ...rows.map((r) => r.input_tokens + r.output_tokens));
  const scale = (width - left - 60) / max;
  const root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'presentation' });
  rows.forEach((r, i) => {
    const y = 10 + i * (bar + gap);
    const label = r.key_name + ':' + r.model;
    root.append(svg('text', { x: left - 8, y: y + bar / 2 + 4, 'text-anchor': 'end' }, label.length > 26 ? label.slice(0, 25) + '…' : label));
    root.append(svg('rect', { x: left, y, width: Math.max(1, r.input_tokens * scale), height: bar, fill: '#2453c8' }));
    root.append(svg('rect', { x: left + r.input_tokens * scale, y, width: Math.max(1, r.output_tokens * scale), height: bar, fill: '#f0a500' }));
    root.append(svg('text', { x: left + (r.input_tokens + r.output_tokens) * scale + 6, y: y + bar / 2 + 4 }, String(r.input_tokens + r.output_tokens)));
  });
  const axis = height - 24;
  root.append(svg('line', { x1: left, y1: axis, x2: width - 60, y2: axis, stroke: '#5b6475' }));
  root.append(svg('text', { x: left, y: axis + 16 }, '0'));
  root.append(svg('text', { x: width - 60, y: axis + 16, 'text-anchor': 'end' }, String(max) + ' tokens'));
  root.append(svg('rect', { x: 10, y: axis + 6, width: 10, height: 10, fill: '#2453c8' }));
  root.append(svg('text', { x: 24, y: axis + 15 }, 'input'));
  root.append(svg('rect', { x: 70, y: axis + 6, width: 10, height: 10, fill: '#f0a500' }));
  root.append(svg('text', { x: 84, y: axis + 15 }, 'output'));
  return root;
}

guarded($('usage-problem'), async () => {
  const usage = await api('GET', '/api/v1/usage');
  const rows = usage.usage || [];
  $('chart').replaceChildren(rows.length ? chart(rows) : el('p', {}, 'No model call yet.'));
  $('usage-rows').replaceChildren(...rows.map((r) => el('tr', {}, el('td', {}, r.key_name), el('td', {}, r.model), el('td', {}, String(r.calls)), el('td', {}, String(r.input_tokens)), el('td', {}, String(r.output_tokens)))));
});

// Usage: the caller's tokens (input + output) per UTC day as bars stacked by model, drawn in SVG,
// and the totals per model as a table.
import { $, api, el, guarded } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#2453c8', '#f0a500', '#1f9d55', '#c2417a', '#6b46c1', '#d9480f', '#0b7285', '#5c940d'];

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Every UTC date from {@code from} to {@code to}, as YYYY-MM-DD. */
function daysBetween(from, to) {
  const out = [];
  for (let d = new Date(from + 'T00:00:00Z'); d <= new Date(to + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** A round step for the y axis: 1, 2 or 5 times a power of ten, about four ticks up to max. */
function step(max) {
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
}

/** One bar per day, one segment per model (key:model), with a y axis and date labels. */
function chart(daily) {
  const days = daysBetween(daily.from, daily.to);
  const series = [...new Set(daily.days.map((d) => d.key_name + ':' + d.model))].sort();
  const tokens = new Map();
  for (const d of daily.days) tokens.set(d.day + '|' + d.key_name + ':' + d.model, d.input_tokens + d.output_tokens);
  const totals = days.map((day) => series.reduce((sum, s) => sum + (tokens.get(day + '|' + s) || 0), 0));
  const width = 720;
  const height = 260;
  const left = 56;
  const bottom = 36;
  const top = 10;
  const plot = height - top - bottom;
  const unit = Math.max(1, step(Math.max(1, ...totals)));
  const max = Math.ceil(Math.max(1, ...totals) / unit) * unit;
  const slot = (width - left - 10) / days.length;
  const bar = Math.max(2, slot * 0.7);
  const root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'presentation' });
  for (let v = 0; v <= max; v += unit) {
    const y = top + plot - (v / max) * plot;
    root.append(svg('line', { x1: left, y1: y, x2: width - 10, y2: y, stroke: v === 0 ? '#5b6475' : '#d5d9e0' }));
    root.append(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, String(v)));
  }
  const labelEvery = Math.ceil(days.length / 10);
  days.forEach((day, i) => {
    const x = left + i * slot + (slot - bar) / 2;
    let y = top + plot;
    series.forEach((s, k) => {
      const value = tokens.get(day + '|' + s) || 0;
      if (!value) return;
      const h = (value / max) * plot;
      y -= h;
      const rect = svg('rect', { x, y, width: bar, height: Math.max(1, h), fill: COLOURS[k % COLOURS.length], 'data-day': day, 'data-series': s, 'data-tokens': value });
      rect.append(svg('title', {}, day + ' · ' + s + ': ' + value + ' tokens'));
      root.append(rect);
    });
    if (i % labelEvery === 0 || i === days.length - 1) {
      root.append(svg('text', { x: x + bar / 2, y: height - bottom + 16, 'text-anchor': 'middle' }, day.slice(5)));
    }
  });
  root.append(svg('text', { x: left, y: height - 4 }, 'UTC days, tokens (input + output)'));
  const legend = series.map((s, k) => el('li', {}, el('span', { class: 'swatch', 'data-colour': String(k % COLOURS.length) }), s));
  return { root, legend };
}

async function load() {
  await guarded($('usage-problem'), async () => {
    const daily = await api('GET', '/api/v1/usage/daily?days=' + encodeURIComponent($('days').value));
    if (daily.days.length) {
      const drawn = chart(daily);
      $('chart').replaceChildren(drawn.root);
      $('legend').replaceChildren(...drawn.legend);
    } else {
      $('chart').replaceChildren(el('p', {}, 'No model call in these days.'));
      $('legend').replaceChildren();
    }
    const usage = await api('GET', '/api/v1/usage');
    const rows = usage.usage || [];
    $('usage-rows').replaceChildren(...rows.map((r) => el('tr', {}, el('td', {}, r.key_name), el('td', {}, r.model), el('td', {}, String(r.calls)), el('td', {}, String(r.input_tokens)), el('td', {}, String(r.output_tokens)))));
  });
}

$('days-form').addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
load();

// Markdown of model answers rendered by building DOM nodes whose text is set as text: nothing a
// model writes is ever parsed as HTML, so an answer cannot run script in the page.
import { el } from './api.js';

const SAFE_LINK = /^(https?:|mailto:)/i;

/** The nodes of {@code text} rendered as Markdown (paragraphs, headings, lists, code). */
export function renderMarkdown(text) {
  const out = [];
  const lines = String(text).replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = line.match(/^\s*(```|~~~)\s*([\w+#.-]*)\s*$/);
    if (fence) {
      const body = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) body.push(lines[i++]);
      i++;
      const code = el('code', fence[2] ? { 'data-lang': fence[2] } : {}, body.join('\n'));
      out.push(el('pre', {}, code));
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    if (heading) {
      out.push(el('h' + Math.min(6, heading[1].length + 2), {}, inline(heading[2])));
      i++;
      continue;
    }
    if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      const ordered = /^\s*\d+[.)]\s+/.test(line);
      const list = el(ordered ? 'ol' : 'ul');
      while (i < lines.length && /^\s*([-*+]|\d+[.)])\s+/.test(lines[i])) {
        list.append(el('li', {}, inline(lines[i].replace(/^\s*([-*+]|\d+[.)])\s+/, ''))));
        i++;
      }
      out.push(list);
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    const paragraph = [];
    while (i < lines.length && lines[i].trim() !== '' && !/^\s*(```|~~~|#{1,6}\s|[-*+]\s|\d+[.)]\s)/.test(lines[i])) {
      paragraph.push(lines[i++]);
    }
    if (paragraph.length === 0) paragraph.push(lines[i++]);
    out.push(el('p', {}, inline(paragraph.join('\n'))));
  }
  return out;
}

/** Inline code, bold, italics and links of one block, as nodes. */
function inline(text) {
  const nodes = [];
  const pattern = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)|(\[[^\]]+\]\([^)\s]+\))/g;
  let last = 0;
  let match;
  while ((match = pattern.exec(text)) !== null) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    const token = match[0];
    if (match[1]) nodes.push(el('code', {}, token.slice(1, -1)));
    else if (match[2]) nodes.push(el('strong', {}, token.slice(2, -2)));
    else if (match[3]) nodes.push(el('em', {}, token.slice(1, -1)));
    else {
      const label = token.slice(1, token.indexOf(']'));
      const href = token.slice(token.indexOf('](') + 2, -1);
      nodes.push(SAFE_LINK.test(href) ? el('a', { href, rel: 'noopener noreferrer', target: '_blank' }, label) : token);
    }
    last = match.index + token.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

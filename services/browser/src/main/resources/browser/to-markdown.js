() => {
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD']);
  const inline = (node) => {
    let out = '';
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        out += child.textContent.replace(/\s+/g, ' ');
      } else if (child.nodeType === Node.ELEMENT_NODE && !skip.has(child.tagName)) {
        const text = inline(child);
        switch (child.tagName) {
          case 'A': {
            const href = child.getAttribute('href');
            out += href ? `[${text.trim()}](${child.href})` : text;
            break;
          }
          case 'STRONG': case 'B': out += text.trim() ? `**${text.trim()}**` : ''; break;
          case 'EM': case 'I': out += text.trim() ? `_${text.trim()}_` : ''; break;
          case 'CODE': out += '`' + child.textContent + '`'; break;
          case 'BR': out += '\n'; break;
          case 'IMG': out += `![${child.getAttribute('alt') || ''}](${child.src})`; break;
          case 'INPUT': case 'TEXTAREA': case 'SELECT': out += child.value ? ` ${child.value} ` : ''; break;
          default: out += isBlock(child) ? '\n' + block(child, '') + '\n' : text;
        }
      }
    }
    return out;
  };
  const blockTags = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'NAV',
    'ASIDE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'PRE', 'BLOCKQUOTE', 'TABLE',
    'TR', 'FORM', 'FIELDSET', 'HR', 'BODY', 'DL', 'DT', 'DD', 'FIGURE']);
  const isBlock = (el) => blockTags.has(el.tagName);
  const visible = (el) => {
    const style = getComputedStyle(el);
    return style.display !== 'none' && style.visibility !== 'hidden';
  };
  const block = (el, indent) => {
    if (!visible(el)) return '';
    const tag = el.tagName;
    if (/^H[1-6]$/.test(tag)) return '#'.repeat(Number(tag[1])) + ' ' + inline(el).trim();
    if (tag === 'PRE') return '```\n' + el.textContent.replace(/\n$/, '') + '\n```';
    if (tag === 'HR') return '---';
    if (tag === 'UL' || tag === 'OL') {
      return [...el.children].filter((li) => li.tagName === 'LI').map((li, i) => {
        const marker = tag === 'OL' ? `${i + 1}.` : '-';
        return indent + marker + ' ' + children(li, indent + '  ').trim();
      }).join('\n');
    }
    if (tag === 'BLOCKQUOTE') return children(el, indent).trim().split('\n').map((l) => '> ' + l).join('\n');
    if (tag === 'TABLE') {
      const rows = [...el.querySelectorAll('tr')].map((tr) =>
        '| ' + [...tr.children].map((c) => inline(c).trim().replace(/\|/g, '\\|')).join(' | ') + ' |');
      if (rows.length === 0) return '';
      const width = el.querySelector('tr').children.length;
      rows.splice(1, 0, '|' + ' --- |'.repeat(width));
      return rows.join('\n');
    }
    return children(el, indent);
  };
  const children = (el, indent) => {
    const parts = [];
    let run = '';
    const flush = () => { if (run.trim()) parts.push(run.trim()); run = ''; };
    for (const child of el.childNodes) {
      if (child.nodeType === Node.ELEMENT_NODE && skip.has(child.tagName)) continue;
      if (child.nodeType === Node.ELEMENT_NODE && isBlock(child)) {
        flush();
        const text = block(child, indent);
        if (text.trim()) parts.push(text);
      } else if (child.nodeType === Node.ELEMENT_NODE || child.nodeType === Node.TEXT_NODE) {
        run += child.nodeType === Node.TEXT_NODE ? child.textContent.replace(/\s+/g, ' ')
          : (visible(child) ? inline({ childNodes: [child] }) : '');
      }
    }
    flush();
    return parts.join('\n\n');
  };
  const title = document.title ? '# ' + document.title + '\n\n' : '';
  return (title + children(document.body || document.documentElement, '')).replace(/\n{3,}/g, '\n\n').trim();
}

// Chat: conversations, models and personas from the API, answers streamed token by token from the
// ask route's server-sent events over fetch, a stop button that aborts the stream; search and
// rename of conversations, and the memories recalled for each answer.
import { $, api, answer, clearProblem, el, guarded, headers, Problem, showProblem } from './api.js';
import { renderMarkdown } from './markdown.js';

let conversations = [];
let current = null;
let streaming = null;

async function loadOptions() {
  const [models, personas, settings] = await Promise.all([
    api('GET', '/api/v1/models').catch(() => ({ models: [] })),
    api('GET', '/api/v1/personas').catch(() => ({ personas: [] })),
    api('GET', '/api/v1/settings').catch(() => ({})),
  ]);
  const select = $('model');
  for (const model of models.models || []) {
    const label = model.model_name + (model.key_set ? '' : ' (no key)');
    select.append(el('option', { value: model.model_name }, label));
  }
  if (settings && settings.default_model) select.firstElementChild.textContent = 'Your default (' + settings.default_model + ')';
  for (const persona of personas.personas || []) {
    $('persona').append(el('option', { value: persona.id }, persona.name));
  }
}

let searchTimer = null;

/** The caller's conversations; with text in the search box, those whose title or a message holds it. */
async function loadConversations() {
  await guarded($('conversations-problem'), async () => {
    const query = $('conversation-search').value.trim();
    const list = await api('GET', '/api/v1/conversations?limit=100' + (query ? '&q=' + encodeURIComponent(query) : ''));
    if (query !== $('conversation-search').value.trim()) return;
    conversations = list.conversations || [];
    renderConversations();
  });
}

function searchSoon() {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(loadConversations, 250);
}

function renderConversations() {
  const items = conversations.map((c) => el('li', { 'data-conversation': c.id },
    el('button', { type: 'button', class: 'open', 'aria-current': c.id === current ? 'true' : 'false', onclick: () => openConversation(c.id) }, c.title || 'Untitled'),
    el('button', { type: 'button', class: 'secondary', 'aria-label': 'Rename conversation ' + (c.title || c.id), onclick: (e) => renameForm(e.target.closest('li'), c) }, 'Rename'),
    el('button', { type: 'button', 'aria-label': 'Delete conversation ' + (c.title || c.id), onclick: () => deleteConversation(c) }, 'Delete')));
  if (!items.length && $('conversation-search').value.trim()) items.push(el('li', { class: 'help' }, 'No conversation matches.'));
  $('conversation-list').replaceChildren(...items);
}

/** Replaces a conversation's row by a labelled title field with Save and Cancel. */
function renameForm(row, c) {
  const id = 'rename-' + c.id;
  const input = el('input', { id, name: 'title', value: c.title || '', maxlength: '200', required: true });
  const form = el('form', { class: 'rename' },
    el('label', { for: id }, 'New title'), input,
    el('button', { type: 'submit' }, 'Save'),
    el('button', { type: 'button', class: 'secondary', onclick: renderConversations }, 'Cancel'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await guarded($('conversations-problem'), async () => {
      await api('PATCH', '/api/v1/conversations/' + encodeURIComponent(c.id), { title: input.value });
      await loadConversations();
    });
  });
  row.replaceChildren(form);
  input.focus();
  input.select();
}

async function openConversation(id) {
  await guarded($('conversations-problem'), async () => {
    const view = await api('GET', '/api/v1/conversations/' + encodeURIComponent(id));
    current = id;
    $('messages').replaceChildren();
    for (const message of view.messages || []) {
      if (message.role === 'user') {
        addMessage('user', message.content);
      } else if (message.role === 'assistant' && message.content) {
        addMessage('assistant', message.content);
      }
    }
    renderConversations();
  });
}

async function deleteConversation(c) {
  if (!window.confirm('Delete "' + (c.title || c.id) + '"?')) return;
  await guarded($('conversations-problem'), async () => {
    await api('DELETE', '/api/v1/conversations/' + encodeURIComponent(c.id));
    if (current === c.id) newChat();
    await loadConversations();
  });
}

function newChat() {
  current = null;
  $('messages').replaceChildren();
  renderConversations();
  $('prompt').focus();
}

/** Appends a message; an assistant's gets a body rendered as Markdown. */
function addMessage(role, text) {
  const body = el('div', { class: 'body' });
  const item = el('li', { class: 'message ' + role }, el('div', { class: 'role' }, role === 'user' ? 'You' : 'Assistant'), body);
  if (role === 'user') body.textContent = text;
  else setAnswer(item, text);
  $('messages').append(item);
  item.scrollIntoView({ block: 'end' });
  return item;
}

function setAnswer(item, text) {
  item.querySelector('.body').replaceChildren(...renderMarkdown(text));
}

/**
 * Adds to an answer the memories its context was given (the answer's metadata, as agents recalled
 * them for this turn), listed when the button is pressed.
 */
function addRecalled(item, recalled) {
  const memories = recalled || [];
  const list = el('ul', { class: 'list recalled', hidden: true },
    memories.length
      ? memories.map((m) => el('li', { 'data-memory': m.id }, m.excerpt, ' ', el('span', { class: 'help' }, '(score ' + Number(m.score).toFixed(2) + ')')))
      : el('li', {}, 'No memory was recalled for this answer.'));
  const show = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, 'Recalled memories (' + memories.length + ')');
  show.addEventListener('click', () => {
    list.hidden = !list.hidden;
    show.setAttribute('aria-expanded', String(!list.hidden));
  });
  item.append(show, list);
}

/** Reads server-sent events from a fetch body, calling {@code onEvent(name, data)} for each. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(name, data.join('\n'));
    }
  }
}

async function ask(event) {
  event.preventDefault();
  const input = $('prompt').value.trim();
  if (!input || streaming) return;
  clearProblem($('ask-problem'));
  addMessage('user', input);
  const item = addMessage('assistant', '');
  item.classList.add('streaming');
  $('prompt').value = '';
  const request = { input, stream: true };
  if (current) request.conversation_id = current;
  if ($('model').value) request.model_name = $('model').value;
  if ($('persona').value) request.persona_id = $('persona').value;
  const controller = new AbortController();
  streaming = controller;
  $('send').disabled = true;
  $('stop').disabled = false;
  const started = performance.now();
  let text = '';
  try {
    const response = await fetch('/api/v1/ask', {
      method: 'POST',
      headers: headers('POST', { 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
      body: JSON.stringify(request),
      signal: controller.signal,
      credentials: 'same-origin',
    });
    if (!response.ok || !(response.headers.get('Content-Type') || '').startsWith('text/event-stream')) {
      await answer(response);
      throw new Problem(response.status, 'Unexpected answer', 'the ask route did not stream');
    }
    await readEvents(response.body, (name, data) => {
      const json = JSON.parse(data);
      if (name === 'FrontendModelResponse') {
        if (!item.dataset.firstTokenMs) item.dataset.firstTokenMs = String(Math.round(performance.now() - started));
        text += json.content || '';
        setAnswer(item, text);
      } else if (name === 'End') {
        if (json.conversation_id && json.conversation_id !== current) {
          current = json.conversation_id;
          loadConversations();
        }
        if (!text && typeof json.output === 'string') setAnswer(item, json.output);
        addRecalled(item, json.metadata && json.metadata.recalled_memories);
        item.dataset.done = 'true';
      } else if (name === 'Error') {
        throw new Problem(502, 'The model failed', json.message || '');
      }
    });
  } catch (e) {
    if (e.name === 'AbortError') {
      item.dataset.stopped = 'true';
      item.append(el('p', { class: 'help' }, 'Stopped.'));
    } else {
      showProblem($('ask-problem'), e instanceof Problem ? e : new Problem(0, 'Error', String(e.message || e)));
    }
  } finally {
    item.classList.remove('streaming');
    streaming = null;
    $('send').disabled = false;
    $('stop').disabled = true;
  }
}

$('ask-form').addEventListener('submit', ask);
$('prompt').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) {
    e.preventDefault();
    $('ask-form').requestSubmit();
  }
});
$('stop').addEventListener('click', () => streaming && streaming.abort());
$('new-chat').addEventListener('click', newChat);
$('conversation-search').addEventListener('input', searchSoon);
loadOptions();
loadConversations();

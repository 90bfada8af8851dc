// panya class — the shell page: the real panya REPL (the student's own session on the server)
// in term.js over a WebSocket; a plain text box below it for phones and Japanese input, and
// big buttons for the keys a phone keyboard lacks.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const $ = (id) => document.getElementById(id);
  const keys = { tab: '\t', up: '\x1b[A', down: '\x1b[B', 'ctrl-c': '\x03', 'ctrl-d': '\x04' };
  let socket = null;
  let term = null;

  /** Columns and rows that fit the page (the server keeps 40–200 columns). */
  function size() {
    const measure = $('measure');
    const charWidth = measure.getBoundingClientRect().width / 10 || 8.4;
    const lineHeight = measure.getBoundingClientRect().height || 17.5;
    const width = $('term').clientWidth - 12;
    const cols = Math.max(40, Math.min(200, Math.floor(width / charWidth)));
    const free = window.innerHeight - $('term').getBoundingClientRect().top - 190;
    const rows = Math.max(12, Math.min(40, Math.floor(free / lineHeight)));
    return { cols, rows };
  }

  function send(text) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(text);
  }

  function showStatus(message) {
    $('status').hidden = !message;
    $('status-text').textContent = message || '';
  }

  function connect() {
    showStatus('');
    const { cols, rows } = size();
    if (term) {
      term.destroy();
      $('term').replaceChildren();
    }
    term = new Terminal({ cols, rows, useStyle: false, screenKeys: false, scrollback: 1000 });
    term.open($('term'));
    term.on('data', send);
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(scheme + '//' + location.host + '/api/shell?cols=' + cols + '&rows=' + rows + '&lang=' + Panya.lang);
    socket.addEventListener('message', (event) => {
      if (typeof event.data === 'string') term.write(event.data);
    });
    socket.addEventListener('close', () => {
      showStatus(Panya.t('shell.closed'));
      Panya.me().catch(() => {}); // an ended session goes back to the join page
    });
    term.element.focus();
  }

  $('line-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const line = $('line');
    send(line.value + '\r');
    line.value = '';
  });
  for (const button of $('keys').querySelectorAll('button')) {
    // Keep the focus where it was (the text box keeps the phone's keyboard up).
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => send(keys[button.dataset.key]));
  }
  $('reconnect').addEventListener('click', connect);
  $('term').addEventListener('click', () => { if (term) term.element.focus(); });

  (async () => {
    try {
      const who = await Panya.me();
      $('who').textContent = who.name;
      connect();
    } catch (e) {
      if (e.status !== 401) showStatus(e.message);
    }
  })();
});

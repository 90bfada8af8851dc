// panya class — the register screen: a photo in (camera, file or drop), each kept bread boxed,
// the candidates filtered live by the service's rule, the register, checkout and receipt, and
// the student's own total function beside it.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const $ = (id) => document.getElementById(id);
  const state = { photo: null, candidates: [], register: null, busy: false };

  const input = $('photo-input');
  const takeLabel = $('take-label');
  const assumed = $('assumed');
  const slider = $('min-confidence');
  const addButton = $('add');

  // ---- the service's rule, shown live ----

  /** Whether a candidate is kept: by its assumed threshold (switch on) or by MinConfidence. */
  function kept(candidate) {
    if (assumed.checked) return candidate.confidence >= (candidate.threshold ?? 0);
    return candidate.confidence >= Number(slider.value);
  }

  function percent(value) {
    return Number(value).toFixed(1);
  }

  function drawCandidates() {
    $('min-value').textContent = slider.value;
    slider.classList.toggle('inactive', assumed.checked);
    $('rule').textContent = assumed.checked ? Panya.t('cand.rule.assumed') : Panya.t('cand.rule.min', slider.value);
    const list = $('candidates');
    const boxes = $('boxes');
    list.replaceChildren();
    boxes.replaceChildren();
    if (state.photo && state.candidates.length === 0) list.append(Panya.el('li', 'empty', Panya.t('cand.none')));
    for (const candidate of state.candidates) {
      const keep = kept(candidate);
      const item = Panya.el('li', keep ? 'kept' : 'held');
      item.dataset.name = candidate.name;
      item.append(Panya.el('span', 'mark', keep ? '✔' : '·'));
      item.append(Panya.el('span', 'name', candidate.name));
      item.append(Panya.el('span', 'conf', percent(candidate.confidence)));
      const bar = Panya.el('span', 'why');
      const limit = assumed.checked ? candidate.threshold : Number(slider.value);
      const limitText = limit === null || limit === undefined ? '—' : percent(limit);
      const label = assumed.checked ? Panya.t('cand.threshold') : 'MinConfidence';
      bar.textContent = (keep ? '≥ ' : '< ') + label + ' ' + limitText + '  ' + (keep ? Panya.t('cand.kept') : Panya.t('cand.held'));
      item.append(bar);
      list.append(item);
      if (keep && candidate.box) {
        const box = Panya.el('div', 'box');
        box.style.left = (candidate.box.left * 100) + '%';
        box.style.top = (candidate.box.top * 100) + '%';
        box.style.width = (candidate.box.width * 100) + '%';
        box.style.height = (candidate.box.height * 100) + '%';
        box.dataset.name = candidate.name;
        const tag = Panya.el('span', 'tag', candidate.name + ' ' + percent(candidate.confidence));
        if (candidate.box.top < 0.08) tag.classList.add('inside');
        box.append(tag);
        boxes.append(box);
      }
    }
    addButton.disabled = state.busy || addButton.hasAttribute('aria-busy') || !state.photo || !state.candidates.some(kept);
  }

  assumed.addEventListener('change', drawCandidates);
  slider.addEventListener('input', () => {
    assumed.checked = false; // moving the slider means "send this MinConfidence"
    drawCandidates();
  });

  // ---- photos ----

  function setSending(sending) {
    state.busy = sending;
    input.disabled = sending;
    takeLabel.classList.toggle('disabled', sending);
    $('spinner').hidden = !sending;
    addButton.disabled = sending || !state.photo;
  }

  const maxBytes = 15000000; // the server's limit; a bigger photo is refused before it is sent

  async function send(file) {
    if (!file || state.busy) return;
    Panya.say($('photo-error'), '');
    if (file.size > maxBytes) {
      Panya.say($('photo-error'), Panya.t('photo.tooLarge', (file.size / 1e6).toFixed(1)));
      input.value = '';
      return;
    }
    setSending(true);
    try {
      const answer = await Panya.api('POST', '/api/photos', file, {
        'Content-Type': file.type || 'application/octet-stream',
        'X-Photo-Name': encodeURIComponent(file.name || 'photo'),
      });
      state.photo = answer.photo;
      state.candidates = answer.candidates;
      const img = $('photo');
      await new Promise((resolve) => {
        img.onload = resolve;
        img.onerror = resolve;
        img.src = answer.photo.url + '?v=' + Date.now();
      });
      img.alt = file.name || '';
      $('photo-empty').hidden = true;
      $('photo-frame').hidden = false;
      state.model = answer.model;
      drawModel();
      Panya.say($('model-note'), answer.model.note || '');
    } catch (e) {
      if (e.status === 401) { location.replace('/?lang=' + Panya.lang); return; }
      Panya.say($('photo-error'), e.message);
    } finally {
      setSending(false);
      input.value = '';
      drawCandidates();
    }
  }

  function drawModel() {
    if (!state.model) return;
    const model = $('model');
    model.textContent = Panya.t('photo.model') + state.model.name;
    model.title = state.model.arn;
    model.hidden = false;
  }

  input.addEventListener('change', () => send(input.files[0]));
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  // A photo dropped beside the card is not opened by the browser in place of the page.
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (file) send(file);
  });

  // ---- the register ----

  function fillSums(prefix, register) {
    $(prefix + 'subtotal').textContent = Panya.yen(register.subtotal);
    $(prefix + 'tax-label').textContent = Panya.t('reg.tax', register.taxRate);
    $(prefix + 'tax').textContent = Panya.yen(register.tax);
    $(prefix + 'total').textContent = Panya.yen(register.total);
  }

  function lineRow(line) {
    const row = document.createElement('tr');
    const name = Panya.el('td', 'item', line.name);
    if (line.confirm) {
      const flag = Panya.el('span', 'confirm', '⚠');
      flag.title = Panya.t('reg.confirm');
      flag.setAttribute('aria-label', Panya.t('reg.confirm'));
      name.append(' ', flag);
      row.classList.add('to-confirm');
    }
    row.append(name, Panya.el('td', 'num', Panya.yen(line.unitPrice)), Panya.el('td', 'num', '×' + line.qty),
      Panya.el('td', 'num', Panya.yen(line.amount)));
    return row;
  }

  function drawRegister(register) {
    state.register = register;
    const body = $('lines');
    body.replaceChildren();
    if (register.lines.length === 0) {
      const row = document.createElement('tr');
      const cell = Panya.el('td', 'empty', Panya.t('reg.empty'));
      cell.colSpan = 4;
      row.append(cell);
      body.append(row);
    }
    for (const line of register.lines) body.append(lineRow(line));
    fillSums('', register);
    $('confirm-note').hidden = !register.lines.some((line) => line.confirm);
    $('checkout').disabled = register.lines.length === 0;
    $('clear').disabled = register.lines.length === 0;
    $('register-total').textContent = Panya.yen(register.total);
    if (state.checkedTotal !== undefined && state.checkedTotal !== register.total) {
      // The register changed since the code ran: the comparison is stale until it runs again.
      $('student-total').textContent = Panya.t('code.noTotal');
      $('verdict').hidden = true;
      state.checkedTotal = undefined;
      state.studentTotal = null;
    }
  }

  async function registerCall(button, method, path, body) {
    return Panya.busy(button, async () => {
      Panya.say($('register-error'), '');
      try {
        return await Panya.api(method, path, body);
      } catch (e) {
        if (e.status === 401) location.replace('/?lang=' + Panya.lang);
        Panya.say($('register-error'), e.message);
        return null;
      }
    });
  }

  addButton.addEventListener('click', async () => {
    if (!state.photo) return;
    const register = await registerCall(addButton, 'POST', '/api/register/add',
      { photo: state.photo.id, minConfidence: assumed.checked ? null : Number(slider.value) });
    if (register) drawRegister(register);
    drawCandidates();
  });
  $('clear').addEventListener('click', async () => {
    const register = await registerCall($('clear'), 'POST', '/api/register/clear');
    if (register) drawRegister(register);
    $('receipt').hidden = true;
  });
  $('checkout').addEventListener('click', async () => {
    const receipt = await registerCall($('checkout'), 'POST', '/api/register/checkout');
    if (!receipt) return;
    state.receipt = receipt;
    drawReceipt();
    $('receipt').hidden = false;
    $('receipt').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    const register = await Panya.api('GET', '/api/register').catch(() => null);
    if (register) drawRegister(register);
  });
  function drawReceipt() {
    const receipt = state.receipt;
    if (!receipt) return;
    // The session clock's time; the wall clock's beside it when the clock is a simulated one.
    $('receipt-head').textContent = Panya.t('receipt.number', receipt.number) + '  '
      + receipt.time.replace('T', ' ').replace(/(\.\d+)?([+-]\d\d:?\d\d|Z)$/, '');
    // On a line of its own, so it never wraps the receipt's first line on a narrow card.
    const real = receipt.realTime && Math.abs(Date.parse(receipt.realTime) - Date.parse(receipt.time)) >= 1000;
    $('receipt-real').textContent = real
      ? Panya.t('receipt.real', receipt.realTime.replace('T', ' ').replace(/\.\d+/, '').replace('Z', ' UTC')) : '';
    $('receipt-real').hidden = !real;
    $('receipt-lines').replaceChildren(...receipt.register.lines.map(lineRow));
    fillSums('receipt-', receipt.register);
  }

  $('print').addEventListener('click', () => window.print());
  $('receipt-close').addEventListener('click', () => { $('receipt').hidden = true; });

  // ---- the student's code ----

  const code = $('code');

  /** The characters of a line as the language counts columns (grapheme clusters where the browser knows them). */
  function characters(text) {
    if (typeof Intl !== 'undefined' && Intl.Segmenter) {
      return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
    }
    return Array.from(text);
  }

  function showProblem(problem, source) {
    const lines = source.split('\n');
    const lineText = lines[problem.line - 1] ?? '';
    const chars = characters(lineText);
    const before = chars.slice(0, Math.max(0, problem.column - 1)).join('');
    $('problem-message').textContent = problem.line + ':' + problem.column + ' ' + problem.message;
    $('problem-line').textContent = lineText;
    $('problem-pad').textContent = before;
    $('problem').hidden = false;
    // Move the cursor there.
    let offset = 0;
    for (let i = 0; i < problem.line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    offset += before.length;
    code.focus();
    code.setSelectionRange(offset, offset);
  }

  $('run').addEventListener('click', () => Panya.busy($('run'), async () => {
    Panya.say($('code-error'), '');
    $('problem').hidden = true;
    try {
      const check = await Panya.api('POST', '/api/code', { source: code.value });
      state.checkedTotal = check.registerTotal;
      state.studentTotal = check.studentTotal;
      $('compare').hidden = false;
      $('student-total').textContent = check.studentTotal === null || check.studentTotal === undefined
        ? Panya.t('code.noTotal') : Panya.yen(check.studentTotal);
      $('register-total').textContent = Panya.yen(check.registerTotal);
      const verdict = $('verdict');
      verdict.hidden = !check.ok || check.studentTotal === null || check.studentTotal === undefined;
      verdict.textContent = check.agrees ? Panya.t('code.agree') : Panya.t('code.differ');
      verdict.className = 'verdict ' + (check.agrees ? 'agree' : 'differ');
      Panya.say($('code-note'), check.note || '');
      if (check.problem) showProblem(check.problem, code.value);
    } catch (e) {
      if (e.status === 401) location.replace('/?lang=' + Panya.lang);
      Panya.say($('code-error'), e.message);
    }
  }));
  code.addEventListener('keydown', (event) => {
    if (event.key === 'Tab' && !event.shiftKey) { // two spaces, as the starting code is indented
      event.preventDefault();
      code.setRangeText('  ', code.selectionStart, code.selectionEnd, 'end');
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      $('run').click();
    }
  });

  // ---- start ----

  Panya.onLang(() => {
    // Messages the server wrote in the other language are cleared; the rest is drawn again.
    for (const id of ['photo-error', 'register-error', 'code-error', 'model-note', 'code-note']) Panya.say($(id), '');
    $('problem').hidden = true;
    drawCandidates();
    drawModel();
    drawReceipt();
    if (state.register) drawRegister(state.register);
    if (state.studentTotal !== null && state.studentTotal !== undefined) $('student-total').textContent = Panya.yen(state.studentTotal);
    const verdict = $('verdict');
    if (!verdict.hidden) verdict.textContent = verdict.classList.contains('agree') ? Panya.t('code.agree') : Panya.t('code.differ');
  });

  (async () => {
    try {
      const who = await Panya.me();
      $('who').textContent = who.name;
      const [register, source] = await Promise.all([Panya.api('GET', '/api/register'), Panya.api('GET', '/api/code')]);
      drawRegister(register);
      // The model the register asks (chosen on the console's model page), until a photo's answer says otherwise.
      if (register.model && !state.model) { state.model = register.model; drawModel(); }
      code.value = source.source;
    } catch (e) {
      if (e.status !== 401) Panya.say($('register-error'), e.message);
    }
    drawCandidates();
  })();
});

// The console: datasets, labelling with boxes, training, the evaluation, the model and the month.
// Every number shown comes from the server's answer (the shell's own commands); nothing is set as HTML.
'use strict';

const TEXT = {
  ja: {
    title: 'パン屋 AI コンソール', tabDatasets: 'データセット', tabLabel: 'ラベル付け', tabTrain: 'トレーニング', tabEvaluation: '評価',
    tabModel: 'モデル', tabMonth: '1か月', createProject: 'プロジェクトを作る', projectName: 'プロジェクト名 (英字・数字・_ . -)', create: '作成',
    project: 'プロジェクト', labels: 'ラベル', addLabel: 'ラベルを追加', labelPlaceholder: '例: あんぱん', prev: '← 前', next: '次 →',
    currentLabel: 'ラベル', deleteBox: '枠を消す', acceptAll: '候補をすべて採用',
    labelHint: '写真の上でドラッグして枠を描きます。枠をドラッグで移動、角の丸で大きさを変えます。点線は AI の候補: タップで採用、× で却下。キー: N/→ 次、P/← 前、Delete 消す、1〜9 ラベル、A 候補を採用。',
    trainTitle: 'モデルをトレーニング', trainButton: 'トレーニング開始', status: '状態', advance10m: '時計を 10 分進める', advance1h: '1 時間進める',
    wait: '終わるまで待つ', evaluationTitle: '評価', overallF1: '全体の F1 スコア', precision: '適合率', recall: '再現率', testImages: 'テスト画像',
    label: 'ラベル', threshold: 'しきい値', sliderTitle: 'しきい値を動かすと', sliderReset: '想定しきい値に戻す',
    tp: '正しく見つけた', fp: 'まちがい', fn: '見のがし', modelTitle: 'モデル', start: '開始', stop: '停止', bill: '料金', versions: 'バージョン',
    monthTitle: '1か月のシミュレーション', scheduleLesson: '例のスケジュールを追加 (6:30 開始・19:30 停止、東京)', scheduleRemove: 'スケジュールを消す',
    policyCheck: 'ロールのポリシーを確認', simulate: '30 日進めてみる',
    train: 'トレーニング用', test: 'テスト用', photos: '枚', labelled: 'ラベル付き', unlabelled: 'ラベルなし', boxes: '枠',
    upload: '写真を追加 (複数可)', createDataset: 'データセットを作る', noDataset: 'まだ作っていません',
    saved: '保存しました', saving: '保存中…', noPhotos: 'データセットに写真がありません。「データセット」で写真を追加しましょう。',
    pickLabel: '先にラベルを追加してください (データセットのページ)', photoGone: 'この写真はデータセットから外されました。一覧に戻ります。',
    uploaded: '枚の写真を追加しました', notJoined: 'まず参加してください。', running: '実行中…', noModel: 'まだモデルがありません。トレーニングしましょう。',
    accept: '採用', reject: '却下', proposal: '候補', trainingHours: 'トレーニング時間',
    runningHours: '稼働時間', scheduled: 'スケジュールあり (30日)', alwaysOn: 'つけっぱなし (30日)', total: '合計', events: '開始/停止',
    hoursPerDay: '1日の稼働時間', usdPerDay: 'USD/日', noEvaluation: '評価がまだありません (トレーニングが終わると出ます)',
    registerUses: 'レジが使うモデル', meter: '料金メーター (推論・トレーニングの合計)',
    versionsHint: 'トレーニングするたびに新しいバージョン (新しい ARN) ができます。レジの写真に答えられるのは RUNNING のバージョンだけです。',
    useVersion: 'このバージョンを使う', inUse: 'レジで使用中', created: '作成', billed: '料金', nowUsing: 'レジはこのバージョンを使います: ',
    seedFigures: 'レッスンの数字 (1 ユニット・30 日): つけっぱなし 24 時間 × 30 日 × 4 USD = 2,880 USD、6:30 開始・19:30 停止なら 13 時間 × 30 日 × 4 USD = 1,560 USD。',
    targetModel: 'スケジュールの対象: ', noTarget: 'スケジュールがないので、すべてのモデルの合計です。',
    savedUSD: '節約', otherModels: 'ほかのモデル (つけっぱなし)', allModels: 'すべてのモデルの合計', inference: '推論',
    otherNote: 'ほかに動いているモデルの料金は比較に入れていません (使わないモデルは「モデル」で停止できます)。',
    remove: '外す', orLesson: 'または、レッスン5の写真 (トレーニング30枚・テスト3枚) で始めます:', lessonProject: 'レッスンの写真で始める',
  },
  en: {
    title: 'Bakery AI console', tabDatasets: 'Datasets', tabLabel: 'Labelling', tabTrain: 'Training', tabEvaluation: 'Evaluation',
    tabModel: 'Model', tabMonth: 'Month', createProject: 'Create a project', projectName: 'Project name (letters, digits, _ . -)', create: 'Create',
    project: 'Project', labels: 'Labels', addLabel: 'Add label', labelPlaceholder: 'e.g. anpan', prev: '← Prev', next: 'Next →',
    currentLabel: 'Label', deleteBox: 'Delete box', acceptAll: 'Accept all suggestions',
    labelHint: 'Drag on the photo to draw a box. Drag a box to move it, its round corner to resize. Dashed boxes are the AI\'s suggestions: tap to accept, × to reject. Keys: N/→ next, P/← previous, Delete, 1–9 label, A accept a suggestion.',
    trainTitle: 'Train a model', trainButton: 'Train', status: 'Status', advance10m: 'Advance the clock 10 min', advance1h: 'Advance 1 hour',
    wait: 'Wait until done', evaluationTitle: 'Evaluation', overallF1: 'Overall F1 score', precision: 'Precision', recall: 'Recall', testImages: 'Test images',
    label: 'Label', threshold: 'Threshold', sliderTitle: 'Move the threshold', sliderReset: 'Back to the assumed thresholds',
    tp: 'found correctly', fp: 'wrong', fn: 'missed', modelTitle: 'Model', start: 'Start', stop: 'Stop', bill: 'Bill', versions: 'Versions',
    monthTitle: 'A simulated month', scheduleLesson: 'Add the example schedules (start 6:30, stop 19:30, Tokyo)', scheduleRemove: 'Remove the schedules',
    policyCheck: 'Check the role\'s policy', simulate: 'Run 30 days',
    train: 'Training', test: 'Test', photos: 'photos', labelled: 'labelled', unlabelled: 'unlabelled', boxes: 'boxes',
    upload: 'Add photos (many at once)', createDataset: 'Create dataset', noDataset: 'not created yet',
    saved: 'Saved', saving: 'Saving…', noPhotos: 'The datasets have no photos: add some on the Datasets page.',
    pickLabel: 'Add a label first (Datasets page)', photoGone: 'This photo was taken out of its dataset; back to the list.',
    uploaded: 'photos added', notJoined: 'Join the class first.', running: 'Running…', noModel: 'No model yet: train one.',
    accept: 'Accept', reject: 'Reject', proposal: 'suggestion', trainingHours: 'Training hours',
    runningHours: 'Running hours', scheduled: 'Scheduled (30 days)', alwaysOn: 'Always on (30 days)', total: 'Total', events: 'starts/stops',
    hoursPerDay: 'running hours per day', usdPerDay: 'USD/day', noEvaluation: 'No evaluation yet (it appears when training completes)',
    registerUses: 'The register screen uses', meter: 'Billing meter (inference and training so far)',
    versionsHint: 'Each training makes a new version with a new ARN. Only a RUNNING version can answer the register\'s photos.',
    useVersion: 'Use this version', inUse: 'used by the register', created: 'created', billed: 'billed', nowUsing: 'The register now uses ',
    seedFigures: 'The lesson\'s figures (1 unit, 30 days): always on 24 h × 30 days × 4 USD = 2,880 USD; started at 6:30 and stopped at 19:30, 13 h × 30 days × 4 USD = 1,560 USD.',
    targetModel: 'The schedules\' model: ', noTarget: 'No schedule: the total of every model.',
    savedUSD: 'Saved', otherModels: 'Other models (left running)', allModels: 'All models, total', inference: 'inference',
    otherNote: 'Other running models are not in the comparison (stop the ones you do not use on the Model page).',
    remove: 'Remove', orLesson: 'Or start from lesson 5\'s photos (30 training, 3 test):', lessonProject: 'Start from the lesson\'s photos',
  },
};

const state = {
  lang: new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'ja',
  csrf: '', project: null, photos: [], index: 0, view: null, boxes: [], proposals: [], selected: -1, label: '',
  evaluation: null, saveSeq: 0,
};

const $ = (id) => document.getElementById(id);
const t = (key) => (TEXT[state.lang][key] ?? key);
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
const pct = (v) => (v * 100).toFixed(2) + '%';
const num = (v, d = 3) => (typeof v === 'number' ? v.toFixed(d) : '-');

function say(text, ok) { const m = $('message'); m.textContent = text || ''; m.classList.toggle('ok', !!ok); }

async function api(method, url, body, raw) {
  const headers = { 'X-Panya-Lang': state.lang };
  if (method !== 'GET') headers['X-Panya-CSRF'] = state.csrf;
  let payload;
  if (raw) { payload = raw.bytes; headers['Content-Type'] = raw.type || 'application/octet-stream'; headers['X-Photo-Name'] = encodeURIComponent(raw.name || 'photo'); }
  else if (body !== undefined) { payload = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
  const response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error((answer.error && answer.error.message) || response.statusText);
    error.code = answer.error && answer.error.code;
    throw error;
  }
  return answer;
}

function translate() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
  document.querySelectorAll('[data-tp]').forEach((e) => { e.placeholder = t(e.dataset.tp); });
  $('lang').textContent = state.lang === 'ja' ? 'English' : '日本語';
}

// ---- tabs ----
function show(tab) {
  document.querySelectorAll('.page').forEach((p) => p.classList.toggle('hidden', p.id !== tab));
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === tab));
  const url = new URL(location.href); url.hash = tab; history.replaceState(null, '', url);
  say('');
  const load = { datasets: loadProject, label: () => loadProject().then(openPhoto), train: loadStatus, evaluation: loadEvaluation, model: loadModel, month: loadSchedules }[tab];
  if (load) load().catch((e) => say(e.message));
}

// ---- datasets ----
async function loadProject() {
  const s = await api('GET', '/api/console/project');
  state.project = s;
  state.photos = [];
  for (const d of s.datasets) for (const p of d.photos) state.photos.push(Object.assign({ dataset: d.kind }, p));
  if (state.index >= state.photos.length) state.index = Math.max(0, state.photos.length - 1);
  renderProject();
}

function photoURL(path) { return '/api/console/photo?path=' + encodeURIComponent(path); }

function renderProject() {
  const s = state.project;
  $('project').classList.toggle('hidden', !s.project);
  const cards = $('dataset-cards'); cards.replaceChildren();
  if (!s.project) return;
  $('project-title').textContent = s.project;
  const list = $('label-list'); list.replaceChildren();
  s.labels.forEach((l) => list.append(el('span', 'chip', l)));
  for (const d of s.datasets) {
    const card = el('div', 'card dataset'); card.dataset.kind = d.kind;
    card.append(el('h2', '', t(d.kind)));
    if (!d.created) { card.append(el('p', '', t('noDataset'))); }
    const counts = el('p', 'counts', `${d.photos.length} ${t('photos')} · ${t('labelled')} ${d.labelled} · ${t('unlabelled')} ${d.unlabelled}`);
    card.append(counts);
    const per = Object.keys(d.boxesPerLabel).sort();
    if (per.length) card.append(el('p', 'counts', per.map((k) => `${k}: ${d.boxesPerLabel[k]} ${t('boxes')}`).join(' · ')));
    const upload = el('label', 'upload');
    upload.append(el('span', '', t('upload') + ' '));
    const input = el('input'); input.type = 'file'; input.multiple = true; input.accept = 'image/jpeg,image/png'; input.dataset.kind = d.kind;
    input.addEventListener('change', () => uploadPhotos(d.kind, input.files));
    upload.append(input); card.append(upload);
    const grid = el('div', 'grid');
    d.photos.forEach((p) => {
      const b = el('button', 'thumb' + (p.boxes.length ? '' : ' unlabelled')); b.type = 'button';
      const img = el('img'); img.src = photoURL(p.path); img.alt = p.name; img.loading = 'lazy';
      b.append(img, el('span', 'count', `${p.boxes.length} ${t('boxes')}`));
      b.addEventListener('click', () => { state.index = state.photos.findIndex((q) => q.path === p.path); show('label'); });
      grid.append(b);
    });
    card.append(grid);
    cards.append(card);
  }
}

async function uploadPhotos(kind, files) {
  let added = 0;
  for (const file of Array.from(files)) {
    try {
      say(`${file.name}…`, true);
      await api('POST', '/api/console/photos?dataset=' + kind, undefined, { bytes: file, type: file.type, name: file.name });
      added += 1;
    } catch (e) { say(`${file.name}: ${e.message}`); await loadProject(); return; }
  }
  await loadProject();
  say(`${added} ${t('uploaded')}`, true);
}

// ---- labelling ----
async function openPhoto() {
  if (!state.photos.length) { say(t('noPhotos')); $('stage').classList.add('hidden'); return; }
  $('stage').classList.remove('hidden');
  const photo = state.photos[state.index];
  try {
    state.view = await api('GET', '/api/console/boxes?path=' + encodeURIComponent(photo.path));
  } catch (e) { say(e.message); return; }
  state.boxes = state.view.boxes.map((b) => Object.assign({}, b));
  state.proposals = state.view.proposals.filter((p) => !state.boxes.some((b) => iou(b, p) > 0.5));
  state.selected = -1;
  $('photo-title').textContent = `${t(state.view.dataset)} ${state.index + 1}/${state.photos.length}: ${state.view.name}`;
  $('stage-photo').src = photoURL(state.view.path);
  renderLabels();
  renderBoxes();
}

function renderLabels() {
  const select = $('label-select'); select.replaceChildren();
  const labels = state.view ? state.view.labels : [];
  labels.forEach((l, i) => { const o = el('option', '', `${i < 9 ? i + 1 + ': ' : ''}${l}`); o.value = l; select.append(o); });
  if (!labels.includes(state.label)) state.label = labels[0] || '';
  select.value = state.label;
}

function iou(a, b) {
  const x = Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left));
  const y = Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));
  const inter = x * y; const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

function place(node, b) {
  node.style.left = (b.left * 100) + '%'; node.style.top = (b.top * 100) + '%';
  node.style.width = (b.width * 100) + '%'; node.style.height = (b.height * 100) + '%';
}

function renderBoxes() {
  const stage = $('stage');
  stage.querySelectorAll('.box, .proposal').forEach((n) => n.remove());
  state.proposals.forEach((p, i) => {
    const n = el('div', 'proposal'); place(n, p); n.dataset.proposal = i; n.title = t('proposal');
    const x = el('button', 'reject', '×'); x.type = 'button'; x.title = t('reject'); x.setAttribute('aria-label', t('reject'));
    x.addEventListener('pointerdown', (e) => e.stopPropagation());
    x.addEventListener('click', (e) => { e.stopPropagation(); state.proposals.splice(i, 1); renderBoxes(); });
    n.append(x);
    n.addEventListener('pointerdown', (e) => e.stopPropagation());
    n.addEventListener('click', () => acceptProposal(i));
    stage.append(n);
  });
  state.boxes.forEach((b, i) => {
    const n = el('div', 'box' + (i === state.selected ? ' selected' : '')); place(n, b); n.dataset.box = i;
    n.append(el('span', 'tag', `${i + 1} ${b.label}`));
    const h = el('div', 'handle'); h.dataset.handle = i; n.append(h);
    stage.append(n);
  });
  const list = $('box-list'); list.replaceChildren();
  state.boxes.forEach((b, i) => {
    const chip = el('button', 'small', `${i + 1}: ${b.label}`); chip.type = 'button';
    chip.addEventListener('click', () => { state.selected = i; renderBoxes(); });
    list.append(chip);
  });
}

function acceptProposal(i) {
  if (!state.label) { say(t('pickLabel')); return; }
  const p = state.proposals.splice(i, 1)[0];
  state.boxes.push({ label: state.label, left: p.left, top: p.top, width: p.width, height: p.height });
  state.selected = state.boxes.length - 1;
  renderBoxes(); save();
}

async function save() {
  if (!state.view) return;
  const seq = ++state.saveSeq;
  say(t('saving'), true);
  const started = performance.now();
  try {
    const view = await api('POST', '/api/console/boxes', { path: state.view.path, boxes: state.boxes });
    if (seq !== state.saveSeq) return;
    state.view.labels = view.labels;
    state.lastSaveMs = performance.now() - started;
    say(`${t('saved')} (${view.boxes.length} ${t('boxes')})`, true);
  } catch (e) {
    if (e.code === 'PhotoNotInDataset') { say(t('photoGone')); setTimeout(() => show('datasets'), 1500); return; }
    say(e.message);
  }
}

// Pointer gestures on the stage: draw, move, resize (mouse, pen or finger).
let gesture = null;
function pointAt(e) {
  const r = $('stage').getBoundingClientRect();
  return { x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)) };
}
function onDown(e) {
  if (!state.view || e.button > 0) return;
  const p = pointAt(e);
  const handle = e.target.closest('[data-handle]');
  const box = e.target.closest('[data-box]');
  $('stage').setPointerCapture(e.pointerId);
  if (handle) { const i = +handle.dataset.handle; gesture = { kind: 'resize', i, start: p, orig: Object.assign({}, state.boxes[i]) }; }
  else if (box) { const i = +box.dataset.box; state.selected = i; gesture = { kind: 'move', i, start: p, orig: Object.assign({}, state.boxes[i]), moved: false }; renderBoxes(); }
  else {
    if (!state.label) { say(t('pickLabel')); return; }
    const d = el('div', 'drawing'); $('stage').append(d);
    gesture = { kind: 'draw', start: p, node: d };
  }
  e.preventDefault();
}
function onMove(e) {
  if (!gesture) return;
  const p = pointAt(e);
  const dx = p.x - gesture.start.x, dy = p.y - gesture.start.y;
  if (gesture.kind === 'draw') {
    place(gesture.node, { left: Math.min(p.x, gesture.start.x), top: Math.min(p.y, gesture.start.y), width: Math.abs(dx), height: Math.abs(dy) });
  } else if (gesture.kind === 'move') {
    const o = gesture.orig; const b = state.boxes[gesture.i];
    b.left = Math.min(1 - o.width, Math.max(0, o.left + dx)); b.top = Math.min(1 - o.height, Math.max(0, o.top + dy));
    gesture.moved = gesture.moved || Math.abs(dx) + Math.abs(dy) > 0.002;
    renderBoxes();
  } else if (gesture.kind === 'resize') {
    const o = gesture.orig; const b = state.boxes[gesture.i];
    b.width = Math.max(0.01, Math.min(1 - o.left, o.width + dx)); b.height = Math.max(0.01, Math.min(1 - o.top, o.height + dy));
    renderBoxes();
  }
}
function onUp(e) {
  if (!gesture) return;
  const g = gesture; gesture = null;
  const p = pointAt(e);
  if (g.kind === 'draw') {
    g.node.remove();
    // A box dragged backwards (up or left) is the same box: it is normalised here.
    const b = { label: state.label, left: Math.min(p.x, g.start.x), top: Math.min(p.y, g.start.y), width: Math.abs(p.x - g.start.x), height: Math.abs(p.y - g.start.y) };
    if (b.width < 0.01 || b.height < 0.01) { state.selected = -1; renderBoxes(); return; }
    state.boxes.push(b); state.selected = state.boxes.length - 1; renderBoxes(); save();
  } else if (g.kind === 'resize' || (g.kind === 'move' && g.moved)) { save(); }
}

function deleteSelected() {
  if (state.selected < 0) return;
  state.boxes.splice(state.selected, 1); state.selected = -1; renderBoxes(); save();
}

function step(delta) {
  if (!state.photos.length) return;
  state.index = (state.index + delta + state.photos.length) % state.photos.length;
  openPhoto();
}

function onKey(e) {
  if ($('label').classList.contains('hidden') || e.target.matches('input, select, textarea')) return;
  if (e.key === 'n' || e.key === 'ArrowRight') step(1);
  else if (e.key === 'p' || e.key === 'ArrowLeft') step(-1);
  else if (e.key === 'Delete' || e.key === 'Backspace') { deleteSelected(); e.preventDefault(); }
  else if (e.key === 'a' && state.proposals.length) acceptProposal(0);
  else if (/^[1-9]$/.test(e.key) && state.view) {
    const l = state.view.labels[+e.key - 1]; if (!l) return;
    state.label = l; $('label-select').value = l;
    if (state.selected >= 0) { state.boxes[state.selected].label = l; renderBoxes(); save(); }
  }
}

// ---- training ----
async function run(action) {
  return api('POST', '/api/console/run', { action });
}

function statusOf(status) {
  const r = status.modelRecord || {};
  return r.status || r.Status || (status.model.match(/[A-Z]+_[A-Z_]+|RUNNING|STOPPED|STARTING|STOPPING/) || ['-'])[0];
}

// Training time on the simulated clock, from the train command's answer ("30m"); 30 minutes until it says.
let trainingMinutes = 30;
function clockSeconds(text) { const d = Date.parse(String(text || '').trim()); return Number.isNaN(d) ? null : d / 1000; }

async function loadStatus() {
  const s = await api('GET', '/api/console/status');
  const st = statusOf(s);
  $('train-status').textContent = st;
  let progress = st === 'TRAINING_IN_PROGRESS' ? 0 : 100;
  if (st === 'TRAINING_IN_PROGRESS') {
    const now = clockSeconds(s.clock); const created = clockSeconds((s.modelRecord || {}).created);
    if (now !== null && created !== null) progress = Math.max(0, Math.min(99, ((now - created) / 60 / trainingMinutes) * 100));
  }
  if (!s.modelRecord) progress = 0;
  $('train-progress').style.width = progress.toFixed(0) + '%';
  $('train-output').textContent = [s.clock, s.model, s.bill].filter(Boolean).join('\n\n');
  return s;
}

async function trainAction(action) {
  say(t('running'), true);
  try {
    const r = await run(action);
    const minutes = action === 'train' && r.output.match(/(\d+)\s*(?:m\b|分)/);
    if (minutes) trainingMinutes = +minutes[1];
    await loadStatus();
    $('train-output').textContent = r.output + '\n\n' + $('train-output').textContent;
    say(r.ok ? '' : r.output, r.ok);
  } catch (e) { say(e.message); }
}

// ---- evaluation ----
async function loadEvaluation() {
  let page;
  try { page = await api('GET', '/api/console/evaluation'); } catch (e) { say(e.message || t('noEvaluation')); return; }
  let summary;
  try { summary = JSON.parse(page.summary); } catch (e) { say(page.summary); return; }
  state.evaluation = { page, summary };
  $('evaluation-model').textContent = page.model;
  const agg = summary.AggregatedEvaluationResults || {};
  $('overall-f1').textContent = num(agg.F1Score);
  $('overall-precision').textContent = num(agg.Precision);
  $('overall-recall').textContent = num(agg.Recall);
  $('overall-images').textContent = String((summary.EvaluationDetails || {}).NumberOfTestingImages ?? '-');
  const body = $('label-table').tBodies[0]; body.replaceChildren();
  for (const r of summary.LabelEvaluationResults || []) {
    const m = r.Metrics || {}; const tr = el('tr'); tr.dataset.label = r.Label;
    [r.Label, num(m.F1Score), num(m.Precision), num(m.Recall), num(m.Threshold), String(r.NumberOfTestingImages ?? '-')].forEach((v) => tr.append(el('td', '', v)));
    body.append(tr);
  }
  const grid = $('test-images'); grid.replaceChildren();
  for (const image of page.images) {
    const card = el('div', 'card');
    const wrap = el('div', 'test-image'); const img = el('img'); img.src = photoURL(image.path); img.alt = image.name; img.style.width = '100%';
    wrap.append(img);
    image.boxes.forEach((b) => { const m = el('div', 'mark ' + b.outcome); place(m, b); m.dataset.label = b.label; m.dataset.confidence = b.confidence ?? ''; wrap.append(m); });
    const counts = { TRUE_POSITIVE: 0, FALSE_POSITIVE: 0, FALSE_NEGATIVE: 0 };
    image.boxes.forEach((b) => { counts[b.outcome] += 1; });
    card.append(wrap, el('div', 'test-caption', `${image.name} — TP ${counts.TRUE_POSITIVE} · FP ${counts.FALSE_POSITIVE} · FN ${counts.FALSE_NEGATIVE}`));
    grid.append(card);
  }
  $('threshold-slider').value = '-1';
  renderSlider(null);
}

// At threshold x (0–100 confidence), a prediction below x is dropped: a dropped TP becomes a FN.
function renderSlider(x) {
  const ev = state.evaluation; if (!ev) return;
  const body = $('slider-table').tBodies[0]; body.replaceChildren();
  const per = {};
  for (const image of ev.page.images) for (const b of image.boxes) {
    const c = per[b.label] || (per[b.label] = { tp: 0, fp: 0, fn: 0 });
    const th = x === null ? (ev.page.thresholds[b.label] ?? 0) * 100 : x;
    if (b.outcome === 'FALSE_NEGATIVE') c.fn += 1;
    else if ((b.confidence ?? 0) < th) { if (b.outcome === 'TRUE_POSITIVE') c.fn += 1; }
    else if (b.outcome === 'TRUE_POSITIVE') c.tp += 1; else c.fp += 1;
  }
  $('slider-value').textContent = x === null ? t('sliderReset') : x.toFixed(0);
  for (const label of Object.keys(per).sort()) {
    const c = per[label]; const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0; const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
    const tr = el('tr'); [label, c.tp, c.fp, c.fn, num(p), num(r)].forEach((v) => tr.append(el('td', '', String(v)))); body.append(tr);
  }
  document.querySelectorAll('.test-image .mark').forEach((m) => {
    const th = x === null ? (ev.page.thresholds[m.dataset.label] ?? 0) * 100 : x;
    m.classList.toggle('faded', m.dataset.confidence !== '' && +m.dataset.confidence < th);
  });
}

// ---- model ----
const money = (v) => (typeof v === 'number' ? v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '-');

async function loadModel() {
  const [s, page] = await Promise.all([api('GET', '/api/console/status'), api('GET', '/api/console/models')]);
  $('model-status').textContent = statusOf(s);
  renderModels(page);
}

function renderModels(page) {
  $('model-in-use').textContent = page.inUseName || '-';
  $('model-in-use').title = page.inUse || '';
  $('model-clock').textContent = page.clock;
  $('model-bill').textContent = page.billText;
  const bill = page.bill || {};
  $('model-meter').textContent = money(bill.total_usd) + ' USD';
  const billed = {};
  (bill.versions || []).forEach((v) => { billed[v.arn] = v; });
  const list = $('version-list'); list.replaceChildren();
  for (const v of page.versions) {
    const row = el('div', 'version' + (v.inUse ? ' in-use' : '')); row.dataset.arn = v.arn; row.dataset.status = v.status;
    const name = el('div', 'name', `${v.name}`);
    const side = el('div');
    if (v.inUse) side.append(el('span', 'badge', t('inUse')));
    else {
      const b = el('button', 'small use', t('useVersion')); b.type = 'button';
      b.addEventListener('click', () => useVersion(v.arn));
      side.append(b);
    }
    const line = billed[v.arn];
    const facts = el('div', 'facts');
    facts.append(el('span', 'status-' + v.status, v.status), document.createTextNode(
      `  ${v.project}` + (v.f1 != null ? `  F1 ${num(v.f1)}` : '') + (v.created ? `  ${t('created')} ${v.created.replace('T', ' ').slice(0, 16)}` : '')
      + (line ? `  ${t('billed')} ${money(line.inference_usd)} USD` + (line.running ? ' ⏱' : '') : '')));
    row.append(name, side, facts, el('div', 'arn', v.arn));
    list.append(row);
  }
}

async function useVersion(arn) {
  try {
    const page = await api('POST', '/api/console/use', { arn });
    renderModels(page);
    say(t('nowUsing') + page.inUseName, true);
  } catch (e) { say(e.message); }
}

async function modelAction(action) {
  say(t('running'), true);
  try { const r = await run(action); $('model-output').textContent = r.output; await loadModel(); say(r.ok ? '' : r.output, r.ok); }
  catch (e) { say(e.message); }
}

// ---- month ----
async function loadSchedules() {
  const r = await run('schedule');
  $('schedule-output').textContent = r.output;
}
async function scheduleAction(action) {
  try { const r = await run(action); await loadSchedules(); $('schedule-output').textContent = r.output + '\n\n' + $('schedule-output').textContent; say(r.ok ? '' : r.output, r.ok); }
  catch (e) { say(e.message); }
}

// The month: `simulate 30d --json` as the shell prints it. The comparison is for the model the
// schedules start and stop (its own hours per day, and the same model always on); other models
// that ran meanwhile are shown apart, and every model's total is the bill's.
async function simulate() {
  say(t('running'), true);
  let report;
  try { report = await api('POST', '/api/console/month'); } catch (e) { say(e.message); return; }
  say('');
  state.month = report;
  const target = report.scheduled;
  $('month-target').textContent = target ? t('targetModel') + target.models.join(', ') : t('noTarget');
  drawChart(report);
  const totals = $('month-totals'); totals.replaceChildren();
  const box = (label, value, id, cls) => { const d = el('div', cls); d.append(el('span', '', label), el('strong', '', value)); d.dataset.total = id; totals.append(d); };
  if (target) {
    box(t('runningHours'), num(target.running_hours, 2), 'hours');
    box(t('scheduled') + ' USD', num(target.scheduled_usd, 2), 'scheduled', 'scheduled');
    box(t('alwaysOn') + ' USD', num(target.always_on_usd, 2), 'always', 'always');
    box(t('savedUSD') + ' USD', num(target.saved_usd, 2), 'saved');
    box(t('otherModels') + ' USD', num(target.other_models_usd, 2), 'others');
  } else {
    box(t('runningHours'), num(report.running_hours, 2), 'hours');
  }
  box(t('allModels') + ' (' + t('inference') + ') USD', num(report.inference_usd, 2), 'inference');
  box(t('trainingHours') + ' USD', num(report.training_usd, 2), 'training');
  box(t('allModels') + ' USD', num(report.total_usd, 2), 'total');
  box(t('allModels') + ' JPY', String(report.total_jpy), 'jpy');
  const w = $('month-warnings'); w.replaceChildren();
  if (target && target.other_models_usd > 0) w.append(el('li', '', t('otherNote')));
  (report.warnings || []).forEach((m) => w.append(el('li', '', m)));
}

// Hours per day of the schedules' model (every model's when there is no schedule), with a line at
// the always-on 24 hours.
function drawChart(report) {
  const target = report.scheduled;
  const days = (target ? target.days : report.days) || [];
  const ns = 'http://www.w3.org/2000/svg';
  const W = 900, H = 320, L = 50, B = 40, T = 24;
  const svg = document.createElementNS(ns, 'svg'); svg.setAttribute('viewBox', `0 0 ${W} ${H}`); svg.setAttribute('role', 'img');
  const node = (tag, attrs, text) => { const n = document.createElementNS(ns, tag); for (const k in attrs) n.setAttribute(k, attrs[k]); if (text !== undefined) n.textContent = text; svg.append(n); return n; };
  const maxH = 24; const step = (W - L - 10) / Math.max(1, days.length);
  const yOf = (h) => H - B - (Math.min(h, maxH) / maxH) * (H - B - T);
  node('line', { x1: L, y1: H - B, x2: W - 10, y2: H - B, stroke: '#333' });
  node('line', { x1: L, y1: T, x2: L, y2: H - B, stroke: '#333' });
  [0, 6, 12, 18, 24].forEach((h) => { const y = yOf(h); node('text', { x: L - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 12 }, String(h)); node('line', { x1: L, y1: y, x2: W - 10, y2: y, stroke: '#ddd' }); });
  days.forEach((d, i) => {
    const h = d.running_hours; const y = yOf(h);
    const bar = node('rect', { x: L + i * step + 2, y, width: Math.max(1, step - 4), height: H - B - y, fill: '#c8701e', 'data-hours': h, 'data-usd': d.usd });
    const tip = document.createElementNS(ns, 'title'); tip.textContent = `${d.date}: ${num(h, 2)} h, ${num(d.usd, 2)} USD`; bar.append(tip);
    if (i % 5 === 0) node('text', { x: L + i * step + step / 2, y: H - B + 16, 'text-anchor': 'middle', 'font-size': 11 }, String(d.date || '').slice(5));
  });
  if (target) {
    node('line', { x1: L, y1: yOf(24), x2: W - 10, y2: yOf(24), stroke: '#c62828', 'stroke-width': 2, 'stroke-dasharray': '6 4', 'data-always': target.always_on_usd });
    node('text', { x: W - 12, y: yOf(24) - 4, 'text-anchor': 'end', 'font-size': 12, fill: '#c62828' }, `${t('alwaysOn')} ${money(target.always_on_usd)} USD`);
  }
  const total = target ? target.scheduled_usd : report.total_usd;
  node('text', { x: L, y: 16, 'font-size': 13 }, `${t('hoursPerDay')} · ${target ? t('scheduled') : t('total')} ${money(total)} USD · ${t('events')} ${(report.events || []).length}`);
  $('chart').replaceChildren(svg);
}

// ---- start ----
async function start() {
  translate();
  try { const me = await api('GET', '/api/me'); state.csrf = me.csrf; $('who').textContent = me.name; }
  catch (e) { say(t('notJoined')); setTimeout(() => { location.href = '/'; }, 1500); return; }
  $('lang').addEventListener('click', () => { state.lang = state.lang === 'ja' ? 'en' : 'ja'; const u = new URL(location.href); u.searchParams.set('lang', state.lang); history.replaceState(null, '', u); translate(); show(document.querySelector('#tabs button.active').dataset.tab); });
  document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => show(b.dataset.tab)));
  $('create-project').addEventListener('click', async () => { try { state.project = await api('POST', '/api/console/project', { name: $('project-name').value.trim() }); await loadProject(); } catch (e) { say(e.message); } });
  $('lesson-project').addEventListener('click', async () => {
    say(t('running'), true);
    try { const r = await run('lesson-project'); await loadProject(); say(r.ok ? '' : r.output, r.ok); } catch (e) { say(e.message); }
  });
  $('add-label').addEventListener('click', async () => { try { await api('POST', '/api/console/labels', { names: [$('new-label').value] }); $('new-label').value = ''; await loadProject(); } catch (e) { say(e.message); } });
  $('prev-photo').addEventListener('click', () => step(-1));
  $('next-photo').addEventListener('click', () => step(1));
  $('label-select').addEventListener('change', (e) => { state.label = e.target.value; if (state.selected >= 0) { state.boxes[state.selected].label = state.label; renderBoxes(); save(); } });
  $('delete-box').addEventListener('click', deleteSelected);
  $('accept-all').addEventListener('click', () => { while (state.proposals.length && state.label) acceptProposal(0); });
  const stage = $('stage');
  stage.addEventListener('pointerdown', onDown); stage.addEventListener('pointermove', onMove);
  stage.addEventListener('pointerup', onUp); stage.addEventListener('pointercancel', () => { if (gesture && gesture.node) gesture.node.remove(); gesture = null; renderBoxes(); });
  document.addEventListener('keydown', onKey);
  $('train-button').addEventListener('click', () => trainAction('train'));
  $('train-advance').addEventListener('click', () => trainAction('advance-10m'));
  $('train-wait').addEventListener('click', () => trainAction('wait'));
  $('threshold-slider').addEventListener('input', (e) => renderSlider(+e.target.value));
  $('slider-reset').addEventListener('click', () => renderSlider(null));
  $('model-start').addEventListener('click', () => modelAction('start'));
  $('model-stop').addEventListener('click', () => modelAction('stop'));
  $('model-advance').addEventListener('click', () => modelAction('advance-10m'));
  $('model-advance-hour').addEventListener('click', () => modelAction('advance-1h'));
  $('schedule-lesson').addEventListener('click', () => scheduleAction('schedule-lesson'));
  $('schedule-remove').addEventListener('click', () => scheduleAction('schedule-remove'));
  $('policy-check').addEventListener('click', () => scheduleAction('policy'));
  $('simulate').addEventListener('click', simulate);
  const tab = (location.hash || '#datasets').slice(1);
  show(['datasets', 'label', 'train', 'evaluation', 'model', 'month'].includes(tab) ? tab : 'datasets');
}

document.addEventListener('DOMContentLoaded', start);

// panya class — what every page shares: the language (Japanese first, English switch), the
// texts, and the API calls (JSON, the page's CSRF token, errors as messages).
'use strict';

const Panya = (() => {
  const params = new URLSearchParams(location.search);
  let lang = params.get('lang') || localStorage.getItem('panya.lang') || 'ja';
  if (lang !== 'en') lang = 'ja';
  if (params.get('lang')) localStorage.setItem('panya.lang', lang);
  let csrf = null;
  const listeners = [];

  const texts = {
    ja: {
      'other.lang': 'English',
      'app.title': 'パン屋のAIレジ',
      'nav.register': 'レジ',
      'nav.shell': 'シェル',
      'join.title': 'クラスに参加',
      'join.lead': '名前と、黒板のクラスコード (PAN-1234 のような) を入れてください。',
      'join.name': '名前',
      'join.code': 'クラスコード',
      'join.submit': '参加する',
      'photo.title': '写真',
      'photo.take': '📷 写真を撮る / 選ぶ',
      'photo.drop': 'またはここに写真をドロップ',
      'photo.sending': '送っています…',
      'photo.tooLarge': 'この写真は {0} MB あります。15 MB までの写真を選んでください (カメラの設定で画質を下げるか、JPEG で撮ってください)。',
      'photo.none': 'パンの写真を送ると、AI がパンの種類を答えます。',
      'photo.model': 'モデル: ',
      'filter.assumed': '想定しきい値を使う (MinConfidence を渡さない)',
      'filter.min': 'MinConfidence',
      'cand.title': '候補',
      'cand.kept': '✔ 表示',
      'cand.held': '· 保留',
      'cand.threshold': 'しきい値',
      'cand.none': '候補はありません。',
      'cand.rule.assumed': '想定しきい値以上の候補を表示します。',
      'cand.rule.min': 'MinConfidence {0} 以上の候補を表示します。',
      'cand.add': 'レジに入れる',
      'reg.title': 'レジ',
      'reg.item': '品名',
      'reg.price': '単価',
      'reg.qty': '数',
      'reg.amount': '金額',
      'reg.empty': 'レジは空です。',
      'reg.subtotal': '小計',
      'reg.tax': '消費税 ({0}%)',
      'reg.total': '合計',
      'reg.confirm': '⚠ 確認してください (自信が低い)',
      'reg.clear': 'クリア',
      'reg.checkout': 'お会計',
      'receipt.title': 'レシート',
      'receipt.number': 'No. {0}',
      'receipt.real': '(実際の時刻 {0})',
      'receipt.print': '印刷',
      'receipt.close': '閉じる',
      'receipt.thanks': 'ありがとうございました',
      'code.title': 'あなたのコード (register.panya)',
      'code.run': '実行して比べる',
      'code.mine': 'あなたの合計',
      'code.theirs': 'レジの合計',
      'code.agree': '✔ 一致しました!',
      'code.differ': '✗ まだ違います',
      'code.noTotal': '—',
      'shell.title': 'シェル',
      'shell.input': 'ここに入力 (日本語もOK)',
      'shell.send': '送信',
      'shell.closed': '接続が切れました。',
      'shell.reconnect': 'もう一度つなぐ',
      'teacher.title': '先生の画面',
      'teacher.password': 'パスワード',
      'teacher.login': 'ログイン',
      'teacher.code': 'クラスコード: ',
      'teacher.csv': 'CSV で書き出す',
      'teacher.students': '生徒 ({0}人)',
      'teacher.none': 'まだ誰も参加していません。',
      'teacher.seen': '見つかったパン',
      'teacher.missed': '見落とされたパン',
      'teacher.mostMissed': 'いちばん見落とされたパン: ',
      'teacher.photos': '写真',
      'teacher.total': '合計',
      'teacher.lesson': 'レッスン',
      'teacher.code.ok': 'コード ✔',
      'teacher.code.ng': 'コード ✗',
      'teacher.code.none': 'コード —',
      'teacher.release': '端末を解除',
      'teacher.releaseAsk': '{0} さんの端末を解除しますか? (別の端末から同じ名前で参加できるようになります)',
      'teacher.released': '解除済み',
      'teacher.online': 'オンライン',
      'teacher.offline': 'オフライン',
      'teacher.updated': '更新: {0}',
      'yen': '{0}円',
      'error.network': 'サーバーにつながりません。Wi-Fi を確かめて、もう一度ためしてください。',
    },
    en: {
      'other.lang': '日本語',
      'app.title': 'The bakery AI register',
      'nav.register': 'Register',
      'nav.shell': 'Shell',
      'join.title': 'Join the class',
      'join.lead': 'Type your name and the class code on the board (like PAN-1234).',
      'join.name': 'Name',
      'join.code': 'Class code',
      'join.submit': 'Join',
      'photo.title': 'Photo',
      'photo.take': '📷 Take / choose a photo',
      'photo.drop': 'or drop a photo here',
      'photo.sending': 'Sending…',
      'photo.tooLarge': 'This photo is {0} MB. Choose one of 15 MB or less (lower the camera\'s quality setting, or take it as JPEG).',
      'photo.none': 'Send a photo of breads: the AI names each bread.',
      'photo.model': 'Model: ',
      'filter.assumed': 'Use the assumed thresholds (no MinConfidence)',
      'filter.min': 'MinConfidence',
      'cand.title': 'Candidates',
      'cand.kept': '✔ shown',
      'cand.held': '· held back',
      'cand.threshold': 'threshold',
      'cand.none': 'No candidates.',
      'cand.rule.assumed': 'Candidates at or above their assumed threshold are shown.',
      'cand.rule.min': 'Candidates at or above MinConfidence {0} are shown.',
      'cand.add': 'Add to the register',
      'reg.title': 'Register',
      'reg.item': 'Item',
      'reg.price': 'Price',
      'reg.qty': 'Qty',
      'reg.amount': 'Amount',
      'reg.empty': 'The register is empty.',
      'reg.subtotal': 'Subtotal',
      'reg.tax': 'Tax ({0}%)',
      'reg.total': 'Total',
      'reg.confirm': '⚠ please check (low confidence)',
      'reg.clear': 'Clear',
      'reg.checkout': 'Check out',
      'receipt.title': 'Receipt',
      'receipt.number': 'No. {0}',
      'receipt.real': '(real time {0})',
      'receipt.print': 'Print',
      'receipt.close': 'Close',
      'receipt.thanks': 'Thank you!',
      'code.title': 'Your code (register.panya)',
      'code.run': 'Run and compare',
      'code.mine': 'Your total',
      'code.theirs': "The register's total",
      'code.agree': '✔ They agree!',
      'code.differ': '✗ Not the same yet',
      'code.noTotal': '—',
      'shell.title': 'Shell',
      'shell.input': 'Type here (Japanese works too)',
      'shell.send': 'Send',
      'shell.closed': 'The connection was lost.',
      'shell.reconnect': 'Connect again',
      'teacher.title': "Teacher's view",
      'teacher.password': 'Password',
      'teacher.login': 'Log in',
      'teacher.code': 'Class code: ',
      'teacher.csv': 'Export CSV',
      'teacher.students': 'Students ({0})',
      'teacher.none': 'Nobody has joined yet.',
      'teacher.seen': 'Breads seen',
      'teacher.missed': 'Breads missed',
      'teacher.mostMissed': 'Most missed: ',
      'teacher.photos': 'Photos',
      'teacher.total': 'Total',
      'teacher.lesson': 'Lesson',
      'teacher.code.ok': 'code ✔',
      'teacher.code.ng': 'code ✗',
      'teacher.code.none': 'code —',
      'teacher.release': 'Release device',
      'teacher.releaseAsk': "Release {0}'s device? (They can then join with the same name from another device.)",
      'teacher.released': 'released',
      'teacher.online': 'online',
      'teacher.offline': 'offline',
      'teacher.updated': 'Updated {0}',
      'yen': '¥{0}',
      'error.network': 'Cannot reach the server. Check the Wi-Fi and try again.',
    },
  };

  /** The text for `key` in the page's language, with {0}, {1}… filled in. */
  function t(key, ...args) {
    const text = texts[lang][key] ?? texts.ja[key] ?? key;
    return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  }

  /** Yen, with thousands separators. */
  function yen(amount) {
    return t('yen', Number(amount).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US'));
  }

  /** Sets every `data-i18n` element's text, the page's language and title. */
  function applyTexts() {
    document.documentElement.lang = lang;
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
    for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
    const title = document.body.dataset.title;
    if (title) document.title = t(title) + ' — panya';
  }

  function setLang(next) {
    lang = next === 'en' ? 'en' : 'ja';
    localStorage.setItem('panya.lang', lang);
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
    applyTexts();
    for (const fn of listeners) fn(lang);
  }

  /** An error the server answered (`code`, `message` in the page's language) or a network failure. */
  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  /** Calls the API; answers the JSON or throws an ApiError whose message is for the student. */
  async function api(method, path, body, extraHeaders) {
    const headers = { 'X-Panya-Lang': lang, ...(extraHeaders || {}) };
    if (method !== 'GET' && csrf && !headers['X-Panya-CSRF']) headers['X-Panya-CSRF'] = csrf;
    let payload = body;
    if (body !== undefined && !(body instanceof Blob) && !(body instanceof ArrayBuffer)) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
    } catch (e) {
      throw new ApiError(0, 'Network', t('error.network'));
    }
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) {
      const error = data && data.error;
      throw new ApiError(response.status, error ? error.code : 'HTTP' + response.status,
        error ? error.message : (response.status + ' ' + response.statusText));
    }
    return data;
  }

  /** The joined student (name, csrf), or a trip to the join page. */
  async function me() {
    try {
      const who = await api('GET', '/api/me');
      csrf = who.csrf;
      return who;
    } catch (e) {
      if (e.status === 401) location.replace('/?lang=' + lang);
      throw e;
    }
  }

  /** Shows a message (text only) in `el`, or hides it when empty. */
  function say(el, message) {
    el.textContent = message || '';
    el.hidden = !message;
  }

  /** Runs `work` with `button` disabled (a student pressing 20 times sends one request). */
  async function busy(button, work) {
    if (button.disabled) return undefined;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      return await work();
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }

  /** Creates an element with a class and text. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function start() {
    applyTexts();
    const button = document.getElementById('lang');
    if (button) button.addEventListener('click', () => setLang(lang === 'ja' ? 'en' : 'ja'));
    for (const link of document.querySelectorAll('a[data-keep-lang]')) {
      link.addEventListener('click', () => { link.href = link.pathname + '?lang=' + lang; });
    }
  }

  return {
    t, yen, api, me, say, busy, el, start, ApiError,
    get lang() { return lang; },
    set csrf(value) { csrf = value; },
    onLang(fn) { listeners.push(fn); },
  };
})();

document.addEventListener('DOMContentLoaded', Panya.start);

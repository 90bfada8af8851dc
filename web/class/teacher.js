// panya class — the teacher's page: the password, then every student's latest tray, total,
// lesson step, last error and code check, the class's tally, release and the CSV; every 5 s.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const $ = (id) => document.getElementById(id);
  let last = null;
  let timer = null;

  function tally(list, counts) {
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    list.replaceChildren(...entries.map(([name, n]) => {
      const item = document.createElement('li');
      item.append(Panya.el('span', '', name), Panya.el('strong', '', n));
      return item;
    }));
    if (entries.length === 0) list.append(Panya.el('li', 'empty', '—'));
  }

  function fact(dl, label, value, className) {
    dl.append(Panya.el('dt', '', label), Panya.el('dd', className || '', value));
  }

  function card(student) {
    const article = Panya.el('article', 'card student');
    article.dataset.name = student.name;
    const title = document.createElement('h3');
    const dot = Panya.el('span', 'dot' + (student.online ? ' online' : ''));
    dot.title = Panya.t(student.online ? 'teacher.online' : 'teacher.offline');
    dot.setAttribute('aria-label', dot.title);
    title.append(dot, Panya.el('span', 'student-name', student.name));
    article.append(title);
    if (student.latestPhoto) {
      // The tray as the student saw it: the photo with a box on each bread the register screen kept.
      const frame = Panya.el('div', 'thumb-frame');
      const img = Panya.el('img', 'thumb');
      img.src = student.latestPhoto + '?n=' + student.photos;
      img.alt = student.name;
      img.loading = 'lazy';
      const boxes = Panya.el('div', 'boxes');
      for (const label of student.latestLabels) {
        if (!label.box) continue;
        const box = Panya.el('div', 'box');
        box.style.left = (label.box.left * 100) + '%';
        box.style.top = (label.box.top * 100) + '%';
        box.style.width = (label.box.width * 100) + '%';
        box.style.height = (label.box.height * 100) + '%';
        box.title = label.name;
        boxes.append(box);
      }
      frame.append(img, boxes);
      article.append(frame);
    } else {
      article.append(Panya.el('div', 'thumb thumb-none', '—'));
    }
    const chips = Panya.el('ul', 'chips');
    // The breads the model answered with some confidence (10 or more), the surest first.
    const labels = student.latestLabels
      .map((label) => ({ name: label.name, confidence: Number(label.confidence) }))
      .filter((label) => Number.isFinite(label.confidence) && label.confidence >= 10)
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, 6);
    for (const label of labels) chips.append(Panya.el('li', '', label.name + ' ' + label.confidence.toFixed(1)));
    article.append(chips);
    const dl = Panya.el('dl', 'facts');
    fact(dl, Panya.t('teacher.photos'), String(student.photos));
    fact(dl, Panya.t('teacher.total'), student.total === null || student.total === undefined ? '—' : Panya.yen(student.total), 'student-total');
    fact(dl, Panya.t('teacher.lesson'), student.lesson ? student.lesson + ' ' + (student.step || '') : '—');
    const codeText = student.codeAgrees === true ? Panya.t('teacher.code.ok') : student.codeAgrees === false ? Panya.t('teacher.code.ng') : Panya.t('teacher.code.none');
    article.append(dl);
    article.append(Panya.el('p', student.codeAgrees === true ? 'code-ok' : student.codeAgrees === false ? 'code-ng' : 'hint', codeText));
    if (student.lastError) article.append(Panya.el('p', 'last-error', student.lastError));
    const release = Panya.el('button', '', student.released ? Panya.t('teacher.released') : Panya.t('teacher.release'));
    release.type = 'button';
    release.disabled = student.released;
    release.addEventListener('click', () => {
      if (!window.confirm(Panya.t('teacher.releaseAsk', student.name))) return;
      Panya.busy(release, async () => {
        try {
          draw(await Panya.api('POST', '/api/teacher/students/' + student.id + '/release', {}, { 'X-Panya-CSRF': 'teacher' }));
        } catch (e) {
          Panya.say($('room-error'), e.message);
        }
      });
    });
    article.append(release);
    return article;
  }

  function draw(room) {
    last = room;
    $('login-form').hidden = true;
    $('room').hidden = false;
    $('class-code').textContent = room.classCode;
    tally($('seen'), room.breadsSeen);
    tally($('missed'), room.breadsMissed);
    $('most-missed').textContent = room.mostMissed || '—';
    $('students-title').textContent = Panya.t('teacher.students', room.students.length);
    const cards = room.students.map(card);
    if (cards.length === 0) cards.push(Panya.el('p', 'empty', Panya.t('teacher.none')));
    $('students').replaceChildren(...cards);
    $('updated').textContent = Panya.t('teacher.updated', new Date().toLocaleTimeString(Panya.lang === 'ja' ? 'ja-JP' : 'en-GB'));
  }

  async function refresh() {
    try {
      draw(await Panya.api('GET', '/api/teacher/class'));
      Panya.say($('room-error'), '');
    } catch (e) {
      if (e.status === 403 || e.status === 401) {
        $('room').hidden = true;
        $('login-form').hidden = false;
        $('password').focus();
        stop();
        return;
      }
      Panya.say($('room-error'), e.message);
    }
  }

  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
  }

  function start() {
    stop();
    timer = setInterval(() => { if (!document.hidden) refresh(); }, 5000);
  }

  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    Panya.busy($('login'), async () => {
      Panya.say($('login-error'), '');
      try {
        await Panya.api('POST', '/api/teacher/login', { password: $('password').value });
        $('password').value = '';
        await refresh();
        start();
      } catch (e) {
        Panya.say($('login-error'), e.message);
      }
    });
  });
  Panya.onLang(() => { if (last) draw(last); });
  refresh().then(() => { if (!$('room').hidden) start(); });
});

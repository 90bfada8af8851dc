// panya class — the join page: a name and the class code give this device a session.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('join-form');
  const name = document.getElementById('name');
  const code = document.getElementById('code');
  const error = document.getElementById('join-error');
  const button = document.getElementById('join');
  const fromLink = new URLSearchParams(location.search).get('code');
  if (fromLink) code.value = fromLink;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Panya.busy(button, async () => {
      Panya.say(error, '');
      try {
        await Panya.api('POST', '/api/join', { name: name.value.trim(), code: code.value.trim().toUpperCase() });
        location.assign('/register?lang=' + Panya.lang);
      } catch (e) {
        Panya.say(error, e.message);
        (e.code === 'WrongClassCode' ? code : name).focus();
      }
    });
  });
});

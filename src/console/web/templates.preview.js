// Live preview for the template editor (src/console/web/templates.pages.ts). Without this
// script the "Preview" button re-renders the page on the server; with it, the preview, the
// problems and the SMS size follow the text as one types (300 ms after the last key). The
// SMS size line is a polite live region: a screen reader hears it when it changes.
(function () {
  'use strict';
  var form = document.getElementById('template-form');
  var area = document.getElementById('template');
  var section = document.getElementById('preview');
  if (!form || !area || !section || !window.fetch) return;
  var url = section.getAttribute('data-preview-url');
  var text = document.getElementById('preview-text');
  var errors = document.getElementById('preview-errors');
  var size = document.getElementById('sms-size');
  var csrf = form.querySelector('input[name=_csrf]');
  var timer = null;
  var seq = 0;

  function showErrors(list) {
    errors.textContent = '';
    if (!list || list.length === 0) return;
    var alert = document.createElement('div');
    alert.className = 'usa-alert usa-alert--error usa-alert--slim';
    var body = document.createElement('div');
    body.className = 'usa-alert__body';
    var p = document.createElement('p');
    p.className = 'usa-alert__text';
    p.textContent = 'This text cannot be saved:';
    var ul = document.createElement('ul');
    list.forEach(function (e) { var li = document.createElement('li'); li.textContent = e; ul.appendChild(li); });
    body.appendChild(p);
    body.appendChild(ul);
    alert.appendChild(body);
    errors.appendChild(alert);
  }

  function refresh() {
    var mine = ++seq;
    var data = new URLSearchParams();
    data.set('_csrf', csrf ? csrf.value : '');
    data.set('template', area.value);
    fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p || mine !== seq) return;
        text.textContent = p.text || '';
        showErrors(p.errors);
        if (size && p.smsLine && size.textContent !== p.smsLine) size.textContent = p.smsLine;
      })
      .catch(function () { /* keep the last preview; the Preview button still works */ });
  }

  area.addEventListener('input', function () {
    if (timer) clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
})();

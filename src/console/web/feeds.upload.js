// Progress bar for the feeds upload form (src/console/web/feeds.pages.ts). Without this
// script the form posts as usual; with it, the file goes up by XMLHttpRequest so that the
// upload's progress shows in the <progress> element, and the status line (role="status",
// aria-live="polite") says it in words at each tenth, without interrupting a screen reader.
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var group = document.getElementById('upload-progress-group');
  var bar = document.getElementById('upload-progress');
  var status = document.getElementById('upload-status');
  var button = document.getElementById('upload-submit');
  var busy = false;

  function say(text) { status.textContent = text; }

  form.addEventListener('submit', function (event) {
    var file = form.querySelector('input[type=file]');
    if (!file || !file.files || file.files.length === 0) return; // the browser's own check, or the server's message
    event.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    group.hidden = false;
    bar.value = 0;
    bar.textContent = '0%';
    var lastSaid = -1;
    say('Uploading ' + file.files[0].name + '…');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) return;
      var pct = Math.floor((e.loaded / e.total) * 100);
      bar.value = pct;
      bar.textContent = pct + '%';
      var tenth = Math.floor(pct / 10);
      if (tenth !== lastSaid && pct < 100) {
        lastSaid = tenth;
        say('Uploaded ' + pct + '%.');
      }
    };
    xhr.upload.onload = function () {
      bar.value = 100;
      bar.textContent = '100%';
      say('Uploaded 100%. Loading the file; the result will show when it is done.');
    };
    xhr.onload = function () {
      if (xhr.status >= 200 && xhr.status < 300 && xhr.responseURL && xhr.responseURL.indexOf('/console/feeds/runs/') >= 0) {
        window.location.assign(xhr.responseURL);
        return;
      }
      var message = 'The file was not loaded.';
      try {
        var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
        var detail = doc.querySelector('.usa-alert__text') || doc.querySelector('main .usa-intro');
        if (detail && detail.textContent) message = 'The file was not loaded: ' + detail.textContent.trim();
      } catch { /* keep the plain message */ }
      fail(message);
    };
    xhr.onerror = function () { fail('The upload was interrupted. Check the connection and try again.'); };
    xhr.send(new FormData(form));
  });

  function fail(message) {
    busy = false;
    button.disabled = false;
    group.hidden = true;
    say(message);
  }
})();

// px-wizard's small behaviours: copy buttons and the CSRF header on htmx requests. The pages work without it.
(function () {
  'use strict';

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Fallback for plain-http addresses other than localhost, where the Clipboard API is unavailable.
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand('copy');
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error('copy failed'));
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute('data-copy'));
    var label = button.textContent;
    copyText(source.textContent).then(function () {
      button.textContent = button.getAttribute('data-copied') || 'Copied';
      button.classList.add('btn-success');
      setTimeout(function () {
        button.textContent = label;
        button.classList.remove('btn-success');
      }, 1500);
    });
  });

  // Every htmx request that changes something carries the CSRF token, like the forms do.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // kubectl's short age, as KubectlFormat.age writes it on the server: 45s, 5m10s under ten minutes, 3h5m, 5d2h, 400d, 2y.
  function kubectlAge(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var minutes = Math.floor(s / 60);
    var hours = Math.floor(minutes / 60);
    var days = Math.floor(hours / 24);
    if (s < 120) {
      return s + 's';
    }
    if (minutes < 10) {
      return (s % 60 === 0) ? minutes + 'm' : minutes + 'm' + (s % 60) + 's';
    }
    if (hours < 3) {
      return minutes + 'm';
    }
    if (hours < 8) {
      return (minutes % 60 === 0) ? hours + 'h' : hours + 'h' + (minutes % 60) + 'm';
    }
    if (hours < 48) {
      return hours + 'h';
    }
    if (days < 8) {
      return (hours % 24 === 0) ? days + 'd' : days + 'd' + (hours % 24) + 'h';
    }
    if (days < 730) {
      return days + 'd';
    }
    return Math.floor(days / 365) + 'y';
  }

  // The status page's AGE column ages in the browser from each pod's creationTimestamp, so the server sends nothing
  // while nothing changes. The page's data-server-now corrects the browser's clock to the server's.
  var clockOffset = 0;
  function ageRows() {
    var now = Date.now() + clockOffset;
    document.querySelectorAll('[data-created]').forEach(function (cell) {
      var created = Date.parse(cell.getAttribute('data-created'));
      if (!isNaN(created)) {
        cell.textContent = kubectlAge((now - created) / 1000);
      }
    });
  }
  // A folded group's ready rows (a tbody each) filtered by name or node; pushed rows are filtered as they arrive.
  function filterRows(input) {
    var table = document.getElementById(input.getAttribute('data-filter-rows'));
    if (!table) {
      return;
    }
    var query = input.value.trim().toLowerCase();
    var shown = 0;
    var rows = table.tBodies;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var name = row.id.replace(/^(pod|node)-/, '');
      var match = !query || name.indexOf(query) >= 0 || (row.getAttribute('data-node') || '').indexOf(query) >= 0;
      row.hidden = !match;
      shown += match ? 1 : 0;
    }
    var count = document.querySelector('[data-filter-count="' + table.id + '"]');
    if (count) {
      count.textContent = query ? count.getAttribute('data-format').replace('{0}', shown).replace('{1}', rows.length) : '';
    }
  }
  document.addEventListener('input', function (event) {
    if (event.target.matches('[data-filter-rows]')) {
      filterRows(event.target);
    }
  });
  document.addEventListener('htmx:sseMessage', function () {
    document.querySelectorAll('[data-filter-rows]').forEach(function (input) {
      if (input.value) {
        filterRows(input);
      }
    });
  });

  window.pxWizard = { kubectlAge: kubectlAge };

  // Focus the error summary so keyboard and screen-reader users land on it; colour the YAML.
  document.addEventListener('DOMContentLoaded', function () {
    if (window.hljs) {
      document.querySelectorAll('code.language-yaml').forEach(function (block) {
        window.hljs.highlightElement(block);
      });
    }
    var board = document.querySelector('[data-server-now]');
    if (board) {
      var serverNow = Date.parse(board.getAttribute('data-server-now'));
      clockOffset = isNaN(serverNow) ? 0 : serverNow - Date.now();
      ageRows();
      setInterval(ageRows, 1000);
    }
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
    }
  });
})();

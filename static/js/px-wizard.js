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

  // Focus the error summary so keyboard and screen-reader users land on it; colour the YAML.
  document.addEventListener('DOMContentLoaded', function () {
    if (window.hljs) {
      document.querySelectorAll('code.language-yaml').forEach(function (block) {
        window.hljs.highlightElement(block);
      });
    }
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
    }
  });
})();

// Follow the system's light or dark preference (Bootstrap's data-bs-theme); loaded early so the page does not flash.
(function () {
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.setAttribute('data-bs-theme', dark ? 'dark' : 'light');
})();

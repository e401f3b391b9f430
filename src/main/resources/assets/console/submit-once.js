// The editor's forms publish: a second click while the first is on its way (a slow upload, a
// bad connection) would publish twice. A form is sent once per page shown; a page shown again
// from the back-forward cache may send it again.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    const form = event.target;
    if (form.getAttribute('method') !== 'post') return;
    if (form.hasAttribute('aria-busy')) {
      event.preventDefault();
      return;
    }
    form.setAttribute('aria-busy', 'true');
  });
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[aria-busy]').forEach(function (form) {
      form.removeAttribute('aria-busy');
    });
  });
})();

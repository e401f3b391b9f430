// The console's one script: small helpers for pages that talk to Vigil's JSON API from the browser.
// Every state-changing request a session cookie authenticates must carry the session's CSRF token
// (X-CSRF-Token) and come from Vigil's own origin; these helpers do the first, the browser the second.
(function () {
  'use strict';
  const meta = document.querySelector('meta[name="csrf-token"]');
  const csrf = meta ? meta.getAttribute('content') : '';

  /**
   * A request with JSON in and out. Resolves to {status, ok, body, headers}; body is the parsed JSON
   * or null, headers the response's (e.g. Idempotent-Replayed).
   */
  async function request(method, url, body, headers) {
    const init = {
      method: method,
      credentials: 'same-origin',
      headers: Object.assign({ Accept: 'application/json' }, headers || {})
    };
    if (method !== 'GET') init.headers['X-CSRF-Token'] = csrf;
    if (body !== undefined) {
      init.headers['Content-Type'] =
        method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    const type = response.headers.get('Content-Type') || '';
    const parsed = type.includes('json') ? await response.json() : null;
    return { status: response.status, ok: response.ok, body: parsed, headers: response.headers };
  }

  /** A random UUID (version 4), e.g. for an Idempotency-Key kept across retries of one submission. */
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  window.vigil = Object.freeze({
    csrf: csrf,
    get: (url, headers) => request('GET', url, undefined, headers),
    post: (url, body, headers) => request('POST', url, body, headers),
    patch: (url, body, headers) => request('PATCH', url, body, headers),
    uuid: uuid
  });
})();

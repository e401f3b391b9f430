// The operator's fast entry (issue #13): a phone call typed into a report from the keyboard.
// Cities and police stations are completed from Vigil's directory as one types, the name is checked
// against today's reports while it is typed, Ctrl+Enter saves from any field, and one
// Idempotency-Key per form makes a retried save store the report once.
(function () {
  'use strict';
  const form = document.getElementById('entry');
  if (!form || !window.vigil) return;
  const t = form.dataset;
  const status = document.getElementById('entry-status');
  const seen = document.getElementById('seen');
  const time = document.getElementById('detained-at');
  const MOSCOW_OFFSET_MS = 3 * 3600 * 1000; // Moscow keeps UTC+3 all year since 2014
  let idempotencyKey = vigil.uuid();
  let sending = false;

  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
  }

  /** Moscow wall-clock time now, as the time field shows it: 23.01.2021 14:05. */
  function moscowNow() {
    const iso = new Date(Date.now() + MOSCOW_OFFSET_MS).toISOString();
    return iso.slice(8, 10) + '.' + iso.slice(5, 7) + '.' + iso.slice(0, 4) + ' ' + iso.slice(11, 16);
  }

  function showMoscowNow() {
    document.getElementById('moscow-now').textContent = fill(t.tNow, { time: moscowNow().slice(11) });
  }

  /**
   * The time field read as Moscow time: "14:05" (today), "23.01 14:05" (this year) or
   * "23.01.2021 14:05"; an ISO 8601 date-time with the offset, or null if it is none of these.
   * A text field rather than datetime-local: Tab leaves it at once instead of walking its parts.
   */
  function moscowTime(text) {
    const m = /^(?:(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?\s+)?(\d{1,2})[:.](\d{2})$/.exec(text.trim());
    if (!m) return null;
    const today = moscowNow();
    const pad = v => String(v).padStart(2, '0');
    const day = pad(m[1] || today.slice(0, 2));
    const month = pad(m[2] || today.slice(3, 5));
    const year = m[3] || today.slice(6, 10);
    if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) {
      return null;
    }
    return year + '-' + month + '-' + day + 'T' + pad(m[4]) + ':' + m[5] + ':00+03:00';
  }

  function debounce(fn, ms) {
    let timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  // --- completion from the directory (the ARIA 1.2 combobox with a list box) ---
  function combobox(input, list, lookup) {
    let items = [];
    let active = -1;
    let asked = 0;

    function close() {
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      items = [];
      active = -1;
    }

    function highlight(index) {
      active = index;
      Array.from(list.children).forEach((li, i) => li.setAttribute('aria-selected', i === index ? 'true' : 'false'));
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', list.id + '-' + index);
        list.children[index].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function choose(index) {
      input.value = items[index].value;
      close();
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }

    function show(found) {
      items = found;
      list.replaceChildren();
      if (found.length === 0) {
        close();
        return;
      }
      found.forEach((item, i) => {
        const li = document.createElement('li');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = item.label;
        li.addEventListener('mousedown', e => {
          e.preventDefault(); // keep the focus in the field
          choose(i);
        });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    }

    const ask = debounce(async () => {
      const q = input.value.trim();
      const mine = ++asked;
      if (q.length === 0 || document.activeElement !== input) return close();
      try {
        const found = await lookup(q.slice(0, 100));
        if (mine === asked && document.activeElement === input) show(found);
      } catch (e) {
        close(); // completion is a help; typing goes on without it
      }
    }, 120);

    input.addEventListener('input', ask);
    input.addEventListener('blur', close);
    input.addEventListener('keydown', e => {
      if (list.hidden || items.length === 0) {
        if (e.key === 'ArrowDown' && input.value.trim()) ask();
        return;
      }
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        highlight((active + 1) % items.length);
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && active >= 0) {
        e.preventDefault();
        choose(active);
      } else if (e.key === 'Tab' && active >= 0) {
        choose(active); // the Tab goes on to the next field with the choice made
      } else if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
    });
  }

  const city = document.getElementById('city');
  combobox(city, document.getElementById('city-list'), async q => {
    const r = await vigil.get('/api/places/suggest?q=' + encodeURIComponent(q));
    if (!r.ok) return [];
    return r.body.items.map(p => ({
      value: p.value,
      label: (t.lang === 'ru' ? p.name_ru + ', ' + p.region_ru : p.name_en + ', ' + p.region_en)
    }));
  });
  combobox(document.getElementById('station'), document.getElementById('station-list'), async q => {
    const r = await vigil.get(
      '/api/police-stations/suggest?q=' + encodeURIComponent(q) + '&city=' + encodeURIComponent(city.value.trim().slice(0, 100)));
    if (!r.ok) return [];
    return r.body.items.map(s => ({ value: s.name, label: s.city ? s.name + ' (' + s.city + ')' : s.name }));
  });

  // --- is this person reported today? ---
  const name = document.getElementById('name');
  const year = document.getElementById('birth-year');
  let lastQuestion = '';
  let pausedUntil = 0;

  const checkSeen = debounce(async () => {
    const typed = name.value.trim();
    const letters = typed.replace(/[^\p{L}]/gu, '');
    if (letters.length < 3) {
      seen.textContent = '';
      lastQuestion = '';
      return;
    }
    const question = { name: typed };
    if (/^\d{4}$/.test(year.value.trim())) question.birth_year = Number(year.value.trim());
    if (city.value.trim()) question.city = city.value.trim();
    const asked = JSON.stringify(question);
    if (asked === lastQuestion || Date.now() < pausedUntil) return;
    lastQuestion = asked;
    try {
      const r = await vigil.post('/api/seen-today', question);
      if (asked !== lastQuestion) return; // a newer question is on its way
      if (r.status === 429) {
        pausedUntil = Date.now() + 60 * 1000;
        lastQuestion = '';
        seen.className = 'seen';
        seen.textContent = t.tSeenLimit;
        return;
      }
      if (!r.ok) {
        seen.textContent = '';
        return;
      }
      describeSeen(r.body);
    } catch (e) {
      lastQuestion = '';
      seen.textContent = '';
    }
  }, 400);

  function describeSeen(answer) {
    seen.replaceChildren();
    if (!answer.seen) {
      seen.className = 'seen';
      seen.textContent = t.tSeenNone;
      return;
    }
    seen.className = 'seen known';
    const parts = [fill(t.tSeenYes, { count: answer.reports }), answer.confirmed ? t.tSeenConfirmed : t.tSeenUnconfirmed];
    seen.appendChild(document.createTextNode(parts.join(' ')));
    // only a role that may read personal data gets persons in the answer
    if (Array.isArray(answer.persons) && answer.persons.length > 0) {
      const ul = document.createElement('ul');
      answer.persons.forEach(p => {
        const li = document.createElement('li');
        li.textContent = fill(t.tSeenPerson, { name: p.name || '—', year: p.birth_year || '—', count: p.reports });
        ul.appendChild(li);
      });
      seen.appendChild(ul);
    }
  }

  name.addEventListener('input', checkSeen);
  year.addEventListener('change', checkSeen);
  city.addEventListener('change', checkSeen);

  // --- saving ---
  function field(id) {
    const value = document.getElementById(id).value.trim();
    return value === '' ? undefined : value;
  }

  function report() {
    const r = {
      name: field('name'),
      city: field('city'),
      police_station: field('station'),
      source: document.getElementById('source').value,
      contact: field('contact'),
      consent: document.getElementById('consent').value,
      text: field('text')
    };
    const born = field('birth-year');
    if (born !== undefined) r.birth_year = /^\d+$/.test(born) ? Number(born) : born;
    if (time.value.trim()) r.detained_at = moscowTime(time.value) || time.value.trim();
    return r;
  }

  const fieldIds = {
    name: 'name', birth_year: 'birth-year', city: 'city', detained_at: 'detained-at',
    police_station: 'station', source: 'source', contact: 'contact', consent: 'consent', text: 'text'
  };

  function clearErrors() {
    form.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  }

  function say(kind, text, list) {
    status.className = kind;
    status.replaceChildren(document.createTextNode(text));
    if (list && list.length) {
      const ul = document.createElement('ul');
      list.forEach(item => {
        const li = document.createElement('li');
        li.textContent = item;
        ul.appendChild(li);
      });
      status.appendChild(ul);
    }
  }

  function startOver() {
    form.reset();
    idempotencyKey = vigil.uuid();
    time.value = moscowNow();
    seen.textContent = '';
    lastQuestion = '';
    clearErrors();
    name.focus();
  }

  async function save() {
    if (sending) return;
    sending = true;
    clearErrors();
    if (time.value.trim() && !moscowTime(time.value)) {
      time.setAttribute('aria-invalid', 'true');
      say('error', t.tInvalid, [form.querySelector('label[for="detained-at"]').textContent + ': ' + t.tTimeInvalid]);
      time.focus();
      sending = false;
      return;
    }
    try {
      const r = await vigil.post('/api/reports', report(), { 'Idempotency-Key': idempotencyKey });
      if (r.status === 201) {
        const replayed = r.headers.get('Idempotent-Replayed') === 'true';
        say('notice', fill(replayed ? t.tReplayed : t.tSaved, { id: r.body.id }));
        startOver();
        loadMine();
      } else if (r.status === 422 && r.body && (r.body.errors || []).some(e => e.field === 'Idempotency-Key')) {
        say('error', t.tReused);
        startOver();
        loadMine();
      } else if ((r.status === 400 || r.status === 422) && r.body && r.body.errors) {
        const lines = [];
        let first = null;
        r.body.errors.forEach(e => {
          const el = document.getElementById(fieldIds[e.field] || '');
          const label = el ? form.querySelector('label[for="' + el.id + '"]').textContent : e.field;
          if (el) {
            el.setAttribute('aria-invalid', 'true');
            if (!first) first = el;
          }
          lines.push(label + ': ' + e.reason);
        });
        say('error', t.tInvalid, lines);
        if (first) first.focus();
      } else {
        say('error', fill(t.tFailed, { status: r.status }));
      }
    } catch (e) {
      say('error', t.tOffline); // the same key goes with the next try
    } finally {
      sending = false;
    }
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    save();
  });
  form.addEventListener('keydown', e => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.key === 'Enter' && e.target.tagName === 'INPUT') {
      e.preventDefault(); // a lone Enter in a field does not save half a report
    }
  });

  // --- my reports in this shift ---
  const mineBody = document.querySelector('#mine tbody');
  const mineEmpty = document.getElementById('mine-empty');

  function shownTime(iso, withDate) {
    if (!iso) return '—';
    const local = new Date(new Date(iso).getTime() + MOSCOW_OFFSET_MS).toISOString();
    return withDate ? local.slice(8, 10) + '.' + local.slice(5, 7) + ' ' + local.slice(11, 16) : local.slice(11, 16);
  }

  async function loadMine() {
    try {
      const r = await vigil.get('/api/reports/mine');
      if (!r.ok) return;
      mineBody.replaceChildren();
      r.body.items.forEach(item => {
        const tr = document.createElement('tr');
        tr.dataset.report = item.id;
        [shownTime(item.received_at, false), item.name || '—', item.city || '—', item.police_station || '—',
          shownTime(item.detained_at, true)].forEach(text => {
          const td = document.createElement('td');
          td.textContent = text;
          tr.appendChild(td);
        });
        mineBody.appendChild(tr);
      });
      mineEmpty.hidden = r.body.items.length > 0;
    } catch (e) {
      // the list comes back with the next save
    }
  }

  time.value = moscowNow();
  showMoscowNow();
  setInterval(showMoscowNow, 30 * 1000);
  loadMine();
  name.focus();
})();

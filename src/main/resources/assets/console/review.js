// The review queue with one key per decision: s — the same person as the chosen candidate (1–9
// choose, the first by default), n — a new person, k — skip to the next report. A decision is sent
// to the API with the decision it replaces; if another coordinator decided first, the answer (409,
// "already decided by …") is shown on the report and nothing changes. Buttons do the same without
// this script, as plain forms.
(function () {
  'use strict';
  const list = document.getElementById('review');
  if (!list) return;
  const status = document.getElementById('review-status');
  let current = null;

  function items() {
    return Array.from(list.querySelectorAll('.review-item'));
  }

  function select(item) {
    if (current) current.classList.remove('current');
    current = item || null;
    if (!current) {
      const end = document.getElementById('review-end');
      if (end) end.focus();
      return;
    }
    current.classList.add('current');
    current.focus();
    if (!current.querySelector('.candidate.chosen')) choose(current, 0);
  }

  function choose(item, index) {
    const candidates = Array.from(item.querySelectorAll('.candidate'));
    if (index >= candidates.length) return;
    candidates.forEach((c, i) => {
      c.classList.toggle('chosen', i === index);
      const button = c.querySelector('button');
      if (button) button.setAttribute('aria-pressed', i === index ? 'true' : 'false');
    });
  }

  function next(item) {
    const all = items();
    return all[all.indexOf(item) + 1] || null;
  }

  async function decide(item, person) {
    const body = { person: person, replaces: item.dataset.decision };
    const answer = await vigil.post('/api/reports/' + encodeURIComponent(item.dataset.report) + '/person', body);
    if (answer.ok) {
      const following = next(item);
      item.remove();
      if (status) status.textContent = status.dataset.decided || '';
      select(following);
      return;
    }
    const error = item.querySelector('.item-error');
    error.textContent = (status ? status.dataset.conflict + ' ' : '') +
      (answer.body && answer.body.detail ? answer.body.detail : String(answer.status));
    error.hidden = false;
    item.classList.add('conflict');
  }

  list.addEventListener('submit', event => {
    const form = event.target;
    const item = form.closest('.review-item');
    if (!item) return;
    event.preventDefault();
    const person = form.querySelector('input[name=person]').value;
    decide(item, person === '' ? null : person);
  });

  list.addEventListener('click', event => {
    const skip = event.target.closest('.skip-item');
    if (!skip) return;
    event.preventDefault();
    select(next(skip.closest('.review-item')));
  });

  document.addEventListener('keydown', event => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.matches && target.matches('input[type=text], textarea, select')) return;
    if (!current) return;
    const key = event.key.toLowerCase();
    if (key === 's') {
      const chosen = current.querySelector('.candidate.chosen input[name=person]');
      if (chosen) decide(current, chosen.value);
    } else if (key === 'n') {
      decide(current, null);
    } else if (key === 'k') {
      select(next(current));
    } else if (/^[1-9]$/.test(key)) {
      choose(current, Number(key) - 1);
    } else {
      return;
    }
    event.preventDefault();
  });

  select(items()[0]);
})();

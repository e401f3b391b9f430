// The coordinator's triage list, kept current over server-sent events (/api/triage/live): a new
// report is drawn from the page's <template> at the top of the list; one another coordinator
// decided is marked and its buttons taken away. Confirm and reject stay plain forms, so the page
// works without this script, only without the live rows.
(function () {
  'use strict';
  const list = document.getElementById('triage');
  const template = document.getElementById('triage-row');
  if (!list || !template || list.dataset.live !== 'true' || !window.EventSource) return;
  const status = document.getElementById('live-status');
  const empty = document.getElementById('triage-empty');
  const labels = JSON.parse(list.dataset.labels || '{}');
  const time = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit'
  });

  function moscow(iso) {
    return iso ? time.format(new Date(iso)) : '—';
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  function field(li, name, text) {
    const el = li.querySelector('[data-field="' + name + '"]');
    if (el) el.textContent = text == null ? '' : String(text);
  }

  function draw(row) {
    if (list.querySelector('[data-id="' + CSS.escape(row.id) + '"]')) return null;
    const li = template.content.firstElementChild.cloneNode(true);
    li.dataset.id = row.id;
    li.dataset.report = row.report_id;
    li.querySelectorAll('[id], [for], form').forEach(el => {
      ['id', 'for', 'action'].forEach(a => {
        const v = el.getAttribute(a);
        if (v && v.includes('__ID__')) el.setAttribute(a, v.replace('__ID__', row.id));
      });
    });
    const flags = [];
    if (row.minor) flags.push(labels['flag.minor']);
    if (row.force_used) flags.push(labels['flag.force']);
    if (row.journalist) flags.push(labels['flag.journalist']);
    field(li, 'received', moscow(row.received_at));
    field(li, 'detained', moscow(row.detained_at));
    field(li, 'city', row.city || '—');
    field(li, 'station', row.station || '—');
    field(li, 'channel', labels['channel.' + row.channel] || row.channel);
    field(li, 'name', row.name);
    field(li, 'year', row.birth_year ? ', ' + row.birth_year : '');
    field(li, 'source', labels['source.' + row.source] || row.source);
    field(li, 'flags', flags.join(' '));
    field(li, 'excerpt', row.excerpt);
    li.classList.add('arrived');
    return li;
  }

  const after = list.dataset.after;
  const stream = new EventSource('/api/triage/live' + (after ? '?after=' + encodeURIComponent(after) : ''));
  stream.addEventListener('report', event => {
    const row = JSON.parse(event.data);
    const li = draw(row);
    if (!li) return;
    // Newest first: ids are time-ordered, so a row goes above the first older one.
    const older = Array.from(list.children).find(el => el.dataset.id < row.id);
    list.insertBefore(li, older || null);
    if (empty) empty.hidden = true;
    say((status.dataset.new || '').replace('{city}', row.city || '—'));
  });
  stream.addEventListener('decided', event => {
    const d = JSON.parse(event.data);
    const li = list.querySelector('[data-id="' + CSS.escape(d.id) + '"]');
    if (!li || li.classList.contains('done')) return;
    li.classList.add('done');
    li.querySelector('.actions').remove();
    field(li, 'decided', (labels['decided.' + d.kind] || d.kind)
      .replace('{name}', d.decided_by || '').replace('{time}', moscow(d.decided_at)));
    const city = li.querySelector('[data-field="city"]');
    say((status.dataset.decided || '')
      .replace('{name}', d.decided_by || '')
      .replace('{city}', city ? city.textContent : ''));
  });
  stream.addEventListener('ready', () => list.setAttribute('data-streaming', 'true'));
})();

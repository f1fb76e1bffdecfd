// The review inbox's behaviour: CSRF header for htmx, the live stream, SLA countdowns and keyboard triage.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener('htmx:configRequest', function (e) {
    var c = csrf();
    if (c) { e.detail.headers[c.header] = c.token; }
  });

  // SLA countdown: "due in 9m 41s" or "overdue by 2m 3s", every second
  function span(ms) {
    var s = Math.floor(Math.abs(ms) / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    return (h ? h + 'h ' : '') + (h || m ? m + 'm ' : '') + (s % 60) + 's';
  }
  function tick() {
    document.querySelectorAll('time.sla').forEach(function (t) {
      var left = Date.parse(t.getAttribute('datetime')) - Date.now();
      t.textContent = left >= 0 ? 'due in ' + span(left) : 'overdue by ' + span(left);
      t.classList.toggle('overdue', left < 0);
      t.classList.toggle('soon', left >= 0 && left < 5 * 60 * 1000);
    });
  }

  function post(url, fields) {
    var form = document.createElement('form');
    form.method = 'post';
    form.action = url;
    var c = csrf();
    var all = Object.assign({}, fields || {});
    if (c) { all._csrf = c.token; }
    Object.keys(all).forEach(function (k) {
      var input = document.createElement('input');
      input.type = 'hidden'; input.name = k; input.value = all[k];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  }

  function inbox() {
    var body = document.body;
    var selected = 0;
    function rows() { return Array.prototype.slice.call(document.querySelectorAll('#queue tr.row')); }
    function current() { return rows()[selected]; }
    function mark() {
      var all = rows();
      if (selected >= all.length) { selected = Math.max(0, all.length - 1); }
      all.forEach(function (r, i) {
        r.classList.toggle('selected', i === selected);
        r.setAttribute('aria-selected', i === selected ? 'true' : 'false');
      });
      var row = current();
      if (row && row.scrollIntoView) { row.scrollIntoView({ block: 'nearest' }); }
    }
    // one refresh at a time; a review that arrives meanwhile triggers one more (htmx drops overlapping requests)
    var refreshing = false, again = false;
    function refresh() {
      if (refreshing) { again = true; return; }
      refreshing = true;
      var keep = current() && current().dataset.id;
      var filters = new URLSearchParams(new FormData(document.getElementById('filters'))).toString();
      htmx.ajax('GET', body.dataset.queue + '?' + filters, { target: '#queue', swap: 'outerHTML' }).then(function () {
        var i = rows().findIndex(function (r) { return r.dataset.id === keep; });
        selected = i >= 0 ? i : selected;
        mark(); tick();
      }).finally(function () {
        refreshing = false;
        if (again) { again = false; refresh(); }
      });
    }
    document.body.addEventListener('htmx:afterSwap', function () { mark(); tick(); });

    var live = document.getElementById('live');
    var source = new EventSource(body.dataset.events);
    source.addEventListener('ready', function () { live.textContent = '● live'; live.classList.add('on'); });
    source.addEventListener('review', function () { refresh(); });
    source.onerror = function () { live.textContent = '○ reconnecting'; live.classList.remove('on'); };

    var help = document.getElementById('help');
    document.getElementById('help-button').addEventListener('click', function () { help.hidden = !help.hidden; });
    document.addEventListener('change', function (e) {
      if (e.target && e.target.id === 'select-all') {
        document.querySelectorAll('#queue input.pick:not(:disabled)').forEach(function (b) { b.checked = e.target.checked; });
      }
    });

    document.addEventListener('keydown', function (e) {
      var tag = (e.target.tagName || '').toLowerCase();
      if (tag === 'input' || tag === 'textarea' || tag === 'select' || e.ctrlKey || e.metaKey || e.altKey) { return; }
      var row = current();
      var id = row && row.dataset.id;
      switch (e.key) {
        case 'j': selected = Math.min(selected + 1, rows().length - 1); mark(); break;
        case 'k': selected = Math.max(selected - 1, 0); mark(); break;
        case '?': help.hidden = !help.hidden; break;
        case 'Escape': help.hidden = true; break;
        case 'Enter': if (id) { location.href = row.querySelector('a.open').href; } break;
        case 'x': if (row) { var box = row.querySelector('input.pick'); if (!box.disabled) { box.checked = !box.checked; } } break;
        case 'c': if (id) { post('/inbox/' + encodeURIComponent(id) + '/claim'); } break;
        case 'a': if (id) { post('/inbox/' + encodeURIComponent(id) + '/approve'); } break;
        // the fragment names the field itself: Chrome focuses a focusable fragment target after load, so naming the
        // button (#reject) would take the focus away from the reason box
        case 'r': if (id) { location.href = '/inbox/' + encodeURIComponent(id) + '#reason'; } break;
        case 'e': if (id) { location.href = '/inbox/' + encodeURIComponent(id) + '#parameters'; } break;
        default: return;
      }
      e.preventDefault();
    });
    mark();
  }

  function review() {
    var id = document.body.dataset.id;
    function focusFor(hash) {
      if (hash === '#reason' && document.getElementById('reason')) { document.getElementById('reason').focus(); }
      if (hash === '#parameters' && document.getElementById('edit')) {
        document.getElementById('edit').open = true;
        document.getElementById('parameters').focus();
      }
    }
    focusFor(location.hash);
    // and again once the browser has scrolled to the fragment (which may move the focus to it)
    window.addEventListener('load', function () { focusFor(location.hash); });
    document.addEventListener('keydown', function (e) {
      var tag = (e.target.tagName || '').toLowerCase();
      if (tag === 'input' || tag === 'textarea' || e.ctrlKey || e.metaKey || e.altKey) { return; }
      switch (e.key) {
        case 'a': if (document.getElementById('approve-form')) { document.getElementById('approve-form').submit(); } break;
        case 'r': focusFor('#reason'); break;
        case 'e': focusFor('#parameters'); break;
        case 'c': if (document.getElementById('claim')) { post('/inbox/' + encodeURIComponent(id) + '/claim'); } break;
        case 'u': location.href = '/inbox'; break;
        default: return;
      }
      e.preventDefault();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 1000);
    if (document.body.dataset.page === 'inbox') { inbox(); }
    if (document.body.dataset.page === 'review') { review(); }
  });
})();

// The fundraising page: goals with progress bars, the leaderboards by subreddit and by donor, and
// the recent donations. Everything comes from the public API (/api/donations/summary,
// /api/donations/by-subreddit, /api/donations/by-donor, /api/donations/recent), which never carries
// an email, a message or the name of an anonymous donor. Built with textContent only.
'use strict';
(() => {
  const { $, api, el, usd, when, say } = Clouvel;
  const PAGE_SIZE = 10;
  const offsets = { 'by-donor': 0, recent: 0 };

  function rows(tableId, items, cells) {
    const body = $(tableId).tBodies[0];
    body.replaceChildren(...items.map((item, index) => el('tr', {}, ...cells(item, index).map((cell, column) =>
      column === 1 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell)))));
  }

  function empty(tableId, text, columns) {
    $(tableId).tBodies[0].replaceChildren(el('tr', {}, el('td', { colSpan: columns }, text)));
  }

  function goal(g) {
    const label = g.title + (g.subreddit ? ' (r/' + g.subreddit + ')' : ' (all donations)');
    const bar = el('progress', { max: 100, value: g.percent, 'aria-label': label + ': ' + g.percent + '% raised' });
    return el('li', { className: 'goal' },
      el('h3', {}, label),
      bar,
      el('p', { className: 'goal-figures' },
        el('span', { className: 'raised' }, '$' + g.raised_usd), ' raised of ',
        el('span', { className: 'target' }, '$' + g.target_usd), ' (',
        el('span', { className: 'percent' }, g.percent + '%'), ')',
        g.ends_at ? ' - ends ' + when(g.ends_at) : ''));
  }

  async function summary() {
    const s = await api('/api/donations/summary');
    const count = (n, one) => n + ' ' + one + (n === 1 ? '' : 's');
    $('fund-totals').textContent = '$' + s.total_amount_usd + ' raised from ' + count(s.total_donations, 'donation')
      + ' (' + count(s.commissions, 'commission') + ', ' + count(s.supports, 'support') + ').';
    $('goals').replaceChildren(...s.goals.map(goal));
    $('goals-empty').hidden = s.goals.length > 0;
  }

  async function bySubreddit() {
    const board = await api('/api/donations/by-subreddit?limit=20');
    if (!board.items.length) { empty('by-subreddit', 'No donations yet.', 6); return; }
    rows('by-subreddit', board.items, (row, i) => [String(i + 1),
      row.subreddit === 'random' ? 'any subreddit' : 'r/' + row.subreddit, String(row.donations),
      String(row.commissions), String(row.supports), row.amount_usd]);
  }

  function pager(list, page) {
    const box = document.querySelector('.pager[data-list="' + list + '"]');
    const last = Math.min(page.offset + page.items.length, page.total);
    box.querySelector('.pager-status').textContent = page.total === 0 ? ''
      : (page.offset + 1) + '-' + last + ' of ' + page.total;
    box.querySelector('[data-step="-1"]').disabled = page.offset === 0;
    box.querySelector('[data-step="1"]').disabled = last >= page.total;
  }

  async function byDonor() {
    const page = await api('/api/donations/by-donor?limit=' + PAGE_SIZE + '&offset=' + offsets['by-donor']);
    pager('by-donor', page);
    if (!page.items.length) { empty('by-donor', 'No named donors yet.', 4); return; }
    rows('by-donor', page.items, (row, i) => [String(page.offset + i + 1), row.donor_name, String(row.donations),
      row.amount_usd]);
  }

  function target(d) {
    const where = d.subreddit ? 'r/' + d.subreddit : 'any subreddit';
    if (d.product_id) return el('a', { href: '/p/' + encodeURIComponent(d.product_id) }, where);
    return where;
  }

  async function recent() {
    const page = await api('/api/donations/recent?limit=' + PAGE_SIZE + '&offset=' + offsets.recent);
    pager('recent', page);
    if (!page.items.length) { empty('recent', 'No donations yet.', 5); return; }
    const body = $('recent').tBodies[0];
    body.replaceChildren(...page.items.map(d => el('tr', {},
      el('td', {}, el('time', { dateTime: d.created_at }, when(d.created_at))),
      el('th', { scope: 'row' }, d.donor_name),
      el('td', {}, d.donation_type === 'support' ? 'support' : 'commission' + (d.tier ? ' (' + d.tier + ')' : '')),
      el('td', {}, target(d)),
      el('td', {}, d.amount_usd))));
  }

  const loaders = { 'by-donor': byDonor, recent: recent };

  document.querySelectorAll('.pager').forEach(box => box.addEventListener('click', event => {
    const button = event.target.closest('button[data-step]');
    if (!button) return;
    const list = box.dataset.list;
    offsets[list] = Math.max(0, offsets[list] + Number(button.dataset.step) * PAGE_SIZE);
    loaders[list]().catch(e => say($('fund-message'), e.message, true));
  }));

  Promise.all([summary(), bySubreddit(), byDonor(), recent()])
    .then(() => { document.body.dataset.loaded = 'fundraising'; })
    .catch(e => say($('fund-message'), 'Could not load the figures: ' + e.message, true));
})();

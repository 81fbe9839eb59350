// The gallery page: products from GET /api/generated_products, a page at a time, filtered by subreddit
// and sorted. The address (?page=&subreddit=&sort=) always says what is shown, so a page can be linked
// and the back button works. Served as a file: the CSP allows no inline script.
'use strict';
(() => {
  const { $, api, el } = Clouvel;
  const PAGE_SIZE = 12;
  const SORTS = ['new', 'old'];
  let shown = 0;

  // What the address asks for, with bad values replaced by the defaults.
  function wanted() {
    const params = new URLSearchParams(location.search);
    const page = Number(params.get('page'));
    const subreddit = (params.get('subreddit') || '').replace(/^r\//i, '');
    return {
      page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1,
      subreddit: /^[A-Za-z0-9_]{2,21}$/.test(subreddit) ? subreddit : '',
      sort: SORTS.includes(params.get('sort')) ? params.get('sort') : 'new'
    };
  }

  function address(state) {
    const params = new URLSearchParams();
    if (state.page > 1) params.set('page', String(state.page));
    if (state.subreddit) params.set('subreddit', state.subreddit);
    if (state.sort !== 'new') params.set('sort', state.sort);
    const query = params.toString();
    return '/' + (query ? '?' + query : '');
  }

  function productsPath(limit, offset, subreddit) {
    return '/api/generated_products?limit=' + limit + '&offset=' + offset
      + (subreddit ? '&subreddit=' + encodeURIComponent(subreddit) : '');
  }

  // One page of products. The API gives newest first; oldest first reads the same pages from the
  // other end (by the total) and reverses them, so both orders use the API's own paging.
  async function fetchPage(state) {
    if (state.sort === 'new') {
      const answer = await api(productsPath(PAGE_SIZE, (state.page - 1) * PAGE_SIZE, state.subreddit));
      return { items: answer.items, total: answer.total };
    }
    const total = (await api(productsPath(1, 0, state.subreddit))).total;
    const end = total - (state.page - 1) * PAGE_SIZE;
    if (end <= 0) return { items: [], total };
    const start = Math.max(0, end - PAGE_SIZE);
    const answer = await api(productsPath(end - start, start, state.subreddit));
    return { items: answer.items.slice().reverse(), total: answer.total };
  }

  function card(product) {
    const support = product.support && product.support.count
      ? '$' + product.support.amount_usd + ' from ' + product.support.count + (product.support.count === 1 ? ' supporter' : ' supporters')
      : 'No support yet';
    return el('article', { className: 'card' },
      el('a', { href: '/p/' + product.id },
        el('img', { src: product.image_url, alt: product.image_title, loading: 'lazy', width: 512, height: 512 }),
        el('div', {},
          el('strong', { className: 'card-title' }, product.image_title),
          el('span', { className: 'sub' }, 'r/' + product.subreddit),
          el('span', { className: 'support' }, support))));
  }

  function pageLink(link, state, page, visible) {
    link.hidden = !visible;
    link.href = address(Object.assign({}, state, { page }));
  }

  async function show(state) {
    const token = ++shown;
    $('filter-subreddit').value = state.subreddit;
    $('filter-sort').value = state.sort;
    $('gallery').setAttribute('aria-busy', 'true');
    let page;
    try {
      page = await fetchPage(state);
    } catch (error) {
      if (token !== shown) return;
      $('gallery').removeAttribute('aria-busy');
      Clouvel.say($('gallery-status'), 'The gallery could not be loaded: ' + error.message, true);
      return;
    }
    if (token !== shown) return;
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    $('gallery').replaceChildren(...page.items.map(card));
    $('gallery').removeAttribute('aria-busy');
    const where = state.subreddit ? ' from r/' + state.subreddit : '';
    $('gallery-empty').hidden = page.items.length > 0;
    if (!page.items.length) {
      $('gallery-empty-text').textContent = page.total
        ? 'Page ' + state.page + ' is past the end: there ' + (pages === 1 ? 'is 1 page.' : 'are ' + pages + ' pages.')
        : 'No products' + where + ' yet.';
      $('gallery-empty-link').href = page.total ? address(Object.assign({}, state, { page: pages }))
        : '/commission' + (state.subreddit ? '?subreddit=' + encodeURIComponent(state.subreddit) : '');
      $('gallery-empty-link').textContent = page.total ? 'Go to the last page' : 'Commission the first one';
    }
    Clouvel.say($('gallery-status'), page.total + (page.total === 1 ? ' product' : ' products') + where
      + (page.items.length ? ', page ' + state.page + ' of ' + pages : ''));
    $('page-of').textContent = page.items.length && pages > 1 ? 'Page ' + state.page + ' of ' + pages : '';
    pageLink($('page-prev'), state, state.page - 1, state.page > 1 && state.page <= pages);
    pageLink($('page-next'), state, state.page + 1, state.page < pages);
  }

  function go(state) {
    history.pushState(null, '', address(state));
    show(state);
  }

  async function loadSubreddits() {
    const select = $('filter-subreddit');
    const current = wanted().subreddit;
    let names = [];
    try {
      names = (await api('/api/subreddits?limit=100')).items.map(s => s.name);
    } catch (ignored) {
      // The filter still offers "All subreddits" and the one in the address.
    }
    if (current && !names.some(name => name.toLowerCase() === current.toLowerCase())) names.push(current);
    select.append(...names.map(name => el('option', { value: name }, 'r/' + name)));
    select.value = current;
  }

  $('filter-subreddit').onchange = () => go(Object.assign(wanted(), { subreddit: $('filter-subreddit').value, page: 1 }));
  $('filter-sort').onchange = () => go(Object.assign(wanted(), { sort: $('filter-sort').value, page: 1 }));
  $('gallery-filters').onsubmit = event => { event.preventDefault(); };
  for (const link of [$('page-prev'), $('page-next'), $('gallery-empty-link')]) {
    link.addEventListener('click', event => {
      const url = new URL(link.href, location.href);
      if (url.pathname !== '/' || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      history.pushState(null, '', url.pathname + url.search);
      show(wanted());
      $('gallery-title').scrollIntoView();
    });
  }
  window.addEventListener('popstate', () => show(wanted()));

  loadSubreddits().then(() => show(wanted()));
})();

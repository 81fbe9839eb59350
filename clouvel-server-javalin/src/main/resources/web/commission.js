// The commission page: tier cards, the form that adapts to the donation and commission type, subreddit
// suggestions, "Check" with a preview of the post, the checkout, then either the live progress of the
// commission or the thank-you for a support. Served as a file: the CSP allows no inline script.
'use strict';
(() => {
  const { $, api, el, usd, say } = Clouvel;
  const form = $('commission');
  const TYPE_WORDS = { random_random: 'any post', random_subreddit: 'a post from a subreddit', specific_post: 'a specific post' };
  const FIELDS = ['commission_type', 'subreddit', 'post_id', 'amount_usd', 'commission_message', 'customer_name',
    'customer_email', 'reddit_username'];
  const SUPPORTED_KEY = 'clouvel.supportedProduct.';
  let tiers = null;

  function donationType() { return form.donation_type.value; }

  function requestBody() {
    const body = {};
    for (const [key, value] of new FormData(form).entries()) {
      if (key === 'is_anonymous') continue;
      if (String(value).trim() !== '') body[key] = String(value).trim();
    }
    body.is_anonymous = form.is_anonymous.checked;
    // Send only what the chosen kind of donation uses.
    if (body.donation_type === 'support') {
      delete body.commission_type; delete body.subreddit; delete body.commission_message;
    } else if (body.commission_type === 'random_random') {
      delete body.subreddit; delete body.post_id;
    } else if (body.commission_type === 'random_subreddit') {
      delete body.post_id;
    } else {
      delete body.subreddit;
    }
    return body;
  }

  // Shows the fields the chosen donation and commission type use, and hides the others.
  function adapt() {
    const support = donationType() === 'support';
    const type = form.commission_type.value;
    for (const label of form.querySelectorAll('[data-for]')) {
      const role = label.dataset.for;
      const shown = role === 'commission' ? !support
        : role === 'random_subreddit' ? !support && type === 'random_subreddit'
          : role === 'post' ? support || type === 'specific_post' : true;
      label.hidden = !shown;
    }
    $('pay').textContent = support ? 'Pay and support' : 'Pay and commission';
    $('page-title').textContent = support ? 'Support a post' : 'Commission a product';
    clearErrors();
    $('preview').hidden = true;
    showTierNow();
  }

  function clearErrors() {
    for (const name of FIELDS) {
      const error = $('error-' + name);
      if (error) error.textContent = '';
      if (form[name] && form[name].removeAttribute) form[name].removeAttribute('aria-invalid');
    }
    say($('message'), '');
  }

  // Puts each problem next to its field; what has no field goes to the message by the buttons.
  function showError(error) {
    clearErrors();
    const details = (error.details && error.details.length) ? error.details : [{ field: null, message: error.message }];
    let first = null;
    for (const detail of details) {
      const target = detail.field && $('error-' + detail.field);
      if (target && !target.closest('[hidden]')) {
        target.textContent = detail.message;
        form[detail.field].setAttribute('aria-invalid', 'true');
        first = first || form[detail.field];
      } else {
        say($('message'), detail.message || error.message, true);
      }
    }
    if (first) first.focus();
  }

  function cents(text) {
    const value = Number(String(text).replace(/[$,\s]/g, ''));
    return isFinite(value) ? Math.round(value * 100) : NaN;
  }

  function tierFor(amountCents) {
    let best = null;
    for (const tier of (tiers ? tiers.tiers : [])) {
      if (amountCents >= tier.min_amount_cents && (!best || tier.min_amount_cents > best.min_amount_cents)) best = tier;
    }
    return best;
  }

  function showTierNow() {
    if (!tiers) return;
    const tier = tierFor(cents(form.amount_usd.value));
    $('tier-now').textContent = tier ? 'That is the ' + tier.name + ' tier (' + quality(tier.image_quality) + ').' : '';
    for (const card of document.querySelectorAll('.tier-card')) {
      card.setAttribute('aria-pressed', String(!!tier && card.dataset.tier === tier.name));
    }
  }

  function quality(name) {
    return name === 'hd' ? 'HD image' : 'standard image';
  }

  function minimumCents(typeName) {
    const type = tiers.commission_types.find(t => t.type === typeName);
    return type ? cents(type.min_amount_usd) : Infinity;
  }

  async function loadTiers() {
    tiers = await api('/api/donation-tiers');
    const list = $('tier-cards');
    list.replaceChildren();
    for (const tier of tiers.tiers) {
      const unlocks = tiers.commission_types.filter(t => minimumCents(t.type) <= tier.min_amount_cents)
        .map(t => TYPE_WORDS[t.type] || t.type);
      const card = el('button', { type: 'button', className: 'tier-card', 'aria-pressed': 'false' },
        el('span', { className: 'tier-name' }, tier.name),
        el('span', { className: 'tier-price' }, 'from $' + tier.min_amount_usd),
        el('span', { className: 'tier-quality' }, quality(tier.image_quality)),
        el('span', { className: 'tier-unlocks' }, unlocks.length ? 'Commission ' + unlocks.join(', ') : 'Supports only'));
      card.dataset.tier = tier.name;
      card.onclick = () => {
        form.amount_usd.value = tier.min_amount_usd;
        // A commission type the tier does not unlock is changed to the best one it does.
        if (donationType() === 'commission' && minimumCents(form.commission_type.value) > tier.min_amount_cents) {
          const allowed = tiers.commission_types.filter(t => minimumCents(t.type) <= tier.min_amount_cents);
          if (allowed.length) form.commission_type.value = allowed[allowed.length - 1].type;
          adapt();
        }
        showTierNow();
        $('preview').hidden = true;
        say($('message'), tier.name + ' chosen: $' + tier.min_amount_usd + '.');
      };
      list.append(el('li', {}, card));
    }
    $('tiers').textContent = 'Tiers: ' + tiers.tiers.map(t => t.name + ' from $' + t.min_amount_usd).join(', ')
      + '. Amounts from $' + tiers.min_amount_usd + ' to $' + tiers.max_amount_usd + '.';
    showTierNow();
  }

  // Subreddit suggestions from GET /api/subreddits, for the <datalist>.
  let suggestionsFor = null;
  async function suggest() {
    const q = form.subreddit.value.trim().replace(/^r\//i, '');
    if (!/^[A-Za-z0-9_]{0,21}$/.test(q) || q === suggestionsFor) return;
    suggestionsFor = q;
    try {
      const answer = await api('/api/subreddits?limit=20&q=' + encodeURIComponent(q));
      if (suggestionsFor !== q) return;
      $('subreddit-suggestions').replaceChildren(...answer.items.map(s => el('option', { value: s.name },
        (s.title || s.name) + (s.eligible_posts !== null ? ' - ' + s.eligible_posts + ' posts ready' : '')
        + (s.nsfw ? ' (NSFW)' : ''))));
    } catch (ignored) {
      // Suggestions are a help; typing a name still works without them.
    }
  }

  function showPreview(result) {
    const post = result.post;
    if (!post) {
      $('preview').hidden = true;
      return;
    }
    $('preview-meta').textContent = 'r/' + post.subreddit + ' - by u/' + post.author + ' - ' + post.score + ' points, '
      + post.comment_count + ' comments';
    $('preview-title').textContent = donationType() === 'commission' && form.commission_type.value === 'random_subreddit'
      ? 'A post it may use: one of r/' + post.subreddit + "' eligible posts is drawn when the work starts"
      : donationType() === 'support' ? 'The post you support' : 'The post it will use';
    $('preview-post-title').textContent = post.title;
    $('preview-excerpt').textContent = result.excerpt || '';
    $('preview-link').href = post.url;
    $('preview').hidden = false;
  }

  async function check() {
    clearErrors();
    try {
      const result = await api('/api/commissions/validate', { json: requestBody() });
      showPreview(result);
      const what = donationType() === 'support' ? 'Your support of this post is ready to pay'
        : result.post ? 'Looks good: this is the post we would illustrate' : 'Looks good: we will pick a trending post';
      say($('message'), what + ' (' + (result.tier ? result.tier + ' tier, ' : '') + quality(result.image_quality)
        + ', $' + result.amount_usd + ').');
      return true;
    } catch (error) {
      $('preview').hidden = true;
      showError(error);
      return false;
    }
  }

  async function pay(event) {
    event.preventDefault();
    clearErrors();
    try {
      const checkout = await api('/api/donations/create-checkout-session', { json: requestBody() });
      window.location = checkout.checkout_url;
    } catch (error) {
      showError(error);
    }
  }

  async function donationStatus(paymentId) {
    for (let i = 0; i < 60; i++) {
      try {
        const donation = await api('/api/donations/' + encodeURIComponent(paymentId));
        if (donation.task_id || (donation.donation_type === 'support' && donation.status === 'succeeded')) return donation;
      } catch (ignored) {
        // Not recorded yet (a Stripe webhook may be on its way): ask again.
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
    return null;
  }

  // After the checkout: the thank-you for a support, or the commission's live progress.
  async function followPayment(paymentId) {
    $('choose').hidden = true;
    $('progress').hidden = false;
    const donation = await donationStatus(paymentId);
    if (donation && donation.donation_type === 'support') {
      $('progress').hidden = true;
      $('thanks').hidden = false;
      $('thanks-status').textContent = 'Your $' + donation.amount_usd + ' support of this post is recorded. Thank you!';
      const links = [];
      const productId = await productOfPost(donation.post_id);
      if (productId) links.push(el('a', { href: '/p/' + encodeURIComponent(productId), id: 'thanks-product' }, 'See the product'));
      if (donation.post_id) links.push(el('a', { href: '/commission?support=' + encodeURIComponent(donation.post_id) }, 'Support it again'));
      links.push(el('a', { href: '/' }, 'Back to the gallery'));
      $('thanks-links').replaceChildren(...links.flatMap((link, i) => i ? [' - ', link] : [link]));
      $('thanks-title').focus();
      return;
    }
    if (!donation || !donation.task_id) {
      $('progress-status').textContent = 'The payment is not confirmed yet; reload this page in a minute.';
      return;
    }
    $('progress-title').focus();
    ClouvelLiveTask.follow(donation.task_id, data => {
      $('progress-bar').style.width = data.progress + '%';
      $('progress-meter').setAttribute('aria-valuenow', String(data.progress));
      $('progress-status').textContent = data.progress + '% - ' + data.message;
      const text = data.progress + '% ' + data.message;
      const last = $('ladder').lastElementChild;
      if (!last || last.textContent !== text) $('ladder').append(el('li', {}, text));
      if (data.status === 'completed' && data.product_id) {
        $('progress-result').replaceChildren(el('a', { href: '/p/' + encodeURIComponent(data.product_id), id: 'product-link' },
          'See your product'));
      } else if (data.status === 'failed') {
        $('progress-result').textContent = 'It could not be made; your payment is being refunded.';
      } else if (data.status === 'cancelled') {
        $('progress-result').textContent = 'It was cancelled; your payment is being refunded.';
      }
    }, {
      onConnection: (state, delayMs) => {
        $('progress-connection').textContent = state === 'closed'
          ? 'Connection lost; reconnecting in ' + Math.ceil(delayMs / 1000) + ' s...' : '';
      }
    });
  }

  // The product made from a post: the one the product page's "Support this post" came from (kept for this
  // tab while the visitor pays), else the newest product of that post in the gallery's first page.
  async function productOfPost(postId) {
    if (!postId) return null;
    const remembered = sessionStorage.getItem(SUPPORTED_KEY + postId);
    if (remembered) return remembered;
    try {
      const page = await api('/api/generated_products?limit=100');
      const product = page.items.find(p => p.post_id === postId);
      return product ? String(product.id) : null;
    } catch (ignored) {
      return null;
    }
  }

  for (const radio of form.querySelectorAll('input[name="donation_type"]')) radio.onchange = adapt;
  form.commission_type.onchange = adapt;
  form.amount_usd.oninput = () => { showTierNow(); $('preview').hidden = true; };
  form.subreddit.oninput = suggest;
  form.subreddit.onfocus = suggest;
  form.post_id.oninput = () => { $('preview').hidden = true; };
  $('check').onclick = check;
  form.onsubmit = pay;

  const params = new URLSearchParams(location.search);
  if (params.get('support')) {
    // From a product page's "Support this post": the form becomes a support of that post.
    form.donation_type.value = 'support';
    form.post_id.value = params.get('support');
    form.amount_usd.value = '5.00';
    if (/^[0-9]{1,18}$/.test(params.get('product') || '')) {
      sessionStorage.setItem(SUPPORTED_KEY + params.get('support'), params.get('product'));
    }
  } else if (params.get('post_id')) {
    // The promoter agent links here with ?post_id=<id>: preselect that post.
    form.post_id.value = params.get('post_id');
    form.commission_type.value = 'specific_post';
    form.amount_usd.value = '25.00';
  } else if (/^[A-Za-z0-9_]{2,21}$/.test(params.get('subreddit') || '')) {
    // A product page's "Commission one from r/...": a post from that subreddit.
    form.commission_type.value = 'random_subreddit';
    form.subreddit.value = params.get('subreddit');
  }
  adapt();
  loadTiers().catch(error => say($('tiers'), 'The tiers could not be loaded: ' + error.message, true));
  if (params.get('support')) say($('message'), 'Supporting post ' + params.get('support') + ': choose an amount, then pay.');
  if (params.get('checkout') === 'success' && params.get('payment_id')) followPayment(params.get('payment_id'));
  if (params.get('checkout') === 'cancelled') say($('message'), 'Checkout cancelled; nothing was charged.');
})();

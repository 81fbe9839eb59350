// The commission page: the form, the checkout and live progress. Served as a file: the CSP allows no inline script.
'use strict';
const { $ } = Clouvel;

function requestBody() {
  const form = new FormData($('commission'));
  const body = {};
  for (const [key, value] of form.entries()) {
    if (key === 'is_anonymous') continue;
    if (String(value).trim() !== '') body[key] = String(value).trim();
  }
  body.is_anonymous = $('commission').is_anonymous.checked;
  if (body.donation_type === 'support') delete body.commission_type;
  return body;
}

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw json.error || { message: 'request failed' };
  return json;
}

function show(text, isError) {
  $('message').textContent = text;
  $('message').className = isError ? 'error' : '';
}

$('check').onclick = async () => {
  try {
    const result = await post('/api/commissions/validate', requestBody());
    show('Looks good: ' + (result.tier || 'no') + ' tier, ' + result.image_quality + ' image'
      + (result.post ? ', e.g. "' + result.post.title + '"' : ''));
  } catch (error) { show(error.message, true); }
};

$('commission').onsubmit = async event => {
  event.preventDefault();
  try {
    const checkout = await post('/api/donations/create-checkout-session', requestBody());
    window.location = checkout.checkout_url;
  } catch (error) { show(error.message, true); }
};

async function loadTiers() {
  const tiers = await (await fetch('/api/donation-tiers')).json();
  $('tiers').textContent = 'Tiers: ' + tiers.tiers.map(t => t.name + ' $' + t.min_amount_usd).join(', ')
    + '. Gold and above get HD images.';
}

async function followCommission(paymentId) {
  $('progress').hidden = false;
  let donation = null;
  for (let i = 0; i < 60 && !(donation && donation.task_id); i++) {
    const response = await fetch('/api/donations/' + encodeURIComponent(paymentId));
    if (response.ok) donation = await response.json();
    if (donation && donation.task_id) break;
    if (donation && donation.donation_type === 'support' && donation.status === 'succeeded') {
      $('progress-status').textContent = 'Thank you for supporting this post!';
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  if (!donation || !donation.task_id) { $('progress-status').textContent = 'The payment is not confirmed yet.'; return; }
  ClouvelLiveTask.follow(donation.task_id, data => {
    $('progress-bar').style.width = data.progress + '%';
    $('progress-status').textContent = data.progress + '% - ' + data.message;
    const text = data.progress + '% ' + data.message;
    const last = $('ladder').lastElementChild;
    if (!last || last.textContent !== text) {
      const step = document.createElement('li');
      step.textContent = text;
      $('ladder').append(step);
    }
    if (data.status === 'completed' && data.product_id) {
      $('progress-result').innerHTML = '<a href="/p/' + encodeURIComponent(data.product_id) + '">See your product</a>';
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

loadTiers();
const params = new URLSearchParams(location.search);
if (params.get('checkout') === 'success' && params.get('payment_id')) followCommission(params.get('payment_id'));
if (params.get('checkout') === 'cancelled') show('Checkout cancelled.', false);
if (params.get('support')) {
  // From a product page's "Support this post": the form becomes a support of that post.
  const form = $('commission');
  form.donation_type.value = 'support';
  form.post_id.value = params.get('support');
  form.amount_usd.value = '5.00';
  show('Supporting post ' + params.get('support') + ': choose an amount, then pay.', false);
}
if (params.get('post_id')) {
  // The promoter agent links here with ?post_id=<id>#commission: preselect that post.
  const form = $('commission');
  form.post_id.value = params.get('post_id');
  form.commission_type.value = 'specific_post';
  form.amount_usd.value = '25.00';
  form.scrollIntoView();
}


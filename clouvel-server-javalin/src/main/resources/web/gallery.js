// The gallery page. Served as a file: the CSP allows no inline script.
'use strict';
const { $ } = Clouvel;

async function loadGallery() {
  const page = await (await fetch('/api/generated_products?limit=24')).json();
  $('gallery').innerHTML = '';
  for (const product of page.items) {
    const card = document.createElement('div');
    card.className = 'card';
    const link = document.createElement('a');
    link.href = '/p/' + product.id;
    const img = document.createElement('img');
    img.src = product.image_url; img.alt = product.image_title; img.loading = 'lazy';
    const text = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = product.image_title;
    const sub = document.createElement('div');
    sub.className = 'sub';
    sub.textContent = 'r/' + product.subreddit + (product.support.count ? ' - $' + product.support.amount_usd + ' support' : '');
    text.append(title, sub);
    link.append(img, text);
    card.append(link);
    $('gallery').append(card);
  }
}

loadGallery();

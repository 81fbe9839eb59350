// Shared by every page: small helpers over fetch and the DOM. Pages build their content with
// textContent and elements, never by pasting server text into innerHTML.
'use strict';
const Clouvel = (() => {
  const ADMIN_SECRET_KEY = 'clouvel.adminSecret';

  /** The element with this id. */
  const $ = id => document.getElementById(id);

  /** Calls the API and returns its JSON; throws the API's {code, message} error on a non-2xx answer. */
  async function api(path, options) {
    const init = Object.assign({ headers: {} }, options || {});
    if (init.json !== undefined) {
      init.method = init.method || 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(init.json);
      delete init.json;
    }
    if (init.admin) {
      init.headers['X-Admin-Secret'] = adminSecret();
      delete init.admin;
    }
    const response = await fetch(path, init);
    let body = null;
    try { body = await response.json(); } catch (ignored) { body = null; }
    if (!response.ok) {
      const error = (body && body.error) || { code: 'http_' + response.status, message: 'request failed (' + response.status + ')' };
      error.status = response.status;
      throw error;
    }
    return body;
  }

  /** A new element: el('a', {href: '/p/1', className: 'x'}, 'text', otherNode). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key in node && key !== 'list') node[key] = value; else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /** "12.50" from cents. */
  function usd(cents) {
    return (cents / 100).toFixed(2);
  }

  /** "2026-12-01 21:05" from an ISO timestamp, in the visitor's time zone. */
  function when(iso) {
    if (!iso) return '';
    const date = new Date(iso);
    const pad = n => String(n).padStart(2, '0');
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' '
      + pad(date.getHours()) + ':' + pad(date.getMinutes());
  }

  /** Shows a message in a status element (role="status" makes screen readers read it). */
  function say(element, text, isError) {
    element.textContent = text || '';
    element.classList.toggle('error', !!isError);
  }

  /** The admin secret for this tab only (sessionStorage: gone when the tab closes). */
  function adminSecret(value) {
    if (value !== undefined) sessionStorage.setItem(ADMIN_SECRET_KEY, value);
    return sessionStorage.getItem(ADMIN_SECRET_KEY) || '';
  }

  return { $, api, el, usd, when, say, adminSecret };
})();

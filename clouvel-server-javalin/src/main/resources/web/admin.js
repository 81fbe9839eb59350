// The admin page. Served as a file: the CSP allows no inline script.
'use strict';
const { $ } = Clouvel;

// The agents' panel (admin): the latest decisions and actions, and dry runs.
async function admin(path, method) {
  const response = await fetch(path, { method: method || 'GET', headers: { 'X-Admin-Secret': $('admin-secret').value } });
  const json = await response.json();
  if (!response.ok) throw json.error || { message: 'request failed' };
  return json;
}

function agentsMessage(text, isError) {
  $('agents-message').textContent = text;
  $('agents-message').className = isError ? 'error' : '';
}

async function loadAgents() {
  try {
    const page = await admin('/api/admin/agents/actions?limit=50');
    const body = $('agents-table').tBodies[0];
    body.replaceChildren();
    for (const a of page.items) {
      const row = body.insertRow();
      for (const value of [a.created_at.replace('T', ' ').slice(0, 19), a.agent, a.action,
          a.outcome + (a.dry_run ? ' (dry)' : ''), (a.subreddit ? 'r/' + a.subreddit + ' ' : '') + a.target,
          a.reason, a.content, a.reddit_id || '']) {
        row.insertCell().textContent = value;
      }
    }
    agentsMessage(page.total + ' recorded', false);
  } catch (error) {
    agentsMessage(error.message, true);
  }
}

$('agents-load').onclick = loadAgents;
for (const button of document.querySelectorAll('[data-run]')) {
  button.onclick = async () => {
    try {
      const run = await admin('/api/admin/agents/' + button.dataset.run + '/run?dry_run=true', 'POST');
      agentsMessage(run.decisions + ' decision(s), ' + run.actions + ' action(s)', false);
      await loadAgents();
    } catch (error) {
      agentsMessage(error.message, true);
    }
  };
}

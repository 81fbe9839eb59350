// The admin area. Served as a file: the CSP allows no inline script. The HTML holds no admin data:
// everything below is read with the admin secret of this tab (Clouvel.adminSecret, sessionStorage).
'use strict';
(() => {
  const { $, el, say, when } = Clouvel;
  const PAGE = 20;
  const tasksView = { offset: 0, total: 0 };
  const actionsView = { offset: 0, total: 0 };

  // ---- Calls: every one carries the secret; a 403 signs the tab out and does nothing else. ----

  // Each sign-in and sign-out starts a new session: an answer that arrives after its session ended is
  // dropped (its promise never settles), so a slow load cannot refill the panels of a signed-out tab.
  let session = 0;
  const NEVER = new Promise(() => {});

  async function admin(path, options) {
    const mine = session;
    try {
      const answer = await Clouvel.api(path, Object.assign({ admin: true }, options || {}));
      return mine === session ? answer : NEVER;
    } catch (error) {
      if (mine !== session) return NEVER;
      if (error.status === 403) {
        signOut('The server refused the admin secret (' + error.message + '). Sign in again.');
      }
      throw error;
    }
  }

  // ---- An accessible confirmation (a modal <dialog>: focus stays inside, Escape keeps things as they are). ----

  function confirmAction(title, text, confirmLabel) {
    const dialog = $('confirm');
    $('confirm-title').textContent = title;
    $('confirm-text').textContent = text;
    $('confirm-ok').textContent = confirmLabel;
    dialog.returnValue = '';
    return new Promise(resolve => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
      dialog.showModal();
      $('confirm-cancel').focus();
    });
  }

  // ---- Sign in and out ----

  async function signIn(secret, quiet) {
    session++;
    Clouvel.adminSecret(secret);
    try {
      const schedule = await Clouvel.api('/api/admin/scheduler/status', { admin: true });
      $('signin').hidden = true;
      $('admin-panels').hidden = false;
      say($('signin-message'), '');
      $('admin-secret').value = '';
      showSchedule(schedule);
      await Promise.all([loadTasks(), loadAgents(), loadActions(), loadChoices()]);
      if (!quiet) $('signed-in').focus();
    } catch (error) {
      Clouvel.adminSecret('');
      closePanels();
      say($('signin-message'), error.status === 403
        ? 'That admin secret was refused: ' + error.message + '. Nothing was done.'
        : 'Could not reach the server: ' + error.message, true);
    }
  }

  /** Hides the panels and empties everything they showed, so no admin data stays in the page. */
  function closePanels() {
    session++;
    $('admin-panels').hidden = true;
    $('signin').hidden = false;
    for (const body of [$('tasks-table').tBodies[0], $('agents-table').tBodies[0]]) body.replaceChildren();
    for (const id of ['agent-cards', 'scheduler-status', 'publish-result', 'agents-summary', 'product-list']) {
      $(id).replaceChildren();
    }
    for (const message of $('admin-panels').querySelectorAll('[role=status]:not(#signed-in)')) say(message, '');
  }

  function signOut(message) {
    Clouvel.adminSecret('');
    closePanels();
    say($('signin-message'), message || 'Signed out. The secret is forgotten in this tab.', !!message);
    $('admin-secret').focus();
  }

  $('signin-form').addEventListener('submit', event => {
    event.preventDefault();
    const secret = $('admin-secret').value;
    say($('signin-message'), 'Checking the secret…');
    signIn(secret, false);
  });
  $('signout').addEventListener('click', () => signOut());
  $('signed-in').tabIndex = -1;

  // ---- Paging ----

  function pager(view, prefix, load) {
    $(prefix + '-prev').addEventListener('click', () => { view.offset = Math.max(0, view.offset - PAGE); load(); });
    $(prefix + '-next').addEventListener('click', () => { view.offset += PAGE; load(); });
  }

  function showRange(view, prefix, page) {
    view.total = page.total;
    const first = page.total === 0 ? 0 : page.offset + 1;
    $(prefix + '-range').textContent = first + '–' + (page.offset + page.items.length) + ' of ' + page.total;
    $(prefix + '-prev').disabled = page.offset === 0;
    $(prefix + '-next').disabled = page.offset + page.items.length >= page.total;
  }

  // ---- Tasks ----

  const STATUS_LABELS = { pending: 'queued', in_progress: 'running', completed: 'completed', failed: 'failed',
    cancelled: 'cancelled' };
  const REFUND_LABELS = { pending: 'not paid yet', succeeded: 'paid', failed: 'payment failed',
    refund_pending: 'refund pending', refunded: 'refunded' };

  function taskStatus(task) {
    return task.status === 'pending' && task.attempts > 0 ? 'retrying' : STATUS_LABELS[task.status] || task.status;
  }

  function commissionText(type, subreddit, postId) {
    if (type === 'specific_post') return 'post ' + postId + (subreddit ? ' in r/' + subreddit : '');
    return 'random post' + (subreddit ? ' in r/' + subreddit : ' from any subreddit') + (postId ? ' (' + postId + ')' : '');
  }

  /** Where the money stands: only gateway payments are paid and refunded; manual and scheduled ones move none. */
  function refundText(donation) {
    if (!donation) return '';
    if (donation.source !== 'gateway' && donation.status === 'succeeded') return 'no payment';
    return REFUND_LABELS[donation.status] || donation.status;
  }

  function donationText(donation) {
    if (!donation) return 'none';
    return '$' + donation.amount_usd + ' ' + (donation.source === 'gateway' ? 'via ' + donation.gateway : donation.source);
  }

  async function loadTasks() {
    const status = $('tasks-status').value;
    try {
      const page = await admin('/api/admin/tasks?limit=' + PAGE + '&offset=' + tasksView.offset
        + (status ? '&status=' + encodeURIComponent(status) : ''));
      const body = $('tasks-table').tBodies[0];
      body.replaceChildren();
      for (const { task, donation } of page.items) {
        body.append(taskRow(task, donation));
      }
      showRange(tasksView, 'tasks', page);
      say($('tasks-message'), page.items.length ? '' : 'No tasks' + (status ? ' with this status.' : ' yet.'));
    } catch (error) {
      say($('tasks-message'), error.message, true);
    }
  }

  function taskRow(task, donation) {
    const where = commissionText(task.commission_type, task.subreddit, task.post_id);
    const progress = el('progress', { max: 100, value: task.progress, 'aria-label': 'Task ' + task.task_id + ' progress' });
    const actions = el('td', { className: 'row-actions' });
    const refunded = donation && (donation.status === 'refunded' || donation.status === 'refund_pending');
    if (task.status === 'pending' || task.status === 'in_progress') {
      actions.append(el('button', { type: 'button', className: 'danger', 'data-cancel': task.task_id,
        'aria-label': 'Cancel task ' + task.task_id, onclick: () => cancelTask(task, donation) }, 'Cancel'));
    }
    if ((task.status === 'failed' || task.status === 'cancelled') && !refunded) {
      actions.append(el('button', { type: 'button', className: 'secondary', 'data-retry': task.task_id,
        'aria-label': 'Retry task ' + task.task_id, onclick: () => retryTask(task) }, 'Retry'));
    }
    return el('tr', { 'data-task': task.task_id },
      el('td', {}, when(task.created_at)),
      el('td', {}, el('code', {}, task.task_id)),
      el('td', {}, where),
      el('td', { className: 'task-status' }, taskStatus(task)),
      el('td', {}, progress, ' ' + task.progress + '% ' + (task.message || '')),
      el('td', {}, donationText(donation)),
      el('td', { className: 'refund-state' }, refundText(donation)),
      el('td', {}, task.error || ''),
      actions);
  }

  async function cancelTask(task, donation) {
    const paid = donation && donation.status === 'succeeded' && donation.source === 'gateway';
    const ok = await confirmAction('Cancel this task?', 'Task ' + task.task_id + ' (' + taskStatus(task) + ') stops at its'
      + ' next step and saves nothing.' + (paid ? ' Its $' + donation.amount_usd + ' donation is refunded to the donor.' : '')
      + ' This cannot be undone.', 'Cancel the task' + (paid ? ' and refund' : ''));
    if (!ok) {
      say($('tasks-message'), 'Nothing was cancelled.');
      return;
    }
    try {
      const cancelled = await admin('/api/tasks/' + encodeURIComponent(task.task_id) + '/cancel', { method: 'POST' });
      await loadTasks();
      const row = document.querySelector('tr[data-task="' + CSS.escape(task.task_id) + '"]');
      const refund = row ? row.querySelector('.refund-state').textContent : '';
      say($('tasks-message'), 'Task ' + cancelled.task_id + ' is ' + cancelled.status
        + (refund ? '; its donation: ' + refund : '') + '.');
    } catch (error) {
      say($('tasks-message'), 'Not cancelled: ' + error.message, true);
    }
  }

  async function retryTask(task) {
    try {
      const retried = await admin('/api/tasks/' + encodeURIComponent(task.task_id) + '/retry', { method: 'POST' });
      await loadTasks();
      say($('tasks-message'), 'Task ' + retried.task_id + ' is ' + STATUS_LABELS[retried.status] + ' again.');
    } catch (error) {
      say($('tasks-message'), 'Not retried: ' + error.message, true);
    }
  }

  $('tasks-filter').addEventListener('submit', event => {
    event.preventDefault();
    tasksView.offset = 0;
    say($('tasks-message'), '');
    loadTasks();
  });
  pager(tasksView, 'tasks', loadTasks);

  // ---- Scheduler ----

  function fact(list, name, value) {
    list.append(el('dt', {}, name), el('dd', {}, value === null || value === undefined || value === '' ? '—' : String(value)));
  }

  function showSchedule(s) {
    const list = $('scheduler-status');
    list.replaceChildren();
    fact(list, 'State', s.enabled ? 'enabled' : 'disabled');
    fact(list, 'Every', s.interval_minutes + ' min');
    fact(list, 'Makes', commissionText(s.commission_type, s.commission_type === 'random_random' ? null : s.subreddit));
    fact(list, 'Last run', when(s.last_run_at));
    fact(list, 'Next run', when(s.next_run_at));
    const form = $('scheduler-form');
    form.enabled.checked = s.enabled;
    form.interval_minutes.value = s.interval_minutes;
    form.commission_type.value = s.commission_type;
    form.subreddit.value = s.subreddit || '';
  }

  $('scheduler-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    const json = { enabled: form.enabled.checked, interval_minutes: Number(form.interval_minutes.value),
      commission_type: form.commission_type.value };
    if (form.subreddit.value.trim()) json.subreddit = form.subreddit.value.trim().replace(/^r\//, '');
    try {
      const saved = await admin('/api/admin/scheduler/config', { json });
      showSchedule(saved);
      say($('scheduler-message'), 'Saved: ' + (saved.enabled ? 'enabled, next run ' + when(saved.next_run_at) : 'disabled') + '.');
    } catch (error) {
      say($('scheduler-message'), 'Not saved: ' + error.message + details(error), true);
    }
  });

  $('scheduler-run').addEventListener('click', async () => {
    try {
      const task = await admin('/api/admin/scheduler/run-now', { method: 'POST' });
      say($('scheduler-message'), 'Task ' + task.task_id + ' queued (' + commissionText(task.commission_type, task.subreddit,
        task.post_id) + ').');
      showSchedule(await admin('/api/admin/scheduler/status'));
      await loadTasks();
    } catch (error) {
      say($('scheduler-message'), 'Not run: ' + error.message, true);
    }
  });

  function details(error) {
    return error.details && error.details.length
      ? ' (' + error.details.map(d => (d.field ? d.field + ': ' : '') + (d.message || d.code)).join('; ') + ')' : '';
  }

  // ---- Agents ----

  let canPublish = false;

  async function loadAgents() {
    try {
      const status = await admin('/api/admin/agents/status');
      canPublish = status.can_publish;
      $('agents-summary').textContent = (status.can_publish ? 'A Reddit account is configured: live runs post.'
        : 'No Reddit account is configured: only dry runs are possible.')
        + (status.schedule_running ? ' Enabled agents run on their schedule.' : ' The schedule is not running on this server.');
      $('agent-cards').replaceChildren(...status.agents.map(agentCard));
    } catch (error) {
      say($('agents-message'), error.message, true);
    }
  }

  function list(values) {
    return (values || []).join(', ');
  }

  function names(text) {
    return text.split(/[\s,]+/).map(s => s.trim()).filter(Boolean);
  }

  function agentCard(a) {
    const id = 'agent-' + a.agent;
    const facts = el('dl', { className: 'facts' });
    fact(facts, 'State', a.enabled ? 'enabled' : 'disabled');
    fact(facts, 'Scheduled runs', a.dry_run ? 'dry run' : 'live');
    fact(facts, 'Every', a.interval_minutes + ' min');
    fact(facts, 'Last run', when(a.last_run_at));
    fact(facts, 'Today (live / dry)', Object.entries(a.today).map(([type, n]) => type + ' ' + n.live + '/' + n.dry_run
      + ' of ' + a.daily_caps[type]).join(', '));

    const config = el('form', { className: 'agent-config', 'aria-label': a.agent + ' settings' },
      el('label', { className: 'check' }, el('input', { type: 'checkbox', name: 'dry_run', checked: a.dry_run }),
        ' Scheduled runs are dry runs'),
      el('label', {}, 'Interval (minutes)', el('input', { type: 'number', name: 'interval_minutes', min: 1, max: 10080,
        value: a.interval_minutes, required: true })),
      ...Object.entries(a.daily_caps).map(([type, cap]) => el('label', {}, 'Daily cap: ' + type,
        el('input', { type: 'number', name: 'cap_' + type, 'data-cap': type, min: 0, max: 1000, value: cap, required: true }))),
      a.agent === 'community'
        ? el('label', {}, 'Community subreddit', el('input', { name: 'community_subreddit', value: a.community_subreddit,
          maxLength: 24 }))
        : el('label', {}, 'Subreddits (comma-separated)', el('input', { name: 'subreddits', value: list(a.subreddits) })),
      a.agent === 'community' ? null
        : el('label', {}, 'Deny list (comma-separated)', el('input', { name: 'deny_list', value: list(a.deny_list) })),
      a.agent === 'community' ? null
        : el('label', {}, 'Cooldown per subreddit (hours)', el('input', { type: 'number', name: 'cooldown_hours', min: 0,
          max: 720, value: a.cooldown_hours })),
      a.agent === 'community' ? null
        : el('label', {}, 'Minimum score (0–10)', el('input', { type: 'number', name: 'min_score', min: 0, max: 10,
          value: a.min_score })),
      el('div', { className: 'actions' }, el('button', { type: 'submit' }, 'Save settings')));
    config.addEventListener('submit', event => { event.preventDefault(); saveConfig(a.agent, config); });

    const persona = el('form', { className: 'agent-persona', 'aria-label': a.agent + ' persona' },
      el('label', {}, 'Persona name', el('input', { name: 'name', value: a.persona.name, maxLength: 40, required: true })),
      el('label', { className: 'wide' }, 'System prompt', el('textarea', { name: 'system_prompt', rows: 4, maxLength: 4000,
        required: true, value: a.persona.system_prompt })),
      el('div', { className: 'actions' }, el('button', { type: 'submit' }, 'Save persona')));
    persona.addEventListener('submit', event => { event.preventDefault(); savePersona(a.agent, persona); });

    const buttons = el('div', { className: 'actions' },
      el('button', { type: 'button', className: 'secondary', onclick: () => toggle(a.agent, !a.enabled) },
        a.enabled ? 'Disable' : 'Enable'),
      el('button', { type: 'button', 'data-run': a.agent, 'data-mode': 'dry', onclick: () => run(a.agent, true) },
        'Dry run now'),
      el('button', { type: 'button', className: 'danger', 'data-run': a.agent, 'data-mode': 'live', disabled: !canPublish,
        title: canPublish ? '' : 'No Reddit account is configured', onclick: () => run(a.agent, false) }, 'Live run now…'));

    return el('article', { className: 'agent', id, 'aria-labelledby': id + '-title' },
      el('h3', { id: id + '-title' }, a.agent === 'community' ? 'Community agent' : 'Promoter'),
      facts, buttons,
      el('details', {}, el('summary', {}, 'Settings'), config),
      el('details', {}, el('summary', {}, 'Persona'), persona));
  }

  async function toggle(agent, on) {
    try {
      await admin('/api/admin/agents/' + agent + '/' + (on ? 'enable' : 'disable'), { method: 'POST' });
      await loadAgents();
      say($('agents-message'), agent + ' is ' + (on ? 'enabled' : 'disabled') + '.');
    } catch (error) {
      say($('agents-message'), error.message, true);
    }
  }

  async function saveConfig(agent, form) {
    const f = form.elements;
    const json = { dry_run: f.dry_run.checked, interval_minutes: Number(f.interval_minutes.value), daily_caps: {} };
    for (const input of form.querySelectorAll('[data-cap]')) json.daily_caps[input.dataset.cap] = Number(input.value);
    if (f.community_subreddit) json.community_subreddit = f.community_subreddit.value.trim();
    if (f.subreddits) json.subreddits = names(f.subreddits.value);
    if (f.deny_list) json.deny_list = names(f.deny_list.value);
    if (f.cooldown_hours) json.cooldown_hours = Number(f.cooldown_hours.value);
    if (f.min_score) json.min_score = Number(f.min_score.value);
    try {
      await admin('/api/admin/agents/' + agent + '/config', { json });
      await loadAgents();
      say($('agents-message'), agent + ': settings saved.');
    } catch (error) {
      say($('agents-message'), agent + ': not saved: ' + error.message + details(error), true);
    }
  }

  async function savePersona(agent, form) {
    try {
      await admin('/api/admin/agents/' + agent + '/persona', { json: { name: form.elements.name.value,
        system_prompt: form.elements.system_prompt.value } });
      await loadAgents();
      say($('agents-message'), agent + ': persona saved.');
    } catch (error) {
      say($('agents-message'), agent + ': persona not saved: ' + error.message + details(error), true);
    }
  }

  async function run(agent, dryRun) {
    if (!dryRun && !await confirmAction('Run the ' + agent + ' agent live?', 'A live run posts to Reddit for real,'
        + ' within the daily caps. A dry run shows the same decisions without posting.', 'Run live and post')) {
      say($('agents-message'), 'Nothing was run.');
      return;
    }
    say($('agents-message'), (dryRun ? 'Dry run' : 'Live run') + ' of ' + agent + ' under way…');
    try {
      const r = await admin('/api/admin/agents/' + agent + '/run?dry_run=' + dryRun, { method: 'POST' });
      say($('agents-message'), agent + (r.dry_run ? ' (dry run)' : ' (live)') + ': ' + r.decisions + ' decision(s), '
        + r.actions + ' action(s), ' + r.refused + ' refused, ' + r.capped + ' capped, cost $' + r.cost_usd + '.');
      actionsView.offset = 0;
      await Promise.all([loadAgents(), loadActions()]);
    } catch (error) {
      say($('agents-message'), agent + ': ' + error.message, true);
    }
  }

  async function loadActions() {
    const agent = $('actions-agent').value;
    try {
      const page = await admin('/api/admin/agents/actions?limit=' + PAGE + '&offset=' + actionsView.offset
        + (agent ? '&agent=' + encodeURIComponent(agent) : ''));
      const body = $('agents-table').tBodies[0];
      body.replaceChildren();
      for (const a of page.items) {
        body.append(el('tr', {},
          el('td', {}, when(a.created_at)), el('td', {}, a.agent), el('td', {}, a.action),
          el('td', {}, a.outcome + (a.dry_run ? ' (dry)' : '')),
          el('td', {}, a.target && a.target.startsWith('r/') ? a.target
            : (a.subreddit ? 'r/' + a.subreddit + ' ' : '') + (a.target || '')),
          el('td', {}, a.reason), el('td', {}, a.content), el('td', {}, a.reddit_id || '')));
      }
      showRange(actionsView, 'actions', page);
      say($('actions-message'), page.total + ' recorded' + (agent ? ' for ' + agent : '') + '.');
    } catch (error) {
      say($('actions-message'), error.message, true);
    }
  }

  $('actions-filter').addEventListener('submit', event => {
    event.preventDefault();
    actionsView.offset = 0;
    loadActions();
  });
  pager(actionsView, 'actions', loadActions);

  // ---- Publishing ----

  function showPublication(result, dryRun) {
    const a = result.action;
    const box = $('publish-result');
    const where = a.action === 'comment' ? 'a comment on post ' + a.target : 'a post in r/' + a.subreddit;
    const heading = result.already_published
      ? 'Already published: nothing new was posted. Reddit id ' + (a.reddit_id || '—') + '.'
      : dryRun ? 'Dry run: nothing was posted. This is what would be posted as ' + where + ':'
        : 'Published as ' + where + ': Reddit id ' + (a.reddit_id || '—') + ' (' + a.outcome + ').';
    box.replaceChildren(el('p', { className: 'publish-heading' }, heading),
      el('pre', { className: 'preview' }, a.content || ''),
      el('p', { className: 'note' }, a.reason || ''));
  }

  async function publish(dryRun) {
    const form = $('publish-form');
    if (!form.reportValidity()) return;
    const id = $('publish-product').value;
    const target = $('publish-target').value;
    if (!dryRun && !await confirmAction('Publish product ' + id + ' to Reddit?', 'This posts for real ('
        + (target === 'post' ? 'a post with its image in the community subreddit' : 'a comment on its source post')
        + '). Each product goes to each target once.', 'Publish live')) {
      say($('publish-result'), 'Nothing was published.');
      return;
    }
    say($('publish-result'), dryRun ? 'Preparing the preview…' : 'Publishing…');
    try {
      const result = await admin('/api/publish/product/' + encodeURIComponent(id) + '?target=' + target
        + '&dry_run=' + dryRun, { method: 'POST' });
      showPublication(result, dryRun);
      await loadActions();
    } catch (error) {
      say($('publish-result'), (dryRun ? 'No preview: ' : 'Not published: ') + error.message, true);
    }
  }

  $('publish-form').addEventListener('submit', event => { event.preventDefault(); publish(true); });
  $('publish-live').addEventListener('click', () => publish(false));

  // ---- Goals ----

  $('goal-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    const f = form.elements;
    const json = { title: f.title.value.trim(), target_usd: f.target_usd.value.trim() };
    if (f.subreddit.value.trim()) json.subreddit = f.subreddit.value.trim().replace(/^r\//, '');
    if (f.days.value) json.days = Number(f.days.value);
    try {
      const goal = await admin('/api/admin/goals', { json });
      say($('goal-message'), 'Goal "' + goal.title + '" created: $' + goal.raised_usd + ' of $' + goal.target_usd
        + ' raised so far' + (goal.ends_at ? ', ends ' + when(goal.ends_at) : '') + '.');
      form.reset();
    } catch (error) {
      say($('goal-message'), 'Not created: ' + error.message + details(error), true);
    }
  });

  // ---- Choices: recent products and known subreddits (public lists) ----

  async function loadChoices() {
    try {
      const products = await Clouvel.api('/api/generated_products?limit=50');
      $('product-list').replaceChildren(...products.items.map(p => el('option', { value: p.id },
        p.image_title || p.title || ('r/' + p.subreddit))));
    } catch (ignored) {
      // The id can still be typed.
    }
    try {
      const subreddits = await Clouvel.api('/api/subreddits');
      const items = Array.isArray(subreddits) ? subreddits : subreddits.items || [];
      $('subreddit-list').replaceChildren(...items.map(s => el('option', { value: typeof s === 'string' ? s : s.name })));
    } catch (ignored) {
      // Suggestions only; any subreddit can be typed.
    }
  }

  // A tab that signed in before (and was reloaded) checks its secret again.
  if (Clouvel.adminSecret()) {
    signIn(Clouvel.adminSecret(), true);
  }
})();

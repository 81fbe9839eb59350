// The live task dashboard: tasks grouped by state (queued, running, completed, failed, cancelled),
// read over REST (GET /api/tasks?status=...) and then followed over one WebSocket (/ws): the page
// subscribes to every queued or running task it shows, moves a task between groups as its status
// changes, and adds new tasks when the server announces them (general_update task_created). When the
// socket closes it reconnects with backoff (ClouvelLiveTask.backoffDelay), re-reads everything over
// REST and subscribes again, so nothing that happened meanwhile is missed. Public task fields only.
'use strict';
(() => {
  const { $, api, el, when, say } = Clouvel;
  const GROUPS = [
    { status: 'pending', title: 'Queued', limit: 50 },
    { status: 'in_progress', title: 'Running', limit: 50 },
    { status: 'completed', title: 'Completed', limit: 20 },
    { status: 'failed', title: 'Failed (refunded)', limit: 20 },
    { status: 'cancelled', title: 'Cancelled (refunded)', limit: 20 }
  ];
  const ACTIVE = ['pending', 'in_progress'];
  const MAX_SUBSCRIPTIONS = 100;
  const tasks = new Map();
  const totals = {};
  const subscribed = new Set();
  let socket = null;
  let attempt = 0;
  let opened = 0;
  let generation = 0;

  // The page's skeleton: one section per state, each with a count and a table.
  for (const group of GROUPS) {
    const id = 'group-' + group.status;
    $('dash-groups').append(el('section', { id: id, className: 'task-group', 'aria-labelledby': id + '-title' },
      el('h2', { id: id + '-title' }, group.title + ' ', el('span', { className: 'count' }, '0')),
      el('div', { className: 'table-wrap' }, el('table', { className: 'tasks' },
        el('thead', {}, el('tr', {}, ...['Task', 'Type', 'Subreddit', 'Stage', 'Progress', 'Updated']
          .map(name => el('th', { scope: 'col' }, name)))),
        el('tbody')))));
  }

  function time(task) {
    const at = Date.parse(task.updated_at || '');
    return isNaN(at) ? 0 : at;
  }

  function terminal(status) {
    return ACTIVE.indexOf(status) < 0;
  }

  function row(task) {
    const percent = Math.max(0, Math.min(100, task.progress || 0));
    let outcome = task.message || '';
    if (task.status === 'completed' && task.product_id) {
      outcome = el('a', { href: '/p/' + encodeURIComponent(task.product_id) }, 'See the product');
    } else if ((task.status === 'failed' || task.status === 'cancelled') && task.error) {
      outcome = task.error;
    }
    return el('tr', { id: 'task-' + task.task_id },
      el('th', { scope: 'row' }, el('code', { title: task.task_id }, task.task_id.slice(0, 8))),
      el('td', {}, (task.commission_type || '').replace(/_/g, ' ')),
      el('td', {}, task.subreddit ? 'r/' + task.subreddit : task.status === 'pending' ? 'to be chosen' : ''),
      el('td', {}, (task.stage || '').replace(/_/g, ' ')),
      el('td', { className: 'task-progress' },
        el('progress', { max: 100, value: percent, 'aria-label': 'Task ' + task.task_id.slice(0, 8) + ' progress' }),
        el('span', { className: 'percent' }, percent + '%'), ' ', el('span', { className: 'outcome' }, outcome)),
      el('td', {}, el('time', { dateTime: task.updated_at || '' }, when(task.updated_at))));
  }

  function render() {
    for (const group of GROUPS) {
      const list = [...tasks.values()].filter(t => t.status === group.status)
        .sort((a, b) => (Date.parse(b.created_at || '') || 0) - (Date.parse(a.created_at || '') || 0))
        .slice(0, group.limit);
      const section = $('group-' + group.status);
      section.querySelector('.count').textContent = '(' + Math.max(totals[group.status] || 0, list.length) + ')';
      const body = section.querySelector('tbody');
      body.replaceChildren(...(list.length ? list.map(row)
        : [el('tr', {}, el('td', { colSpan: 6, className: 'note' }, 'None.'))]));
      section.hidden = $('dash-filter').value !== '' && $('dash-filter').value !== group.status;
    }
  }

  // Merges a state into a task; an older state never replaces a newer one, and an ended task only
  // comes back with a newer state (an admin's retry).
  function update(taskId, data) {
    const known = tasks.get(taskId);
    if (known) {
      if (time(data) && time(data) < time(known)) return;
      if (terminal(known.status) && !terminal(data.status || known.status) && time(data) <= time(known)) return;
      if (data.status && data.status !== known.status) {
        totals[known.status] = Math.max(0, (totals[known.status] || 0) - 1);
        totals[data.status] = (totals[data.status] || 0) + 1;
      }
    } else if (data.status) {
      totals[data.status] = (totals[data.status] || 0) + 1;
    }
    const task = Object.assign({ task_id: taskId }, known || {}, data);
    tasks.set(taskId, task);
    if (terminal(task.status)) unsubscribe(taskId); else subscribe(taskId);
    render();
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  function subscribe(taskId) {
    if (subscribed.has(taskId) || subscribed.size >= MAX_SUBSCRIPTIONS) return;
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    subscribed.add(taskId);
    send({ type: 'subscribe', task_id: taskId });
  }

  function unsubscribe(taskId) {
    if (!subscribed.delete(taskId)) return;
    send({ type: 'unsubscribe', task_id: taskId });
  }

  // Reads every group over REST: on load and after every reconnect.
  async function reload() {
    const mine = ++generation;
    const pages = await Promise.all(GROUPS.map(g =>
      api('/api/tasks?status=' + g.status + '&limit=' + g.limit, { cache: 'no-store' })));
    if (mine !== generation) return;
    const before = new Map(tasks);
    tasks.clear();
    GROUPS.forEach((g, i) => {
      totals[g.status] = pages[i].total;
      for (const task of pages[i].items) {
        // A socket update that arrived while the pages were being read may be newer: keep it.
        const seen = before.get(task.task_id);
        const keep = seen && (terminal(seen.status) ? !terminal(task.status) || time(seen) > time(task)
          : !terminal(task.status) && time(seen) > time(task));
        tasks.set(task.task_id, keep ? Object.assign({}, task, seen) : task);
      }
    });
    for (const task of tasks.values()) if (!terminal(task.status)) subscribe(task.task_id);
    render();
    say($('dash-message'), '');
    document.body.dataset.loaded = 'dashboard';
  }

  async function created(taskId) {
    if (tasks.has(taskId)) return;
    try {
      const task = await api('/api/tasks/' + encodeURIComponent(taskId), { cache: 'no-store' });
      if (!tasks.has(taskId)) update(taskId, task);
    } catch (e) { /* the next reload shows it */ }
  }

  function connection(text) {
    $('dash-connection').textContent = text;
  }

  function connect() {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    socket = ws;
    connection(opened === 0 ? 'Connecting...' : 'Reconnecting...');
    ws.onopen = () => {
      attempt = 0;
      opened++;
      subscribed.clear();
      connection('Live');
      reload().catch(e => say($('dash-message'), 'Could not read the tasks: ' + e.message, true));
    };
    ws.onmessage = event => {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if ((message.type === 'task_update' || message.type === 'subscribed') && message.task_id && message.data) {
        update(message.task_id, message.data);
      } else if (message.type === 'general_update' && message.event === 'task_created' && message.data) {
        created(message.data.task_id);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      subscribed.clear();
      const delay = ClouvelLiveTask.backoffDelay(attempt++, 500, 30000, Math.random);
      connection('Connection lost; reconnecting in ' + Math.ceil(delay / 1000) + ' s');
      setTimeout(connect, delay);
    };
  }

  $('dash-filter').addEventListener('change', render);
  render();
  reload().catch(e => say($('dash-message'), 'Could not read the tasks: ' + e.message, true));
  connect();
})();

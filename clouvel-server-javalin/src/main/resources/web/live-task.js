// Follows one task over the WebSocket (/ws) and survives lost connections.
//
// ClouvelLiveTask.follow(taskId, onState, options) connects, subscribes to the task and calls
// onState(data) with each state ({status, stage, progress, message, product_id, error, updated_at}).
// When the socket closes (network loss, a server restart, the server closing a client that fell
// too far behind with 1013) it reconnects after an exponential backoff with jitter, subscribes
// again and re-reads the task over REST (GET /api/tasks/{id}), so a task that ended while the
// socket was down still shows its final state. It stops at a terminal status or on stop().
(function (global) {
  'use strict';

  const TERMINAL = ['completed', 'failed', 'cancelled'];

  // The wait before reconnect attempt `attempt` (0, 1, 2...): half of min(max, base * 2^attempt)
  // plus a random part of the other half, so many pages that lost the same server do not all
  // come back at the same moment.
  function backoffDelay(attempt, base, max, random) {
    const ceiling = Math.min(max, base * Math.pow(2, Math.min(attempt, 30)));
    return Math.round(ceiling / 2 + random() * ceiling / 2);
  }

  function follow(taskId, onState, options) {
    const settings = Object.assign({
      url: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
      baseDelayMs: 500,
      maxDelayMs: 30000,
      random: Math.random,
      onConnection: function () {}
    }, options || {});
    let socket = null;
    let timer = null;
    let attempt = 0;
    let opened = 0;
    let stopped = false;
    let shown = null;

    function time(data) {
      const at = Date.parse(data.updated_at || '');
      return isNaN(at) ? 0 : at;
    }

    // Shows a state unless it is older than the one shown; a terminal state is final.
    function show(data) {
      if (stopped || !data || !data.status) return;
      const terminal = TERMINAL.indexOf(data.status) >= 0;
      if (shown && !terminal && time(data) < time(shown)) return;
      shown = data;
      onState(data);
      if (terminal) stop();
    }

    function reread() {
      return fetch('/api/tasks/' + encodeURIComponent(taskId), { cache: 'no-store' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(show)
        .catch(function () { /* the socket or the next reconnect will tell */ });
    }

    function connect() {
      timer = null;
      if (stopped) return;
      settings.onConnection(opened === 0 ? 'connecting' : 'reconnecting', 0);
      const ws = new WebSocket(settings.url);
      socket = ws;
      ws.onopen = function () {
        attempt = 0;
        opened++;
        settings.onConnection('open', 0);
        ws.send(JSON.stringify({ type: 'subscribe', task_id: taskId }));
        if (opened > 1) reread();
      };
      ws.onmessage = function (event) {
        let message;
        try { message = JSON.parse(event.data); } catch (e) { return; }
        if ((message.type === 'task_update' || message.type === 'subscribed') && message.task_id === taskId) {
          show(message.data);
        }
      };
      ws.onclose = function (event) {
        if (socket !== ws) return;
        socket = null;
        if (stopped) return;
        const delay = backoffDelay(attempt++, settings.baseDelayMs, settings.maxDelayMs, settings.random);
        settings.onConnection('closed', delay, event.code);
        timer = setTimeout(connect, delay);
      };
    }

    function stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (socket) {
        const ws = socket;
        socket = null;
        ws.close(1000, 'done');
      }
    }

    connect();
    return { stop: stop, reread: reread };
  }

  global.ClouvelLiveTask = { follow: follow, backoffDelay: backoffDelay, TERMINAL: TERMINAL };
})(window);

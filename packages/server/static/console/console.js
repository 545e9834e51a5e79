// The live console: a snapshot from /console/api/snapshot, then the event
// stream (/events/v1/stream) from the snapshot's last event id. Plain DOM, no
// framework and nothing loaded from elsewhere.
'use strict';

(() => {
  const STREAM_PATH = '/events/v1/stream';
  const KEY_STORAGE = 'pbx-gateway-console-key';
  const TOPICS = ['agents', 'calls', 'queues'];
  const RECENT_CDRS = 25;

  const view = { agents: new Map(), calls: new Map(), queues: new Map(), cdrs: [] };
  let key = sessionStorage.getItem(KEY_STORAGE);
  let lastEventId = null;
  let socket = null;
  let reconnectTimer = null;
  let resyncTimer = null;
  let signedIn = false;

  const $ = (id) => document.getElementById(id);

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined) continue;
      if (name === 'onclick') node.addEventListener('click', value);
      else if (name === 'className') node.className = value;
      else node.setAttribute(name, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function setStatus(text, kind) {
    const status = $('status');
    status.textContent = text;
    status.className = 'status' + (kind ? ' ' + kind : '');
  }

  async function api(method, path, body) {
    const response = await fetch('/console/api' + path, {
      method,
      headers: Object.assign({ authorization: 'Bearer ' + key }, body === undefined ? {} : { 'content-type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error((answer.error && answer.error.message) || response.statusText);
      error.status = response.status;
      error.code = answer.error && answer.error.code;
      throw error;
    }
    return answer;
  }

  // ---- sign-in ----

  async function signIn(candidate) {
    key = candidate;
    try {
      await loadSnapshot();
    } catch (error) {
      key = null;
      sessionStorage.removeItem(KEY_STORAGE);
      $('login-error').textContent = error.status === 401 ? 'That key is not valid.' : 'Sign-in failed: ' + error.message;
      return;
    }
    sessionStorage.setItem(KEY_STORAGE, key);
    signedIn = true;
    $('login-view').hidden = true;
    $('live-view').hidden = false;
    $('logout').hidden = false;
    $('supervisor-form').hidden = false;
    connect();
  }

  function signOut() {
    signedIn = false;
    key = null;
    sessionStorage.removeItem(KEY_STORAGE);
    clearTimeout(reconnectTimer);
    if (socket) socket.close(1000, 'signed out');
    socket = null;
    $('live-view').hidden = true;
    $('login-view').hidden = false;
    $('logout').hidden = true;
    $('supervisor-form').hidden = true;
    setStatus('signed out');
  }

  // ---- snapshot and stream ----

  // A stream id is `<transaction>-<serial>`, ordered by both in turn (docs/event-stream.md).
  function laterEventId(a, b) {
    const [ta, sa] = a.split('-').map(BigInt);
    const [tb, sb] = b.split('-').map(BigInt);
    return ta !== tb ? ta > tb : sa > sb;
  }

  async function loadSnapshot() {
    const snapshot = await api('GET', '/snapshot');
    view.agents = new Map(snapshot.agents.map((agent) => [agent.agentId, agent]));
    view.calls = new Map(snapshot.calls.map((call) => [call.id, call]));
    view.queues = new Map(snapshot.queues.map((queue) => [queue.name, queue]));
    view.cdrs = snapshot.cdrs;
    if (lastEventId === null || laterEventId(snapshot.lastEventId, lastEventId)) lastEventId = snapshot.lastEventId;
    render();
  }

  // Logins, logouts and queue changes also change what the snapshot shows beside the event (queues, names): read it again shortly.
  function resyncSoon() {
    clearTimeout(resyncTimer);
    resyncTimer = setTimeout(() => loadSnapshot().catch(() => undefined), 300);
  }

  function connect() {
    if (!signedIn) return;
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + STREAM_PATH;
    const ws = new WebSocket(url);
    socket = ws;
    setStatus('connecting…');
    ws.onopen = () => ws.send(JSON.stringify({ type: 'subscribe', key, topics: TOPICS, after: lastEventId }));
    ws.onmessage = (message) => {
      const data = JSON.parse(message.data);
      if (data.type === 'subscribed') setStatus('live', 'live');
      else if (data.type === 'gap') loadSnapshot().catch(() => undefined);
      else if (data.type === 'event') {
        lastEventId = data.id;
        apply(data);
        render();
      } else if (data.type === 'error' && data.code === 'UNAUTHORIZED') signOut();
    };
    ws.onclose = () => {
      if (socket !== ws || !signedIn) return;
      setStatus('reconnecting…', 'down');
      clearTimeout(reconnectTimer);
      reconnectTimer = setTimeout(connect, 1000);
    };
  }

  // ---- events onto the view ----

  function apply(message) {
    const data = message.data;
    switch (message.event) {
      case 'AgentLoggedIn':
        view.agents.set(data.agentId, Object.assign({}, view.agents.get(data.agentId), { agentId: data.agentId, state: data.state, pauseReason: data.pauseReason, currentCallId: null, stateSince: message.at, queues: [] }));
        resyncSoon();
        break;
      case 'AgentLoggedOut':
        view.agents.delete(data.agentId);
        resyncSoon();
        break;
      case 'AgentStateChanged': {
        const agent = view.agents.get(data.agentId);
        if (agent) Object.assign(agent, { state: data.to, pauseReason: data.to === 'paused' ? data.reason : null, stateSince: message.at });
        if (agent && data.to !== 'in_call' && data.from === 'in_call') agent.currentCallId = null;
        break;
      }
      case 'AgentPhoneRinging':
      case 'AgentPhoneAnswered': {
        const agent = view.agents.get(data.agentId);
        if (agent) agent.currentCallId = data.callId;
        break;
      }
      case 'AgentPhoneReleased': {
        const agent = view.agents.get(data.agentId);
        if (agent && agent.currentCallId === data.callId) agent.currentCallId = null;
        break;
      }
      case 'LegRinging':
      case 'LegAnswered':
      case 'LegEnded':
      case 'CallPartyHeld':
      case 'CallPartyRetrieved': {
        const known = view.calls.get(data.call.id);
        const legs = (known ? known.legs : []).filter((leg) => leg.id !== data.leg.id);
        legs.push(data.leg);
        view.calls.set(data.call.id, Object.assign({}, data.call, { legs }));
        break;
      }
      case 'CallEnded':
        view.calls.delete(data.call.id);
        view.cdrs = [data.cdr].concat(view.cdrs.filter((cdr) => cdr.id !== data.cdr.id)).slice(0, RECENT_CDRS);
        for (const agent of view.agents.values()) if (agent.currentCallId === data.call.id) agent.currentCallId = null;
        break;
      case 'InboundCallQueued':
      case 'InboundCallOffered':
        resyncSoon();
        break;
    }
  }

  // ---- rendering ----

  function since(iso) {
    if (!iso) return '';
    const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 1000));
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return (h > 0 ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(s).padStart(2, '0');
  }

  function fill(tableId, rows) {
    const body = $(tableId).tBodies[0];
    body.replaceChildren(...rows);
  }

  function act(work) {
    $('action-error').textContent = '';
    work().catch((error) => {
      $('action-error').textContent = error.message;
    });
  }

  function supervise(agentId, mode) {
    const supervisor = $('supervisor').value.trim();
    if (!supervisor) {
      $('action-error').textContent = 'Enter the supervisor (an agent id or an extension) first.';
      return;
    }
    const who = view.agents.has(supervisor) ? { supervisorAgentId: supervisor } : { supervisorExtension: supervisor };
    act(() => api('POST', '/supervision', Object.assign({ agentId, mode }, who)));
  }

  function render() {
    const agents = [...view.agents.values()].sort((a, b) => a.agentId.localeCompare(b.agentId));
    fill('agents', agents.map((agent) => el('tr', { 'data-agent-id': agent.agentId },
      el('td', {}, agent.agentId, agent.name ? ' (' + agent.name + ')' : ''),
      el('td', { className: 'state-' + agent.state, 'data-field': 'state' }, agent.state),
      el('td', { 'data-field': 'pause-code' }, agent.pauseReason || ''),
      el('td', {}, agent.currentCallId || ''),
      el('td', {}, since(agent.stateSince)),
      el('td', {}, (agent.queues || []).join(', ')),
      el('td', {},
        agent.state === 'paused'
          ? el('button', { type: 'button', onclick: () => act(() => api('POST', '/agents/' + encodeURIComponent(agent.agentId) + '/resume')) }, 'Resume')
          : el('button', { type: 'button', onclick: () => {
              const reason = prompt('Pause code (empty for none)', '');
              if (reason !== null) act(() => api('POST', '/agents/' + encodeURIComponent(agent.agentId) + '/pause', { reason: reason || null }));
            } }, 'Pause'),
        el('button', { type: 'button', onclick: () => act(() => api('POST', '/agents/' + encodeURIComponent(agent.agentId) + '/logout', { whenInCall: 'defer' })) }, 'Log out'),
        agent.currentCallId ? el('button', { type: 'button', onclick: () => supervise(agent.agentId, 'listen') }, 'Listen') : null,
        agent.currentCallId ? el('button', { type: 'button', onclick: () => supervise(agent.agentId, 'whisper') }, 'Whisper') : null,
        agent.currentCallId ? el('button', { type: 'button', onclick: () => supervise(agent.agentId, 'barge') }, 'Barge') : null))));

    const calls = [...view.calls.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    fill('calls', calls.map((call) => el('tr', { 'data-call-id': call.id },
      el('td', {}, call.id, el('br'), el('small', {}, call.purpose + ' · ' + call.origin.dialect + (call.tenant ? ' · ' + call.tenant : ''))),
      el('td', {}, call.fromNumber),
      el('td', {}, call.toNumber),
      el('td', {}, call.agentId || ''),
      el('td', { 'data-field': 'state' }, call.state),
      el('td', {}, el('ul', { className: 'legs' }, ...call.legs.map((leg) => el('li', { 'data-leg-role': leg.role, 'data-leg-state': leg.state }, leg.role + ' ' + (leg.channelName || leg.endpoint) + ' — ' + leg.state)))),
      el('td', {}, since(call.createdAt)),
      el('td', {}, el('button', { type: 'button', 'data-action': 'hangup', onclick: () => act(() => api('POST', '/calls/' + encodeURIComponent(call.id) + '/hangup')) }, 'Hang up')))));

    fill('queues', [...view.queues.values()].map((queue) => el('tr', { 'data-queue': queue.name },
      el('td', {}, queue.name, queue.active ? '' : ' (inactive)'),
      el('td', {}, String(queue.waiting.length), ...queue.waiting.map((call) => el('div', {}, el('small', {}, call.fromNumber + ' waiting ' + since(call.waitingSince))))),
      el('td', {}, queue.members.map((member) => member.agentId + (member.paused ? ' (paused)' : '')).join(', ')))));

    fill('cdrs', view.cdrs.map((cdr) => el('tr', { 'data-cdr-id': cdr.id, 'data-call-id': cdr.callId },
      el('td', {}, String(cdr.id)),
      el('td', {}, new Date(cdr.startedAt).toLocaleTimeString()),
      el('td', {}, cdr.fromNumber),
      el('td', {}, cdr.toNumber),
      el('td', {}, cdr.agentId || ''),
      el('td', {}, String(cdr.durationSec)),
      el('td', {}, String(cdr.billsec)),
      el('td', {}, cdr.hangupCauseText + ' (' + cdr.hangupSide + ')'),
      el('td', {}, cdr.recordingFile ? recordingPlayer(cdr) : ''))));
  }

  // The audio needs the key, which an <audio src> cannot send: fetched on demand into a blob.
  const players = new Map();
  function recordingPlayer(cdr) {
    if (players.has(cdr.id)) return players.get(cdr.id);
    const button = el('button', { type: 'button', onclick: () => act(async () => {
      const response = await fetch('/console/api/recordings/' + encodeURIComponent(String(cdr.id)), { headers: { authorization: 'Bearer ' + key } });
      if (!response.ok) throw new Error('the recording could not be fetched (' + response.status + ')');
      const audio = el('audio', { controls: '', src: URL.createObjectURL(await response.blob()) });
      players.set(cdr.id, audio);
      button.replaceWith(audio);
      audio.play().catch(() => undefined);
    }) }, 'Play');
    return button;
  }

  // ---- start ----

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', (event) => {
      event.preventDefault();
      $('login-error').textContent = '';
      signIn($('key').value);
    });
    $('supervisor-form').addEventListener('submit', (event) => event.preventDefault());
    $('logout').addEventListener('click', signOut);
    setInterval(() => {
      if (signedIn) render();
    }, 1000);
    if (key) signIn(key);
  });
})();

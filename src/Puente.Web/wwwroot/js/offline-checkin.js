// Offline check-in for port officers. The page works without this script (server-side verify and
// confirm); this adds verification in the browser with the published keys (WebCrypto, ES256) and a
// queue of provisional check-ins that is sent to /api/checkins when the connection returns.
(() => {
  'use strict';
  const root = document.getElementById('offline-checkin');
  if (!root || !window.crypto || !window.crypto.subtle) {
    return;
  }
  const KEYS = 'puente.passKeys';
  const QUEUE = 'puente.checkinQueue';
  const USED = 'puente.usedPasses';
  const msg = (name, ...args) =>
    (root.dataset['msg' + name] || '').replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? '');
  const ports = JSON.parse(root.dataset.ports || '{}');
  const input = document.getElementById('pass');
  const state = document.getElementById('offline-state');
  const result = document.getElementById('offline-result');
  const confirmButton = document.getElementById('offline-confirm');
  const pending = document.getElementById('offline-pending');
  let verified = null;

  const read = (key, fallback) => {
    try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; }
  };
  const write = (key, value) => localStorage.setItem(key, JSON.stringify(value));

  const fromBase64Url = (text) => {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) {
      throw new Error('not base64url');
    }
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  };
  const json = (bytes) => JSON.parse(new TextDecoder().decode(bytes));

  async function refreshKeys() {
    try {
      const response = await fetch(root.dataset.keysUrl, { cache: 'no-cache' });
      if (response.ok) {
        write(KEYS, (await response.json()).keys);
      }
    } catch {
      // Offline: the cached set stays in use.
    }
  }

  // Today's date (yyyy-mm-dd) in an IANA zone, from this device's clock.
  const todayIn = (zone) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

  async function verify(token) {
    const parts = token.trim().split('.');
    if (parts.length !== 3) {
      return { error: msg('Invalid') };
    }
    let header, payload, signature;
    try {
      header = json(fromBase64Url(parts[0]));
      payload = json(fromBase64Url(parts[1]));
      signature = fromBase64Url(parts[2]);
    } catch {
      return { error: msg('Invalid') };
    }
    if (header.alg !== 'ES256' || header.typ !== 'puente-pass') {
      return { error: msg('Invalid') };
    }
    let jwk = read(KEYS, []).find((k) => k.kid === header.kid);
    if (!jwk && navigator.onLine) {
      await refreshKeys();
      jwk = read(KEYS, []).find((k) => k.kid === header.kid);
    }
    if (!jwk) {
      return { error: read(KEYS, []).length === 0 ? msg('NoKeys') : msg('Invalid') };
    }
    const key = await crypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, new TextEncoder().encode(parts[0] + '.' + parts[1]));
    if (!ok) {
      return { error: msg('Invalid') };
    }
    if (!ports[payload.prt]) {
      return { error: msg('OtherPort', payload.prt) };
    }
    const today = todayIn(ports[payload.prt]);
    if (payload.d !== today) {
      return { error: msg('OtherDate', payload.d, today) };
    }
    if (read(USED, []).includes(payload.pid)) {
      return { error: msg('UsedHere') };
    }
    return { pass: payload };
  }

  function show(outcome) {
    result.replaceChildren();
    const line = document.createElement('p');
    line.setAttribute('role', 'alert');
    if (outcome.error) {
      line.className = 'error';
      line.textContent = outcome.error;
      result.append(line);
      return;
    }
    line.textContent = `${msg('Valid')} ${outcome.pass.prt} · ${outcome.pass.d} · ${msg('Slot')}: ${outcome.pass.s}`;
    const caption = document.createElement('p');
    caption.textContent = msg('Travellers');
    const list = document.createElement('ul');
    list.className = 'travellers';
    for (const [initials, year] of outcome.pass.t) {
      const item = document.createElement('li');
      item.textContent = `${initials} · ${year}`;
      list.append(item);
    }
    result.append(line, caption, list);
  }

  function renderQueue() {
    pending.replaceChildren(...read(QUEUE, []).map((entry) => {
      const item = document.createElement('li');
      item.textContent = `${entry.port} · ${entry.slot} · ${entry.travellers} · ${entry.at}`;
      return item;
    }));
  }

  function renderState() {
    state.textContent = navigator.onLine ? msg('Online') : msg('Offline');
  }

  async function sync() {
    const queue = read(QUEUE, []);
    const kept = [];
    for (const entry of queue) {
      try {
        const response = await fetch('/api/checkins', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ pass: entry.token }),
        });
        if (response.ok) {
          announce(msg('Synced'));
        } else if (response.status === 401 || response.status >= 500) {
          kept.push(entry); // signed out or server trouble: try again later
        } else {
          const problem = await response.json().catch(() => ({}));
          announce(msg('SyncRefused', `${entry.port} ${entry.slot} (${entry.travellers}): ${problem.detail || problem.title || response.status}`), true);
        }
      } catch {
        kept.push(entry); // still offline
      }
    }
    write(QUEUE, kept);
    renderQueue();
  }

  function announce(text, isError) {
    const line = document.createElement('p');
    line.setAttribute('role', 'alert');
    if (isError) {
      line.className = 'error';
    }
    line.textContent = text;
    result.append(line);
  }

  document.getElementById('offline-verify').addEventListener('click', async () => {
    const outcome = await verify(input.value);
    verified = outcome.pass ? input.value.trim() : null;
    confirmButton.hidden = !outcome.pass;
    show(outcome);
  });

  confirmButton.addEventListener('click', async () => {
    if (!verified) {
      return;
    }
    const outcome = await verify(verified);
    if (!outcome.pass) {
      show(outcome);
      return;
    }
    const queue = read(QUEUE, []);
    queue.push({
      token: verified,
      port: outcome.pass.prt,
      slot: outcome.pass.s,
      travellers: outcome.pass.t.map(([i, y]) => `${i} ${y}`).join(', '),
      at: new Date().toISOString(),
    });
    write(QUEUE, queue);
    write(USED, [...read(USED, []).slice(-500), outcome.pass.pid]);
    verified = null;
    confirmButton.hidden = true;
    show({ error: null, pass: outcome.pass });
    announce(msg('Queued'));
    renderQueue();
    if (navigator.onLine) {
      await sync();
    }
  });

  window.addEventListener('online', () => { renderState(); refreshKeys(); sync(); });
  window.addEventListener('offline', renderState);

  root.hidden = false;
  renderState();
  renderQueue();
  if (navigator.onLine) {
    refreshKeys().then(sync);
  }
})();

// Offline check-in for port officers. The page works without this script (server-side verify and
// confirm); this adds verification in the browser with the published keys (WebCrypto, ES256) and a
// queue of provisional check-ins that is sent to /api/checkins when the connection returns. The officer
// can keep today's manifest (who each live pass admits, as registered) on the device: it is stored in
// IndexedDB encrypted with AES-GCM under a key the script cannot export, and deleted at the port's
// midnight, on request, and on signing out.
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
  const manifestState = document.getElementById('offline-manifest-state');
  const documentTypes = JSON.parse(root.dataset.documentTypes || '{}');

  // --- The encrypted manifest store -------------------------------------------------------------
  const DB = 'puente-booth';
  const open = () => new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('manifests', { keyPath: 'port' });
      request.result.createObjectStore('keys');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const run = async (store, mode, action) => {
    const db = await open();
    try {
      return await new Promise((resolve, reject) => {
        const tx = db.transaction(store, mode);
        const request = action(tx.objectStore(store));
        tx.oncomplete = () => resolve(request ? request.result : undefined);
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  };

  async function manifestKey(create) {
    let key = await run('keys', 'readonly', (s) => s.get('manifest'));
    if (!key && create) {
      key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await run('keys', 'readwrite', (s) => s.put(key, 'manifest'));
    }
    return key;
  }

  async function keepManifest(manifest) {
    const key = await manifestKey(true);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(manifest)));
    await run('manifests', 'readwrite', (s) => s.put({ port: manifest.port, expiresAt: Date.parse(manifest.expiresAt), iv, data }));
  }

  async function readManifest(port) {
    const stored = await run('manifests', 'readonly', (s) => s.get(port));
    if (!stored || stored.expiresAt <= Date.now()) {
      return null;
    }
    const key = await manifestKey(false);
    if (!key) {
      return null;
    }
    try {
      return json(new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: stored.iv }, key, stored.data)));
    } catch {
      return null;
    }
  }

  async function storedManifests() {
    return (await run('manifests', 'readonly', (s) => s.getAll())) || [];
  }

  // Past the port's midnight a manifest is deleted; with none left, the key goes too.
  async function purgeManifests(all) {
    for (const stored of await storedManifests()) {
      if (all || stored.expiresAt <= Date.now()) {
        await run('manifests', 'readwrite', (s) => s.delete(stored.port));
      }
    }
    if ((await storedManifests()).length === 0) {
      await run('keys', 'readwrite', (s) => s.delete('manifest'));
    }
    await renderManifests();
  }

  async function renderManifests() {
    const kept = await storedManifests();
    manifestState.replaceChildren(...(kept.length === 0 ? [msg('ManifestNone')] : kept.map((m) => {
      const zone = ports[m.port] || 'UTC';
      const until = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .format(new Date(m.expiresAt)).replace(',', '');
      return msg('ManifestKept', m.port, until);
    })).map((text) => {
      const line = document.createElement('p');
      line.textContent = text;
      return line;
    }));
  }

  async function downloadManifest() {
    try {
      const response = await fetch(root.dataset.manifestUrl, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const manifests = await response.json();
      for (const manifest of manifests) {
        await keepManifest(manifest);
      }
      await renderManifests();
      announce(msg('ManifestSaved', manifests.map((m) => `${m.port} (${m.passes.length})`).join(', ')));
    } catch {
      announce(msg('ManifestFailed'), true);
    }
  }

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

  // Half the order of P-256: a signature's s above it is the non-canonical twin the server refuses too.
  const HALF_ORDER = '7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8';
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const lowS = (signature) => signature.length === 64 && hex(signature.slice(32)) <= HALF_ORDER;

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
    if (header.alg !== 'ES256' || header.typ !== 'puente-pass' || !lowS(signature)) {
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
    const manifest = await readManifest(payload.prt);
    if (manifest && manifest.serviceDate === payload.d) {
      const entry = manifest.passes.find((p) => p.passId === payload.pid);
      if (!entry) {
        return { error: msg('NotOnManifest') };
      }
      if (entry.status !== 'booked') {
        return { error: msg('UsedPerManifest') };
      }
      return { pass: payload, group: entry.travellers };
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
    caption.textContent = outcome.group ? msg('FromManifest') : msg('Travellers');
    const list = document.createElement('ul');
    list.className = 'travellers';
    if (outcome.group) {
      for (const { person, photo } of outcome.group) {
        const item = document.createElement('li');
        const name = `${person.givenNames} ${person.familyNames}`;
        if (photo) {
          const image = document.createElement('img');
          image.src = 'data:image/jpeg;base64,' + photo;
          image.alt = msg('PhotoOf', name);
          image.width = 96;
          item.append(image, ' ');
        }
        const document_ = person.documentType && person.documentType !== 'none'
          ? msg('DocumentEnding', documentTypes[person.documentType] || person.documentType, person.documentCountry || '', person.documentLastFour || '')
          : msg('NoDocument');
        item.append(`${name} · ${person.birthDate} · ${document_}`);
        if (person.sharesNamesWithAnotherEntry) {
          const notice = document.createElement('strong');
          notice.textContent = ' ' + msg('SharedNames');
          item.append(notice);
        }
        list.append(item);
      }
    } else {
      for (const [initials, year] of outcome.pass.t) {
        const item = document.createElement('li');
        item.textContent = `${initials} · ${year}`;
        list.append(item);
      }
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

  // The API takes the sign-in cookie only with the page's antiforgery token (the layout's meta tag).
  function csrfToken() {
    return document.querySelector('meta[name="csrf-token"]')?.content ?? '';
  }

  async function sync() {
    const queue = read(QUEUE, []);
    const kept = [];
    for (const entry of queue) {
      try {
        const response = await fetch('/api/checkins', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': csrfToken() },
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

  document.getElementById('offline-manifest-download').addEventListener('click', downloadManifest);
  document.getElementById('offline-manifest-delete').addEventListener('click', async () => {
    await purgeManifests(true);
    announce(msg('ManifestDeleted'));
  });
  // Signing out takes the manifest with it.
  for (const form of document.querySelectorAll('form[action$="/Account/Logout"]')) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await purgeManifests(true).catch(() => {});
      form.submit();
    }, { once: true });
  }

  window.addEventListener('online', () => { renderState(); refreshKeys(); sync(); });
  window.addEventListener('offline', renderState);

  root.hidden = false;
  renderState();
  renderQueue();
  purgeManifests(false).catch(() => {});
  setInterval(() => purgeManifests(false).catch(() => {}), 60000);
  if (navigator.onLine) {
    refreshKeys().then(sync);
  }
})();

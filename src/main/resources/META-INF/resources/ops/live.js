// The API with the operator's bearer token, and the live stream read with fetch (EventSource cannot
// send a header). The stream resumes after a drop with Last-Event-ID, so nothing passes unseen.
let token = sessionStorage.getItem('pulse-token');
let pending = null;

function session() { // one at a time: the panels start together
  pending = pending || (async () => {
    const r = await fetch('/api/session/local', {method: 'POST'});
    if (r.ok) { token = (await r.json()).token; }
    else {
      token = prompt('Bearer token with the operator role (bin/pulse token --role operator):') || '';
      sessionStorage.setItem('pulse-token', token);
    }
  })().finally(() => { pending = null; });
  return pending;
}

export async function authorized(url, init = {}) {
  if (!token) await session();
  const call = () => fetch(url, {...init, headers: {...(init.headers || {}), Authorization: 'Bearer ' + token}});
  let r = await call();
  if (r.status === 401) { sessionStorage.removeItem('pulse-token'); token = null; await session(); r = await call(); }
  return r;
}

export async function json(url) {
  const r = await authorized(url);
  if (!r.ok) throw new Error(String(r.status));
  return r.json();
}

const sleep = ms => new Promise(res => setTimeout(res, ms));

/**
 * Follows a server-sent-event stream for good. handlers: {onEvent(name, data, id), onState(state)};
 * state is 'live' or 'reconnecting'. Returns a handle with pause() (drops the connection and holds
 * it down), resume() and lastId, which the browser tests use to drop a connection on purpose.
 */
export function follow(url, handlers) {
  const feed = {lastId: null, paused: false, controller: null, connections: 0};
  let wait = 1000; // after a refusal (429, 503: too many streams), as the server says, doubling up to 30 s
  (async () => {
    for (;;) {
      if (feed.paused) { await sleep(100); continue; }
      feed.controller = new AbortController();
      try {
        const headers = {Accept: 'text/event-stream'};
        if (feed.lastId) headers['Last-Event-ID'] = feed.lastId;
        const r = await authorized(url, {headers, signal: feed.controller.signal});
        if (!r.ok) {
          const after = Number(r.headers.get('Retry-After')) * 1000;
          wait = Math.min(30000, Math.max(after || 0, wait * 2));
          throw new Error(String(r.status));
        }
        wait = 1000;
        feed.connections++;
        handlers.onState('live');
        const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        for (;;) {
          const {value, done} = await reader.read();
          if (done) break;
          buf += value;
          let end;
          while ((end = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, end);
            buf = buf.slice(end + 2);
            let name = 'message', id = null;
            const data = [];
            for (const line of block.split('\n')) {
              const colon = line.indexOf(':');
              if (colon <= 0) continue;
              const field = line.slice(0, colon), v = line.slice(colon + 1).replace(/^ /, '');
              if (field === 'event') name = v; else if (field === 'id') id = v; else if (field === 'data') data.push(v);
            }
            if (id) feed.lastId = id;
            if (data.length) handlers.onEvent(name, data.join('\n'), id);
          }
        }
      } catch (e) { /* dropped, refused or aborted: reconnect below */ }
      handlers.onState('reconnecting');
      if (!feed.paused) await sleep(wait);
    }
  })();
  return {
    pause() { feed.paused = true; if (feed.controller) feed.controller.abort(); },
    resume() { feed.paused = false; },
    get lastId() { return feed.lastId; },
    get connections() { return feed.connections; },
  };
}

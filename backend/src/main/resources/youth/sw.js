// Keeps the app shell and the public texts (flow, help numbers, glossary, the app's words) for offline use.
// Never an answer about a case: those are fetched fresh and never stored.
const CACHE = 'gehoord-shell-v2';
const SHELL = ['/app/', '/app/app.js', '/app/api.js', '/app/screens.js', '/app/complaint.js', '/app/ui.js', '/app/app.css',
  '/app/icons.svg', '/app/manifest.webmanifest', '/app/icon-192.png'];
const PUBLIC_TEXTS = ['/v1/flow', '/v1/help-contacts', '/v1/glossary', '/v1/app-texts', '/v1/regions'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function cacheable(request) {
  if (request.method !== 'GET' || request.headers.has('Authorization')) {
    return false;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return false;
  }
  return url.pathname === '/app/' || url.pathname.startsWith('/app/') || PUBLIC_TEXTS.includes(url.pathname);
}

// Network first, so texts are always current online; the cached copy answers only when the network fails.
// The public texts depend on the language: the key includes it.
self.addEventListener('fetch', event => {
  const request = event.request;
  if (!cacheable(request)) {
    return;
  }
  const language = request.headers.get('Accept-Language') || '';
  const key = new Request(request.url + (PUBLIC_TEXTS.includes(new URL(request.url).pathname)
    ? (request.url.includes('?') ? '&' : '?') + 'lang=' + encodeURIComponent(language) : ''));
  event.respondWith(fetch(request).then(response => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then(cache => cache.put(key, copy));
    }
    return response;
  }).catch(() => caches.match(key).then(hit => hit || caches.match('/app/'))));
});

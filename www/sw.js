// Service worker: keeps the app and its bundled list available offline.
//
// It only ever serves the page's own static files (same origin, GET). It
// never sees an address: checking happens inside the page and sends nothing.
//
// VERSION and ASSETS are filled in at build time by the post_build hook in
// Trunk.toml (a hash of every built file, and their names), so a new build
// is a new service worker, which caches the new files and deletes the old
// cache when it takes over.
const VERSION = '__ADDRCHECK_VERSION__';
const ASSETS = ['__ADDRCHECK_ASSETS__'];
const CACHE = 'addrcheck-' + VERSION;

// The page itself, under both of its URLs.
const PAGE = ['./', './index.html'];
// Files whose names do not change between builds: the network is asked
// first (so an update is seen at once), the cache answers when offline.
const FRESH = [...PAGE, './ofac.filter'];

const url = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Bypass the HTTP cache: the copy kept must be this build's.
      const paths = [...new Set([...PAGE, ...ASSETS])];
      await cache.addAll(paths.map((path) => new Request(url(path), { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('addrcheck-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const fresh = request.mode === 'navigate' || FRESH.some((path) => url(path) === request.url.split(/[?#]/)[0]);
  event.respondWith(fresh ? networkFirst(request) : cacheFirst(request));
});

/** The network's answer (any status: a missing or damaged list must show as
 * such), or the cached copy when the network cannot be reached. */
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(cacheKey(request), response.clone());
    return response;
  } catch (offline) {
    const cached = await cache.match(cacheKey(request), { ignoreSearch: true });
    if (cached) return cached;
    throw offline;
  }
}

/** Built files carry a content hash in their name: the cached copy is right. */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  return cached || fetch(request);
}

/** Navigations to the page's directory and to index.html share one entry. */
function cacheKey(request) {
  return request.mode === 'navigate' ? url('./index.html') : request.url;
}

// The site without internet, once the family has chosen to keep it on the device.
//
// The build writes its version and its files into BUILD below, so this file's bytes change with
// every build, and a returning visitor's browser installs the new worker on its next visit
// (Workbox's conventions: a versioned precache, network first for pages).
// - Pages and the site's other small files come from the network first, so a new build reaches
//   a returning visitor on the next load; from this offline copy only without a network (or
//   when the network does not answer within NETWORK_TIMEOUT_MS).
// - Files whose address names their bytes (Pyodide's folder, the forms' zip, Material's bundles)
//   come from the offline copy first: a new version of one of them is a new address.
// - A new build's worker keeps every file of its build, then takes over, removes the copies of
//   older builds and tells the open pages, which say that the site has been updated.
// Only the site's own files are kept here; nothing the family types is ever stored here.

const BUILD = { version: "dev", files: [], immutable: [] };
const PREFIX = "familieraadslagning-site-";
const CACHE = PREFIX + BUILD.version;
const ROOT = new URL("./", self.location);
const IMMUTABLE = new Set(BUILD.immutable.map((file) => new URL(file, ROOT).href));
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const wanted = BUILD.files.map((file) => new URL(file, ROOT).href);
      // What an older build already keeps under the same address is the same file: moved over,
      // not downloaded again (Pyodide alone is 12 MB).
      const fetched = [];
      for (const url of wanted) {
        const kept = IMMUTABLE.has(url) && (await caches.match(url));
        if (kept) await cache.put(url, kept);
        else fetched.push(url);
      }
      // Asked of the server itself, not of the browser's HTTP cache, so the copy is this build.
      await cache.addAll(fetched.map((url) => new Request(url, { cache: "reload" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
      for (const client of await self.clients.matchAll({ type: "window" })) {
        client.postMessage({ kind: "site-version", version: BUILD.version });
      }
    })(),
  );
});

// caches.match, not caches.open: after "delete everything" this worker may still answer the
// page for a moment, and opening would make an empty offline copy again.
async function fromCache(request) {
  return caches.match(request, { ignoreSearch: true, cacheName: CACHE });
}

async function cacheFirst(request) {
  return (await fromCache(request)) || fetch(request);
}

// The network's answer when it comes in time; else the offline copy; without one, the network's
// answer whenever it comes (or its error). The browser's own HTTP cache is asked to check with
// the server ("no-cache"), so a page it kept for a while is never shown instead of a new one.
async function networkFirst(request) {
  const network = fetch(new Request(request, { cache: "no-cache" }));
  const late = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, null));
  try {
    const answer = await Promise.race([network, late]);
    if (answer && (answer.ok || answer.type === "opaqueredirect")) return answer;
    return (await fromCache(request)) || answer || network;
  } catch {
    return (await fromCache(request)) || network;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  url.search = "";
  event.respondWith(IMMUTABLE.has(url.href) ? cacheFirst(request) : networkFirst(request));
});

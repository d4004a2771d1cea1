// The site offline: after one visit every page, form and Pyodide itself comes from this cache.
// The page registers it as sw.js?v=<build>, so a new build installs a new cache and the old one
// is deleted. Only the site's own files are cached; nothing the family types is ever stored here.

const VERSION = new URL(self.location).searchParams.get("v") || "dev";
const PREFIX = "familieraadslagning-site-";
const CACHE = PREFIX + VERSION;
const ROOT = new URL("./", self.location);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const listing = await fetch(new URL("offline-files.json", ROOT), { cache: "no-store" });
      const files = await listing.json();
      const cache = await caches.open(CACHE);
      await cache.addAll(files.map((file) => new URL(file, ROOT)));
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
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      return (await cache.match(request, { ignoreSearch: true })) || fetch(request);
    })(),
  );
});

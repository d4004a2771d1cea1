// Keeps a just-started Python for the next visit, on its own thread so the form's worker stays
// free for the family's typing: gzips the memory (31 MB, mostly zeros, to about 6 MB) and puts
// it in the browser's cache storage, replacing any kept by another Pyodide version.
// In: "keep" (messages.js, TO_KEEPER). Out: nothing.

// What the form's worker says, by kind.
const fromFormWorker = {
  keep: async ({ cacheName, prefix, key, snapshot }) => {
    try {
      for (const name of await caches.keys()) {
        if (name.startsWith(prefix) && name !== cacheName) await caches.delete(name);
      }
      const packed = new Blob([snapshot]).stream().pipeThrough(new CompressionStream("gzip"));
      const response = new Response(packed, { headers: { "Content-Type": "application/gzip" } });
      await (await caches.open(cacheName)).put(key, response);
    } catch {
      // A full storage only means the next visit starts Python the long way.
    }
  },
};

self.onmessage = async ({ data }) => {
  await fromFormWorker[data.kind]?.(data);
  self.close();
};

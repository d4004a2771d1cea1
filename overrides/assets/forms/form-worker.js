// The form's Python, off the main thread: boots Pyodide, imports the forms from their zip,
// answers events. Its messages, in and out, are those of messages.js (TO_WORKER, FROM_WORKER):
// "begin", then "event" or "describe" in; "progress", "ready", then "view" or "described" out;
// "failed" when Python could not start or stopped.
//
// The forms are a zip of bytecode and data files that Python's own zipimport reads: fetched
// with its integrity checked, written into Pyodide's file system and put first on sys.path.
// Pyodide's package loader is never used, so it is handed a lock with no packages
// (pythonInfo, Pyodide's own lock's `info`) instead of fetching one.
//
// Where the family has chosen to keep things on this device (keepPython), a started Python is
// kept for the next visit: the memory of a Pyodide that has just booted (before the forms, and
// so before anything the family typed, are loaded) is put, gzipped, in the browser's cache
// storage by python-keeper.js, under a name made from what it was made of (pythonKey: Pyodide,
// the library, the forms), so a new build throws it away. The next page restores it instead of
// starting Python again, which is most of a start's time. Any failure to keep or restore it
// falls back to a normal start. Otherwise cache storage is not even opened.

import { message } from "./messages.js";

const SNAPSHOT_CACHE_PREFIX = "familieraadslagning-python-";
// Where the forms' zip is written; the build compiled them for this place (pyodide_bundle.py).
const FORMS_PLACE = "/lib/forms.zip";

let forms = null;

// What has arrived of Python's files, told to the page as it arrives ("progress": received, in
// bytes, at most every PROGRESS_MS), so that a slow line shows it is moving and the
// page waits as long as bytes keep coming. Every fetch of this worker (Pyodide's wasm, its
// library, the forms' wheel) is counted as its body streams in.
const PROGRESS_MS = 250;
let received = 0;
let told = 0;
function tellProgress() {
  const now = performance.now();
  if (now - told < PROGRESS_MS) return;
  told = now;
  postMessage(message("progress", { received }));
}
const plainFetch = self.fetch.bind(self);
self.fetch = async (...request) => {
  const response = await plainFetch(...request);
  if (!response.body) return response;
  const counted = response.body.pipeThrough(
    new TransformStream({
      transform(chunk, stream) {
        received += chunk.byteLength;
        tellProgress();
        stream.enqueue(chunk);
      },
    }),
  );
  const counting = new Response(counted, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // Pyodide reads a response's address to find the files beside it.
  Object.defineProperty(counting, "url", { value: response.url });
  return counting;
};

// Cache storage exists only on https and localhost; elsewhere Python simply starts each time.
const CAN_KEEP =
  typeof caches !== "undefined" &&
  typeof CompressionStream !== "undefined" &&
  typeof DecompressionStream !== "undefined";

async function keptSnapshot({ cacheName, key }) {
  try {
    // caches.match, not caches.open: opening would make an empty cache where there is none.
    const response = await caches.match(key, { cacheName });
    if (!response) return null;
    const memory = response.body.pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(memory).arrayBuffer());
  } catch {
    return null;
  }
}

// Hands the memory over (not copied) to a worker of its own, which packs and stores it.
function keepSnapshot({ cacheName, key }, snapshot) {
  try {
    const keeper = new Worker(new URL("python-keeper.js", import.meta.url), { type: "module" });
    const keep = message("keep", { cacheName, prefix: SNAPSHOT_CACHE_PREFIX, key, snapshot });
    keeper.postMessage(keep, [snapshot.buffer]);
  } catch {
    // Without a keeper, the next visit starts Python the long way.
  }
}

async function forgetSnapshot(cacheName) {
  try {
    await caches.delete(cacheName);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

async function formsZip({ formsURL, formsIntegrity }) {
  const response = await fetch(formsURL, { integrity: formsIntegrity });
  if (!response.ok) throw new Error(`${formsURL}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function formsFrom(pyodide, zipped) {
  pyodide.FS.writeFile(FORMS_PLACE, await zipped);
  pyodide.runPython(`import sys; sys.path.insert(0, "${FORMS_PLACE}")`);
  return pyodide.pyimport("forms.worker");
}

// Python with the forms, restored from a kept snapshot when there is a good one; and the new
// snapshot to keep, when this start made one.
async function startPython({ pyodideURL, pythonInfo, pythonKey, keepPython, ...forms }) {
  // Fetched while Python starts; awaited once it has.
  const zipped = formsZip(forms);
  zipped.catch(() => {}); // a failure is reported where it is awaited
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideURL).href);
  const options = { indexURL: pyodideURL, lockFileContents: { info: pythonInfo, packages: {} } };
  const keep = CAN_KEEP && keepPython;
  // One kept Python per build of Python and the forms, filed beside Pyodide's own files.
  const place = {
    cacheName: SNAPSHOT_CACHE_PREFIX + pythonKey,
    key: new URL("kept-memory", pyodideURL).href,
  };
  const kept = keep ? await keptSnapshot(place) : null;
  if (kept) {
    try {
      const pyodide = await loadPyodide({ ...options, _loadSnapshot: kept });
      return { forms: await formsFrom(pyodide, zipped), snapshot: null, place };
    } catch {
      await forgetSnapshot(place.cacheName);
    }
  }
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: keep });
  let snapshot = null;
  try {
    snapshot = keep ? pyodide.makeMemorySnapshot() : null;
  } catch {
    // This Python cannot be kept; it still works.
  }
  return { forms: await formsFrom(pyodide, zipped), snapshot, place };
}

async function begin({ formId, language, today, stored, fileSaved, contact, step, ...python }) {
  const started = await startPython(python);
  forms = started.forms;
  const view = JSON.parse(
    forms.begin(
      formId,
      language,
      today,
      stored ?? undefined,
      fileSaved ?? undefined,
      contact ?? undefined,
      step ?? undefined,
    ),
  );
  postMessage(message("ready", { view }));
  if (started.snapshot) keepSnapshot(started.place, started.snapshot);
}

const failed = (error) => postMessage(message("failed", { reason: String(error) }));

// What the page says, by kind (messages.js, TO_WORKER).
const fromPage = {
  begin: (data) => begin(data).catch(failed),
  // What a kept draft holds, in a few words, for the question before deleting it.
  describe: (data) => {
    try {
      const text = forms.describe(data.text, data.language);
      postMessage(message("described", { id: data.id, text }));
    } catch (error) {
      failed(error);
    }
  },
  // An error in Python after the start ends this worker's use: the page is told, never left
  // believing the form's help still runs.
  event: (data) => {
    try {
      const view = JSON.parse(forms.handle(JSON.stringify(data.event)));
      postMessage(message("view", { view }));
    } catch (error) {
      failed(error);
    }
  },
};

self.onmessage = ({ data }) => fromPage[data.kind]?.(data);

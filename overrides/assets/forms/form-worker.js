// The form's Python, off the main thread: boots Pyodide with the forms wheel, answers events.
// In: {kind: "begin", pyodideURL, formId, language, today, stored}, then {kind: "event", event}.
// Out: {kind: "ready", view}, then {kind: "view", view} for each event; {kind: "failed", reason}.

let forms = null;

async function begin({ pyodideURL, formId, language, today, stored }) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideURL).href);
  const pyodide = await loadPyodide({ indexURL: pyodideURL, packages: ["familieraad-forms"] });
  // loadPackage logs a failed package instead of throwing: the import is the real check.
  forms = pyodide.pyimport("forms.worker");
  const view = JSON.parse(forms.begin(formId, language, today, stored ?? undefined));
  postMessage({ kind: "ready", view });
}

self.onmessage = ({ data }) => {
  if (data.kind === "begin") {
    begin(data).catch((error) => postMessage({ kind: "failed", reason: String(error) }));
  } else {
    const view = JSON.parse(forms.handle(JSON.stringify(data.event)));
    postMessage({ kind: "view", view });
  }
};

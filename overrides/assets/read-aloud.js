// "Read aloud" with the browser's own speech, and only with voices that run on the device
// (localService), so the text never leaves it. The button stays hidden where there is none.

(() => {
  const button = document.querySelector("[data-read-aloud]");
  const speech = window.speechSynthesis;
  if (!button || !speech) return;
  const language = document.documentElement.lang;
  let voice = null;

  function findVoice() {
    const local = speech.getVoices().filter((v) => v.localService);
    voice =
      local.find((v) => v.lang.toLowerCase().startsWith(language)) ||
      local.find((v) => v.default) ||
      null;
    // A voice for another language would read Danish wrongly: then there is no button.
    if (voice && !voice.lang.toLowerCase().startsWith(language)) voice = null;
    button.hidden = voice === null;
  }

  function text() {
    // On a form, the step the child is on; elsewhere the page's own text.
    const scope = document.querySelector(".fgc-step:not([hidden])") || document.querySelector("article");
    const parts = [];
    for (const element of scope.querySelectorAll("h1, h2, h3, p, li, label, textarea, dt, dd")) {
      if (element.closest("[hidden], .fgc-visually-hidden, [data-read-aloud], .fgc-status")) continue;
      const words = element.matches("textarea") ? element.value : element.innerText;
      if (words.trim()) parts.push(words.trim());
    }
    return parts.join("\n");
  }

  function stop() {
    speech.cancel();
    button.textContent = button.dataset.label;
    button.setAttribute("aria-pressed", "false");
  }

  button.addEventListener("click", () => {
    if (button.getAttribute("aria-pressed") === "true") return stop();
    const utterance = new SpeechSynthesisUtterance(text());
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.addEventListener("end", stop);
    button.textContent = button.dataset.stopLabel;
    button.setAttribute("aria-pressed", "true");
    speech.speak(utterance);
  });

  findVoice();
  speech.addEventListener?.("voiceschanged", findVoice);
})();

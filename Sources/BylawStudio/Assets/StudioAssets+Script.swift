extension StudioAssets {
    /// The pages' script. Pages work without it (forms post, links link); with it the editor
    /// checks the text as it is typed (debounced), marks each diagnostic at its line and
    /// column, offers "did you mean" fixes, and saves with Ctrl+S, asking before overwriting a
    /// file changed on disk or saving one that does not compile. Every request it makes carries
    /// the session token in `X-Bylaw-Token`.
    static let script = #"""
        "use strict";
        (function () {
          const token = (document.querySelector('meta[name="bylaw-token"]') || {}).content || "";

          function post(path, fields) {
            return fetch(path, {
              method: "POST", credentials: "same-origin",
              headers: { "X-Bylaw-Token": token, "Content-Type": "application/x-www-form-urlencoded" },
              body: new URLSearchParams(fields).toString()
            });
          }

          // Try it: show the part of the event the chosen radio button names.
          function setUpSourceChoice() {
            const radios = document.querySelectorAll('input[name="source"]');
            if (!radios.length) return;
            const update = () => {
              const chosen = document.querySelector('input[name="source"]:checked');
              document.querySelectorAll("[data-source]").forEach((part) => {
                part.hidden = chosen && part.dataset.source !== chosen.value;
              });
            };
            radios.forEach((radio) => radio.addEventListener("change", update));
            update();
          }

          \#(editorScript)
          document.addEventListener("DOMContentLoaded", () => {
            setUpSourceChoice();
            setUpEditor();
          });
        })();
        """#
}

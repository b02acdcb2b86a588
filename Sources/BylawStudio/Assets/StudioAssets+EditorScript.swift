extension StudioAssets {
    /// The editor's part of the script (``script``): line numbers, the layer that marks each
    /// diagnostic under the text, the check as you type (debounced, the last answer wins), the
    /// fixes, and saving with its two dialogs (changed on disk, does not compile).
    static let editorScript = #"""
          function setUpEditor() {
            const root = document.getElementById("editor");
            if (!root) return;
            const file = root.dataset.file;
            let version = root.dataset.version;
            const source = document.getElementById("source");
            const gutter = document.getElementById("gutter");
            const highlights = document.getElementById("highlights");
            const status = document.getElementById("status");
            const problems = document.getElementById("problems");
            const elsewhere = document.getElementById("elsewhere");
            const elsewhereTitle = document.getElementById("elsewhere-title");
            const caretMessage = document.getElementById("caret-message");
            let diagnostics = [];
            let savedText = source.value;
            let timer = null;
            let sequence = 0;
            let inFlight = null;

            function setStatus(text, kind) {
              status.textContent = text;
              status.className = "status " + (kind || "");
            }

            function lineStarts(text) {
              const starts = [0];
              for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
              return starts;
            }

            function lineOf(starts, offset) {
              let low = 0, high = starts.length - 1;
              while (low < high) {
                const mid = (low + high + 1) >> 1;
                if (starts[mid] <= offset) low = mid; else high = mid - 1;
              }
              return low;
            }

            // The gutter's numbers and the layer under the text: each line a block, marked when a
            // diagnostic starts on it (its message after the line's end), each span underlined.
            function paint() {
              const text = source.value;
              const starts = lineStarts(text);
              const byLine = new Map();
              for (const d of diagnostics) {
                if (d.from === undefined) continue;
                const line = lineOf(starts, d.from);
                if (!byLine.has(line)) byLine.set(line, d);
              }
              const gutterParts = [];
              const layer = document.createDocumentFragment();
              for (let i = 0; i < starts.length; i++) {
                const d = byLine.get(i);
                gutterParts.push('<div id="line-number-' + (i + 1) + '"' + (d ? ' class="' + d.severity + '"' : "") + ">" + (i + 1) + "</div>");
                const end = i + 1 < starts.length ? starts[i + 1] - 1 : text.length;
                const line = document.createElement("span");
                line.className = "line" + (d ? " " + d.severity : "");
                line.dataset.line = String(i + 1);
                if (d) line.dataset.message = d.message;
                appendMarked(line, text, starts[i], end);
                layer.appendChild(line);
              }
              gutter.innerHTML = gutterParts.join("");
              highlights.replaceChildren(layer);
              syncScroll();
              showCaretMessage();
            }

            function appendMarked(line, text, start, end) {
              let at = start;
              const spans = diagnostics.filter((d) => d.from !== undefined && d.from < end + 1 && Math.max(d.to, d.from + 1) > start)
                .sort((a, b) => a.from - b.from);
              for (const d of spans) {
                const from = Math.max(d.from, at), to = Math.min(Math.max(d.to, d.from + 1), end);
                if (from > at) line.appendChild(document.createTextNode(text.slice(at, from)));
                const mark = document.createElement("mark");
                mark.className = d.severity + (to <= from ? " empty" : "");
                mark.textContent = to > from ? text.slice(from, to) : "";
                line.appendChild(mark);
                at = Math.max(at, to);
              }
              line.appendChild(document.createTextNode(at < end ? text.slice(at, end) : "\u200b"));
            }

            function syncScroll() {
              highlights.scrollTop = source.scrollTop;
              highlights.scrollLeft = source.scrollLeft;
              gutter.scrollTop = source.scrollTop;
            }

            function goTo(offset) {
              source.focus();
              source.setSelectionRange(offset, offset);
              const starts = lineStarts(source.value);
              const line = lineOf(starts, offset);
              source.scrollTop = Math.max(0, line * 20 - source.clientHeight / 3);
              syncScroll();
              showCaretMessage();
            }

            function applyFix(d) {
              source.focus();
              source.setSelectionRange(d.from, d.to);
              if (!document.execCommand || !document.execCommand("insertText", false, d.fix)) {
                source.setRangeText(d.fix, d.from, d.to, "end");
              }
              changed();
              check();
            }

            function item(d, inFile) {
              const li = document.createElement("li");
              li.className = "diagnostic " + d.severity;
              const place = document.createElement("span");
              place.className = "place";
              place.textContent = d.place;
              li.appendChild(place);
              li.appendChild(document.createTextNode(" "));
              const severity = document.createElement("span");
              severity.className = "severity";
              severity.textContent = d.severity;
              li.appendChild(severity);
              li.appendChild(document.createTextNode(": " + d.message + " "));
              const code = document.createElement("code");
              code.className = "code";
              code.textContent = d.code;
              li.appendChild(code);
              if (d.hint) {
                const hint = document.createElement("div");
                hint.className = "hint";
                hint.textContent = "hint: " + d.hint;
                li.appendChild(hint);
              }
              for (const note of d.notes || []) {
                const div = document.createElement("div");
                div.className = "note";
                div.textContent = "note: " + note;
                li.appendChild(div);
              }
              if (inFile && d.from !== undefined) {
                const go = document.createElement("button");
                go.type = "button";
                go.textContent = "Go to " + d.line + ":" + d.column;
                go.addEventListener("click", () => goTo(d.from));
                li.appendChild(go);
                if (d.fix) {
                  const fix = document.createElement("button");
                  fix.type = "button";
                  fix.className = "fix";
                  fix.textContent = "Fix: use '" + d.fix + "'";
                  fix.addEventListener("click", () => applyFix(d));
                  li.appendChild(fix);
                }
              }
              return li;
            }

            function show(result) {
              diagnostics = result.diagnostics;
              problems.replaceChildren(...result.diagnostics.map((d) => item(d, true)));
              if (!result.diagnostics.length) {
                const li = document.createElement("li");
                li.className = "muted";
                li.textContent = "No problems in this file.";
                problems.appendChild(li);
              }
              elsewhere.replaceChildren(...result.elsewhere.map((d) => item(d, false)));
              elsewhereTitle.hidden = result.elsewhere.length === 0;
              const mine = result.diagnostics.filter((d) => d.severity === "error").length;
              const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
              let text = mine ? mine + (mine === 1 ? " error" : " errors") : "Compiles";
              if (warnings) text += ", " + warnings + (warnings === 1 ? " warning" : " warnings");
              if (!mine && !result.compiles) text += " (other files have errors)";
              if (source.value !== savedText) text += " · unsaved";
              setStatus(text, mine ? "error" : "ok");
              paint();
            }

            function check() {
              clearTimeout(timer);
              const mine = ++sequence;
              if (inFlight) inFlight.abort();
              inFlight = new AbortController();
              const signal = inFlight.signal;
              fetch("/api/check", {
                method: "POST", credentials: "same-origin", signal,
                headers: { "X-Bylaw-Token": token, "Content-Type": "application/x-www-form-urlencoded" },
                body: new URLSearchParams({ file, text: source.value }).toString()
              }).then((response) => response.json()).then((result) => {
                if (mine !== sequence) return;
                if (result.error) { setStatus(result.error.message, "error"); return; }
                show(result);
              }).catch((error) => { if (error.name !== "AbortError") setStatus("Cannot reach the studio: " + error.message, "error"); });
            }

            function changed() {
              clearTimeout(timer);
              setStatus("Checking…", "");
              timer = setTimeout(check, 400);
              paint();
            }

            function showCaretMessage() {
              const starts = lineStarts(source.value);
              const line = lineOf(starts, source.selectionStart);
              const here = diagnostics.filter((d) => d.from !== undefined && lineOf(starts, d.from) === line);
              caretMessage.textContent = here.map((d) => "Line " + d.line + ":" + d.column + ": " + d.severity + ": " + d.message
                + (d.hint ? " (" + d.hint + ")" : "")).join("  ·  ");
            }

            function save(confirm) {
              setStatus("Saving…", "");
              const text = source.value;
              post("/api/save", { file, text, version, confirm: confirm ? "1" : "0" }).then((response) =>
                response.json().then((result) => ({ status: response.status, result }))
              ).then(({ status: code, result }) => {
                if (code === 200) {
                  version = result.version;
                  savedText = text;
                  setStatus("Saved" + (result.compiles ? "" : " (does not compile)"), result.compiles ? "ok" : "error");
                } else if (code === 409) {
                  document.getElementById("conflict-diff").innerHTML = result.diff;
                  conflict.disk = result;
                  document.getElementById("conflict-dialog").showModal();
                  setStatus("Not saved: the file changed on disk", "error");
                } else if (code === 422 && result.invalid) {
                  document.getElementById("invalid-message").textContent = result.errors + (result.errors === 1 ? " error" : " errors")
                    + ", the first at " + result.first;
                  document.getElementById("invalid-dialog").showModal();
                  setStatus("Not saved: it does not compile", "error");
                } else {
                  setStatus("Not saved: " + ((result.error && result.error.message) || ("status " + code)), "error");
                }
              }).catch((error) => setStatus("Not saved: " + error.message, "error"));
            }

            const conflict = { disk: null };
            function loadDisk(result) {
              source.value = result.text;
              savedText = result.text;
              version = result.version;
              check();
            }

            document.getElementById("save").addEventListener("click", () => save(false));
            // The preview posts the text as it is now, saved or not.
            document.getElementById("preview-form").addEventListener("submit", () => {
              document.getElementById("preview-text").value = source.value;
            });
            document.getElementById("reload").addEventListener("click", () => {
              if (source.value !== savedText && !window.confirm("Drop your unsaved changes and load the file from disk?")) return;
              fetch("/api/file?file=" + encodeURIComponent(file), { headers: { "X-Bylaw-Token": token } })
                .then((response) => response.json()).then((result) => { if (result.text !== undefined) loadDisk(result); });
            });
            document.getElementById("conflict-overwrite").addEventListener("click", () => {
              version = conflict.disk.version;
              document.getElementById("conflict-dialog").close();
              save(false);
            });
            document.getElementById("conflict-load").addEventListener("click", () => {
              document.getElementById("conflict-dialog").close();
              loadDisk(conflict.disk);
            });
            document.getElementById("conflict-cancel").addEventListener("click", () => document.getElementById("conflict-dialog").close());
            document.getElementById("invalid-save").addEventListener("click", () => {
              document.getElementById("invalid-dialog").close();
              save(true);
            });
            document.getElementById("invalid-cancel").addEventListener("click", () => document.getElementById("invalid-dialog").close());

            source.addEventListener("input", changed);
            source.addEventListener("scroll", syncScroll);
            source.addEventListener("keyup", showCaretMessage);
            source.addEventListener("click", showCaretMessage);
            source.addEventListener("keydown", (event) => {
              if ((event.ctrlKey || event.metaKey) && event.key === "s") { event.preventDefault(); save(false); }
              // Tab indents (two spaces); Escape then Tab leaves the editor, as keyboard users expect.
              if (event.key === "Tab" && !event.shiftKey && !source.dataset.escaped) {
                event.preventDefault();
                if (!document.execCommand("insertText", false, "  ")) source.setRangeText("  ", source.selectionStart, source.selectionEnd, "end");
                changed();
              }
              if (event.key === "Escape") source.dataset.escaped = "1"; else if (event.key !== "Tab") delete source.dataset.escaped;
            });
            window.addEventListener("beforeunload", (event) => { if (source.value !== savedText) { event.preventDefault(); event.returnValue = ""; } });

            const initial = document.getElementById("initial-diagnostics");
            if (initial) show(JSON.parse(initial.textContent));
            const wanted = /^#line-(\d+)$/.exec(window.location.hash);
            if (wanted) {
              const starts = lineStarts(source.value);
              const line = Math.min(parseInt(wanted[1], 10), starts.length) - 1;
              goTo(starts[Math.max(0, line)]);
            }
          }
        """#
}

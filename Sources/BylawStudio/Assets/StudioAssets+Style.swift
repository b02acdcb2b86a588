extension StudioAssets {
    /// The studio's style sheet: readable at 1280×800 and on a narrow window (the editor and its
    /// problems stack below 900px), visible focus, colours that keep their contrast.
    static let style = #"""
        :root { --fg: #1f2328; --muted: #59636e; --line: #d0d7de; --bg: #ffffff; --soft: #f6f8fa; --accent: #0b5cad;
          --error: #b3261e; --error-bg: #fde7e9; --warn: #8a5a00; --warn-bg: #fff4d6; --ok: #1a7f37; --ok-bg: #dafbe1; --audit: #5a32a3; --audit-bg: #efe7ff;
          --mono: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
        a { color: var(--accent); }
        :focus-visible { outline: 3px solid #fb8c00; outline-offset: 2px; }
        code, kbd, pre, textarea { font-family: var(--mono); font-size: 13px; }
        kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 .25rem; font-size: 11px; background: var(--soft); }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; z-index: 10; }
        .skip:focus { left: .5rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1.5rem; padding: .5rem 1.25rem; border-bottom: 1px solid var(--line); background: var(--soft); }
        .brand { font-weight: 700; margin: 0; }
        header nav ul, .tabs ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem; margin: 0; padding: 0; }
        header nav a, .tabs a { display: block; padding: .3rem .7rem; border-radius: 6px; text-decoration: none; color: var(--fg); }
        header nav a:hover, .tabs a:hover { background: #e7ebef; }
        header nav a[aria-current="page"], .tabs a[aria-current="page"] { background: var(--accent); color: #fff; }
        .context { margin: 0 0 0 auto; color: var(--muted); font-size: 13px; }
        main { padding: 1rem 1.25rem 3rem; max-width: 80rem; margin: 0 auto; }
        main:focus { outline: none; }
        h1 { font-size: 1.5rem; margin: .25rem 0 1rem; }
        h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
        .muted { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { border-bottom: 1px solid var(--line); padding: .45rem .6rem; text-align: left; vertical-align: top; }
        th { background: var(--soft); font-weight: 600; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
        .badge.block, .badge.error { background: var(--error-bg); color: var(--error); border-color: #f3b7b3; }
        .badge.warn { background: var(--warn-bg); color: var(--warn); border-color: #f0d58a; }
        .badge.audit { background: var(--audit-bg); color: var(--audit); border-color: #d5c4f5; }
        .badge.ok { background: var(--ok-bg); color: var(--ok); border-color: #9fdcb0; }
        .status { margin: .5rem 0 1rem; padding: .5rem .75rem; border-radius: 6px; background: var(--soft); }
        .status.ok { background: var(--ok-bg); }
        .status.error { background: var(--error-bg); }
        .error-state { background: var(--error-bg); border-left: 4px solid var(--error); padding: .6rem .9rem; border-radius: 4px; }
        .empty-state { background: var(--soft); border: 1px dashed var(--line); padding: 1rem 1.25rem; border-radius: 8px; }
        .empty-state h2 { margin-top: 0; }
        .file-errors { font-size: 13px; color: var(--error); margin-top: .25rem; }
        ul.diagnostics, ul.findings, ul.tests, ul.rule-outcomes { list-style: none; padding: 0; margin: .5rem 0; }
        .diagnostic, .finding { border-left: 4px solid var(--line); background: var(--soft); padding: .4rem .6rem; margin: .35rem 0; border-radius: 0 4px 4px 0; }
        .diagnostic.error, .finding.block { border-left-color: var(--error); }
        .diagnostic.warning, .finding.warn { border-left-color: #d4a72c; }
        .finding.audit { border-left-color: var(--audit); }
        .diagnostic .place { font-family: var(--mono); font-size: 13px; }
        .diagnostic .severity { font-weight: 600; }
        .diagnostic.error .severity { color: var(--error); }
        .diagnostic.warning .severity { color: var(--warn); }
        .hint, .note { color: var(--muted); font-size: 13px; }
        .diagnostic button, .diagnostic .fix { margin: .3rem .4rem 0 0; }
        button, .button { font: inherit; padding: .35rem .8rem; border-radius: 6px; border: 1px solid #8c959f; background: #fff; color: var(--fg); cursor: pointer; }
        button:hover { background: var(--soft); }
        button[type="submit"], #save { background: var(--accent); color: #fff; border-color: var(--accent); }
        .fix { background: var(--ok-bg) !important; border-color: #4ac26b !important; color: #0f5323 !important; }
        form.inline-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0 1rem; }
        .new-policy { margin-top: 2rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
        .new-policy h2 { width: 100%; margin: 0; }
        input, select, textarea { font: inherit; padding: .3rem .45rem; border: 1px solid #8c959f; border-radius: 4px; background: #fff; color: var(--fg); max-width: 100%; }
        textarea { font-family: var(--mono); font-size: 13px; width: 100%; }
        fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 1rem; padding: .5rem 1rem 1rem; min-width: 0; }
        legend { font-weight: 600; padding: 0 .3rem; }
        .field { display: flex; flex-direction: column; gap: .15rem; margin: .4rem 0; }
        .field small { color: var(--muted); font-size: 12px; }
        .event-fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0 1rem; }
        .source-choice label { margin-right: 1.5rem; }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
        .try-form > label { display: block; margin: .5rem 0 .2rem; }
        .result { margin-top: 1.5rem; border-top: 2px solid var(--line); }
        .decision { display: inline-block; font-size: 1.4rem; font-weight: 700; text-transform: uppercase; padding: .2rem 1rem; border-radius: 6px; }
        .decision.deny { background: var(--error-bg); color: var(--error); }
        .decision.allow { background: var(--ok-bg); color: var(--ok); }
        .verdict { font-size: 1.1rem; font-weight: 600; }
        .test { padding: .3rem 0; border-bottom: 1px solid var(--soft); }
        .test .mark { font-weight: 700; }
        .test.passed .mark { color: var(--ok); }
        .test.failed .mark { color: var(--error); }
        iframe.handbook { width: 100%; height: calc(100vh - 13rem); min-height: 24rem; border: 1px solid var(--line); border-radius: 8px; }
        /* The editor: a textarea over a layer that marks the diagnostics, with a gutter of line numbers. */
        body.editing main { max-width: none; }
        .editor-layout { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; gap: 1rem; align-items: start; }
        .toolbar { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-bottom: .5rem; }
        .toolbar .status { margin: 0; padding: .25rem .6rem; }
        form.inline { display: inline; margin: 0; }
        .code-editor { display: flex; border: 1px solid var(--line); border-radius: 6px; height: calc(100vh - 14rem); min-height: 20rem; overflow: hidden; background: #fff; }
        .gutter { flex: none; width: 3.5rem; overflow: hidden; background: var(--soft); border-right: 1px solid var(--line); color: var(--muted); text-align: right; }
        .gutter div, .highlights .line { height: 20px; line-height: 20px; }
        .gutter div { padding-right: .5rem; font-family: var(--mono); font-size: 12px; }
        .gutter div.error { background: var(--error-bg); color: var(--error); font-weight: 700; }
        .gutter div.warning { background: var(--warn-bg); color: var(--warn); font-weight: 700; }
        .code-area { position: relative; flex: 1; min-width: 0; }
        .code-area textarea, .highlights { position: absolute; inset: 0; margin: 0; padding: 0 .5rem; border: 0; font-family: var(--mono); font-size: 13px;
          line-height: 20px; white-space: pre; tab-size: 2; overflow: auto; }
        .code-editor:focus-within { outline: 3px solid #fb8c00; outline-offset: 1px; }
        .code-area textarea:focus-visible { outline: none; }
        #save kbd { background: transparent; color: #fff; border-color: rgba(255, 255, 255, .6); }
        .code-area textarea { background: transparent; resize: none; z-index: 1; color: var(--fg); caret-color: var(--fg); border-radius: 0; }
        .highlights { color: transparent; overflow: hidden; pointer-events: none; }
        .highlights .line { display: block; }
        .highlights .line.error { background: #fff1f0; }
        .highlights .line.warning { background: #fffaeb; }
        .highlights .line[data-message]::after { content: "  ◀ " attr(data-message); color: var(--error); font-style: italic; font-size: 12px; }
        .highlights .line.warning[data-message]::after { color: var(--warn); }
        .highlights mark { background: transparent; color: transparent; text-decoration: underline wavy var(--error); text-decoration-skip-ink: none; text-underline-offset: 4px; }
        .highlights mark.warning { text-decoration-color: #d4a72c; }
        .highlights mark.empty { border-left: 2px solid var(--error); }
        .caret-message { min-height: 1.5rem; margin: .4rem 0; font-size: 13px; }
        .problems { border: 1px solid var(--line); border-radius: 6px; padding: 0 .75rem .5rem; max-height: calc(100vh - 10rem); overflow: auto; }
        .problems h2 { font-size: 1rem; }
        dialog { max-width: 52rem; width: calc(100% - 2rem); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; }
        dialog::backdrop { background: rgba(0, 0, 0, .35); }
        .dialog-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: 1rem; }
        .diff { max-height: 50vh; overflow: auto; background: var(--soft); padding: .5rem; border-radius: 4px; font-family: var(--mono); font-size: 13px; }
        .diff > * { display: block; white-space: pre; text-decoration: none; min-height: 1.2em; }
        .diff del { background: var(--error-bg); }
        .diff ins { background: var(--ok-bg); }
        .diff-skip { color: var(--muted); }
        details.explanation { margin: .3rem 0; }
        details.explanation summary { cursor: pointer; padding: .2rem 0; }
        .badge.muted { background: var(--soft); color: var(--muted); border-color: var(--line); }
        pre.explanation { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; overflow: auto; margin: .4rem 0 1rem; }
        .sgr-1 { font-weight: 700; }
        .sgr-2 { color: var(--muted); }
        .sgr-1-31 { color: var(--error); font-weight: 700; }
        .sgr-1-32 { color: var(--ok); font-weight: 700; }
        .sgr-1-33 { color: var(--warn); font-weight: 700; }
        .sgr-1-36 { color: #0a6f7c; font-weight: 700; }
        @media (max-width: 900px) {
          .editor-layout, .columns { grid-template-columns: 1fr; }
          .code-editor { height: 60vh; }
          .problems { max-height: none; }
          .context { margin-left: 0; width: 100%; }
          main { padding: .75rem; }
          table.policies th:nth-child(3), table.policies td:nth-child(3) { display: none; }
        }
        """#
}

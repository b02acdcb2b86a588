// BylawReport: printers for findings and diagnostics (text, json, ndjson, sarif, junit, github).

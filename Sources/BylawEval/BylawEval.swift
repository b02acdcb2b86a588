// BylawEval: evaluation of compiled rules over workspaces, usage streams and changes.

// CELConformance: reads cel-spec's conformance JSON files and runs them against the CEL library.

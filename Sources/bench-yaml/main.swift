print("bench-yaml: not implemented yet")

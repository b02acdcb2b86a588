print("bench-lint: not implemented yet")

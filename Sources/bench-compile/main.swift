print("bench-compile: not implemented yet")

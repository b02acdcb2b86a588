print("bench-eval: not implemented yet")

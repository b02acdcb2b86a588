print("bench-cel: not implemented yet")

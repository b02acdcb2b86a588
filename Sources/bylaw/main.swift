print("bylaw")

# raise with an empty message keeps the colon off.
raise IndexError("")

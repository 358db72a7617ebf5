# KeyError repr's its message.
raise KeyError("missing")

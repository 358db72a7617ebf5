# A failed assert whose test is a constant: CPython drops the test and reports
# the whole statement (no caret line).
print("before")
assert False, 42

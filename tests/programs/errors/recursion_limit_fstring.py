# An f-string field of an int is str() of it, a level of CPython's recursion limit
# ("while getting the str of an object"); a str field takes none.
def label(n, name):
    text = f"{name}"
    text = f"{text}-{n}"
    return label(n + 1, text[:3])


label(0, "abc")

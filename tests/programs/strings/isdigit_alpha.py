# Character classes.
for s in ("123", "abc", "a1", "", " ", "É", "٣"):
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace())

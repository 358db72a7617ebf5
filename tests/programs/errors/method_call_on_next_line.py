# A method call whose name is on a later line than its receiver: CPython 3.11
# reports it at the line of the name, underlining from the name to the call's end.
words = "a b c".split()
print(len(words))
found = (words
         .index("z"))

# A comparison Python rejects raises TypeError with the comparison underlined.
def count_up(limit):
    i = 0
    while i <= limit:
        i += 1
    return i


print(count_up(3))
print(count_up("s"))

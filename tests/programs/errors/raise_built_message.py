# raise with a message built at run time.
def validate(name, limit):
    if limit < 0:
        raise ValueError("limit for " + name + " must not be negative")
    return limit

print(validate("alpha", 3))
validate("beta", -1)

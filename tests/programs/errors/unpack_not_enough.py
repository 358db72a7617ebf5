def pair():
    return [1]


x, y = pair()

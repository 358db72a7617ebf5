# Two floats compared in an if test are specialised by python3: the deepest frame
# passes its comparison and fails at the next call, with the plain message.
def down(x):
    if x < 0.5:
        return 0
    return down(x + 1.0)
print(down(1.0))

# A function that assigns a global the module defines after the function.
def setup():
    global config
    config = 42

setup()
print(config)
config = config + 1
print(config)

# A global string rebuilt from a function.
log = ""

def record(event):
    global log
    if log != "":
        log = log + ";"
    log = log + event

record("start")
record("middle")
record("ünïcode")
print(log)
print(log == "start;middle;ünïcode")

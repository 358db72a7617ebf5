# Catching exceptions (not in the first native subset).
def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return None

print(safe_div(7, 2), safe_div(7, 0))
try:
    int("x")
except ValueError as e:
    print("caught:", e)
finally:
    print("finally")

# Deeply nested ifs and conditional expressions.
def grade(score):
    if score >= 50:
        if score >= 80:
            if score >= 90:
                return 4
            return 3
        return 2 if score >= 65 else 1
    return 0

n = 0
while n <= 100:
    print(n, grade(n))
    n += 15
t = 5
print((1 if t > 3 else 2) + (10 if t > 8 else 20))

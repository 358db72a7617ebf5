# A global assigned on both branches with the same type.
import_mode = 3
if import_mode > 2:
    level = 10
else:
    level = 20
total = 0
for i in range(level):
    total += i
print(level, total)

# pass in every block position.
def nothing():
    pass

for i in range(3):
    pass
if True:
    pass
else:
    pass
while False:
    pass
print(nothing())

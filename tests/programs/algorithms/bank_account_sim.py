# Compound interest with floats and rounding.
balance = 1000.0
rate = 0.035
for year in range(1, 11):
    balance = balance * (1.0 + rate)
    print(year, round(balance, 2))
cents = 100000
for year in range(10):
    cents = cents + cents * 35 // 1000
print(cents // 100, cents % 100)

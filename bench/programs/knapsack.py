# List-heavy loops: 0/1 knapsack by dynamic programming over one list, with item
# weights and values from a small linear congruential generator.
def knapsack(items, capacity):
    seed = 42
    weights = []
    values = []
    for _ in range(items):
        seed = (seed * 1103515245 + 12345) % 2147483648
        weights.append(seed % 97 + 3)
        seed = (seed * 1103515245 + 12345) % 2147483648
        values.append(seed % 1000)
    best = [0] * (capacity + 1)
    for i in range(items):
        w = weights[i]
        v = values[i]
        c = capacity
        while c >= w:
            candidate = best[c - w] + v
            if candidate > best[c]:
                best[c] = candidate
            c -= 1
    return best[capacity]


print(knapsack(4000, 20000))

# A deterministic pseudo-random checksum with masking.
state = 88172645463325252
acc = 0
for i in range(5000):
    state ^= (state << 13) & 0xFFFFFFFFFFFFFFFF
    state ^= state >> 7
    state ^= (state << 17) & 0xFFFFFFFFFFFFFFFF
    acc = (acc + state) % 1000000007
print(state, acc)

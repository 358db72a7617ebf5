# time.time and time.perf_counter move forward.
import time
t0 = time.perf_counter()
w0 = time.time()
s = 0
for i in range(100000):
    s += i
t1 = time.perf_counter()
print(s, t1 >= t0, time.time() >= w0, w0 > 1.6e9)

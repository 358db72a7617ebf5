# Float // and % where the sign of zero and rounding matter.
print(-0.0 // 3.0, 0.0 // -3.0, -0.0 % 3.0, 0.0 % -3.0)
print(5.0 // 0.3, 5.0 % 0.3, -5.0 // 0.3, -5.0 % 0.3)
print(1e20 // 3.0, 1e20 % 3.0, -1e20 % 3.0)
print(0.1 // 0.01, 0.1 % 0.01, 7.0 // -0.5, 7.0 % -0.5)
print(float("inf") // 1.0 != 0.0, 1.0 // float("inf"), -1.0 // float("inf"), 1.0 % float("inf"), -1.0 % float("inf"))

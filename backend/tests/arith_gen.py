"""Random straight-line arithmetic programs for differential testing of krait's
code generation (tests/arith_fuzz.rs): ints (small, at the small/big boundary, big),
floats (signed zeros, huge, tiny), bools, and every operator of the native subset,
typed so that python3 accepts them. Usage: arith_gen.py SEED > prog.py
"""
import random, sys
seed = int(sys.argv[1]); random.seed(seed)
INTS = [0, 1, -1, 2, -2, 3, 7, -7, 10, 2**31, -2**31, 2**62-1, -2**62, 2**62, -2**62-1, 2**63, 2**64+3, -(2**70), 123456789, 2**53+1]
FLOATS = [0.0, -0.0, 1.5, -2.25, 1e300, -1e-300, 3.0, 0.1, 2.0**53, 7.0, 1e16, 123.456]
def gen(ty, d):
    if d == 0 or random.random() < 0.25:
        if ty == "int":
            return random.choice(["a", "b", "c"]) if random.random() < 0.5 else repr(random.choice(INTS))
        if ty == "bool":
            return random.choice(["True", "False", "(a < b)", "(x == y)"])
        return random.choice(["x", "y"]) if random.random() < 0.5 else repr(random.choice(FLOATS))
    if ty == "int":
        op = random.choice(["+", "-", "*", "//", "%", "&", "|", "^", ">>", "<<", "neg", "inv", "abs", "int", "min", "max", "bool"])
        l, r = gen("int", d-1), gen("int", d-1)
        if op == ">>": return f"({l} >> {random.randint(0, 70)})"
        if op == "<<": return f"({l} << {random.randint(0, 5)})"
        if op == "neg": return f"(-{l})"
        if op == "inv": return f"(~{l})"
        if op == "abs": return f"abs({l})"
        if op == "int": return f"int({gen('float', d-1)})"
        if op == "bool": return f"({gen('bool', d-1)} + {l})"
        if op in ("min", "max"): return f"{op}({l}, {r})"
        return f"({l} {op} {r})"
    if ty == "bool":
        op = random.choice(["<", "<=", "==", "!=", ">", ">=", "not", "and"])
        t = random.choice(["int", "float"]); u = random.choice(["int", "float"])
        if op == "not": return f"(not {gen(t, d-1)})"
        if op == "and": return f"bool({gen(t, d-1)} and {gen(t, d-1)})"
        return f"({gen(t, d-1)} {op} {gen(u, d-1)})"
    op = random.choice(["+", "-", "*", "/", "//", "%", "neg", "abs", "float", "min", "max", "pow"])
    t = random.choice(["int", "float"])
    l, r = gen("float", d-1), gen(t, d-1)
    if random.random() < 0.5: l, r = r, l
    if op == "neg": return f"(-{gen('float', d-1)})"
    if op == "abs": return f"abs({gen('float', d-1)})"
    if op == "float": return f"float({gen('int', d-1)})"
    if op in ("min", "max"): return f"{op}({gen('float', d-1)}, {gen('float', d-1)})"
    if op == "pow": return f"({gen('float', d-1)} ** {random.choice(['2', '3.0', '-1', '2.0'])})"
    return f"({l} {op} {r})"
lines = ["def f(a, b, c, x, y):"]
for i in range(10):
    ty = random.choice(["int", "float", "bool"])
    lines.append(f"    print({gen(ty, 3)})")
lines.append("    return 0")
args = [random.choice(INTS) for _ in range(3)] + [random.choice(FLOATS) for _ in range(2)]
lines.append(f"f({', '.join(map(repr, args))})")
print("\n".join(lines))

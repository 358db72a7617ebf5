# The float functions of math, their special values and their errors.
import math
from math import sqrt as root, pi, floor


def show(name, x):
    print(name, x)


def many(x):
    show("sqrt", math.sqrt(x))
    show("exp", math.exp(-x))
    show("log", math.log(x + 1))
    show("log2", math.log2(x + 1))
    show("log10", math.log10(x + 1))
    show("sin", math.sin(x))
    show("cos", math.cos(x))
    show("tan", math.tan(x))
    show("atan", math.atan(x))
    show("tanh", math.tanh(x))
    show("floor", math.floor(x))
    show("ceil", math.ceil(-x))
    show("trunc", math.trunc(x * 3.7))


many(0.0)
many(0.5)
many(1.0)
many(2.0)
many(10.0)
many(1e-300)
many(1e300)
show("asin", math.asin(0.5))
show("acos", -0.25 + math.acos(-0.25))
show("sinh", math.sinh(3))
show("cosh", math.cosh(-3))
show("fabs", math.fabs(-7))
show("log base", math.log(1024, 2))
show("atan2", math.atan2(-1.0, -0.0))
show("hypot", math.hypot(3, 4))
show("copysign", math.copysign(2, -0.0))
show("fmod", math.fmod(-7.5, 2))
show("fmod inf", math.fmod(3.0, math.inf))
show("pow", math.pow(2, 0.5))
show("pow int", math.pow(3, 4))
show("root", root(2))
show("pi", pi)
show("tau", math.tau)
show("e", math.e)
show("floor int", floor(7))
show("floor big", math.floor(1e20))
show("isnan", math.isnan(math.nan))
show("isinf", math.isinf(-math.inf))
show("isfinite", math.isfinite(1e308 * 10))
show("isfinite int", math.isfinite(10 ** 20))
show("inf", math.inf)
show("nan", math.nan)
show("exp -inf", math.exp(-math.inf))
show("sqrt inf", math.sqrt(math.inf))

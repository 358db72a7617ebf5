//! Lowering and inference on small programs: the types `dump-types` reports.

use frontend::scopes::SymbolTable;

fn types_of(src: &str) -> Result<String, String> {
    let (file, module) = frontend::parse_bytes("t.py", src.as_bytes());
    let module = module.map_err(|e| e.message)?;
    let scopes = SymbolTable::build(&module, &file).map_err(|e| e.message)?;
    typeinfer::compile(&module, &scopes, &file)
        .map(|p| typeinfer::print::types_text(&p))
        .map_err(|u| u.message)
}

fn signature_lines(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.starts_with(' ')).collect()
}

#[test]
fn functions_are_specialised_per_argument_types() {
    let text =
        types_of("def twice(x):\n    return x + x\n\nprint(twice(2), twice(1.5), twice(3))\n")
            .unwrap();
    assert_eq!(
        signature_lines(&text),
        [
            "<module>() -> None",
            "twice(x: int) -> int",
            "twice(x: float) -> float"
        ]
    );
}

#[test]
fn recursion_reaches_a_fixpoint() {
    let text = types_of(
        "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nprint(fib(10))\n",
    )
    .unwrap();
    assert!(text.contains("fib(n: int) -> int"), "{text}");
}

#[test]
fn division_gives_floats_and_comparisons_bools() {
    let text = types_of("def f(a, b):\n    return a / b, 1\n\nprint(f(1, 2))\n").unwrap();
    assert!(
        text.contains("f(a: int, b: int) -> tuple[float, int]"),
        "{text}"
    );
    let text =
        types_of("def f(a, b):\n    c = a / b\n    return c < 1\n\nprint(f(1, 2))\n").unwrap();
    assert!(text.contains("f(a: int, b: int) -> bool"), "{text}");
    assert!(text.contains("  c: float"), "{text}");
}

#[test]
fn annotations_do_not_override_values() {
    // Python does not enforce annotations: `x: float = 1` holds an int.
    let text = types_of("x: float = 1\ndef g(y: float):\n    return y\n\nprint(g(2))\n").unwrap();
    assert!(text.contains("g(y: int) -> int"), "{text}");
}

#[test]
fn power_with_unknown_exponent_is_dyn() {
    // int ** int is an int for a non-negative exponent and a float for a negative
    // one: a constant exponent decides, a variable one gives a dyn word.
    let text =
        types_of("def p(a, b):\n    return a ** b\n\nprint(p(2, 3), 2 ** -1, 2 ** 3)\n").unwrap();
    assert!(text.contains("p(a: int, b: int) -> dyn"), "{text}");
    assert!(text.contains(": float"), "{text}");
    assert!(!text.contains("<module>() -> dyn"), "{text}");
}

#[test]
fn a_variable_of_several_types_is_dyn() {
    let text =
        types_of("def f(x):\n    y = x\n    y = 'a'\n    return y\n\nprint(f(1))\n").unwrap();
    assert!(text.contains("  y: dyn"), "{text}");
    assert!(text.contains("f(x: int) -> dyn"), "{text}");
    // An operator Python rejects is still compiled: it raises TypeError at run time.
    let text = types_of("def g(a, b):\n    return a + b\n\nprint(g(1, 'a'))\n").unwrap();
    assert!(text.contains("g(a: int, b: str) -> dyn"), "{text}");
}

#[test]
fn unsupported_constructs_name_themselves() {
    assert_eq!(
        types_of("class A:\n    pass\n").unwrap_err(),
        "the statement 'class'"
    );
    assert_eq!(types_of("import os\n").unwrap_err(), "the module 'os'");
    assert_eq!(
        types_of("try:\n    pass\nexcept ValueError:\n    pass\n").unwrap_err(),
        "the statement 'try'"
    );
}

#[test]
fn native_modules_type_their_members() {
    let text = types_of(
        "import math\nfrom time import perf_counter\n\ndef f(x):\n    return math.floor(math.sqrt(x)) + len(str(math.pi))\n\nprint(f(10), perf_counter())\n",
    )
    .unwrap();
    assert!(text.contains("f(x: int) -> int"), "{text}");
    assert_eq!(
        types_of("import math\nprint(math.erf(0.5))\n").unwrap_err(),
        "math.erf"
    );
}

#[test]
fn an_empty_list_takes_the_type_of_what_any_alias_stores() {
    // Filled by a callee through its parameter.
    let text =
        types_of("def fill(acc):\n    acc.append(1.5)\n\nxs = []\nfill(xs)\nprint(xs)\n").unwrap();
    assert!(text.contains("fill(acc: list[float]) -> None"), "{text}");
    // Through a copy, and through an element of a list of lists.
    let text = types_of(
        "def f():\n    a = []\n    b = a\n    b.append('x')\n    grid = [[], []]\n    grid[0].append(a)\n    return a, grid\n\nprint(f())\n",
    )
    .unwrap();
    assert!(text.contains("  a: list[str]"), "{text}");
    assert!(text.contains("  grid: list[list[list[str]]]"), "{text}");
    // A list that holds two types holds dyn words, in every alias.
    let text = types_of(
        "def f():\n    xs = [1]\n    ys = xs\n    ys.append('a')\n    return xs\n\nprint(f())\n",
    )
    .unwrap();
    assert!(text.contains("  xs: list[dyn]"), "{text}");
    assert!(text.contains("  ys: list[dyn]"), "{text}");
}

#[test]
fn tuples_keep_element_types_and_constant_indices_pick_them() {
    let text = types_of(
        "def f():\n    t = (1, 'a', 2.5)\n    x = t[1]\n    y = t[-1]\n    a, b, c = t\n    return x, y, t[0:2]\n\nprint(f())\n",
    )
    .unwrap();
    assert!(
        text.contains("f() -> tuple[str, float, tuple[int, str]]"),
        "{text}"
    );
    assert!(text.contains("  b: str"), "{text}");
}

#[test]
fn range_counters_are_machine_integers() {
    let text = types_of("def f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n\nprint(f(3))\n").unwrap();
    assert!(text.contains(": i64"), "{text}");
    assert!(text.contains("  i: int"), "{text}");
}

#[test]
fn a_function_passed_as_a_value_specialises_its_callee() {
    let text = types_of(
        "def sq(x):\n    return x * x\n\ndef half(x):\n    return x / 2\n\ndef ap(f, v):\n    return f(v)\n\nprint(ap(sq, 3), ap(half, 3), ap(len, 'ab'))\n",
    )
    .unwrap();
    // One specialisation of `ap` per function passed; the values themselves are
    // erased (they carry no data), and each call is a direct call.
    let aps: Vec<&str> = signature_lines(&text)
        .into_iter()
        .filter(|l| l.starts_with("ap("))
        .collect();
    assert_eq!(aps.len(), 3, "{text}");
    assert!(aps.contains(&"ap(f: None, v: int) -> int"), "{text}");
    assert!(aps.contains(&"ap(f: None, v: int) -> float"), "{text}");
    assert!(text.contains("sq(x: int) -> int"), "{text}");
}

#[test]
fn function_values_only_go_where_their_type_is_kept() {
    let refused = "a function used as a value here (functions can be called, passed to \
                   functions, returned, and assigned to variables)";
    // Printing one, or joining two different functions, would need a boxed value.
    assert_eq!(
        types_of("def f():\n    pass\n\nprint(f)\n").unwrap_err(),
        refused
    );
    assert_eq!(
        types_of("def f():\n    pass\n\ndef g():\n    pass\n\nh = f\nh = g\nh()\n").unwrap_err(),
        "calling a value of type 'dyn'"
    );
    assert_eq!(
        types_of("def f():\n    pass\n\nfs = [f]\nprint(len(fs))\n").unwrap_err(),
        refused
    );
    assert_eq!(
        types_of("def f(x):\n    def g():\n        return x\n    return g\n").unwrap_err(),
        "nested functions"
    );
    assert_eq!(
        types_of("def f(x):\n    return lambda: x\n\nprint(f(1)())\n").unwrap_err(),
        "closures (nested functions capturing variables)"
    );
}

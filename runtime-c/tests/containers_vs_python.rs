//! Differential tests of the runtime's containers against python3: repr() and str() of
//! typed values built through the C API (nested lists and tuples of None, bool, int,
//! float, str), ==, != and ordering across types (with CPython's TypeError wording),
//! slicing with random bounds (None, negative, beyond 64 bits, zero steps), sorting,
//! and the list methods (pop, insert, index, count, remove, del, repeat, concat,
//! extend...), and lists of bools, which store one byte per item, through every
//! operation and the sequence builtins (min, max, sum, any, all) with width 1, plus a
//! 2M-flag sieve. Each case is a Python expression; python3 evaluates them all in one
//! process and prints one line per case, which must equal krait's.

// The runtime's static library comes with the crate.
mod common;

use common::{error_text, no_error};
use runtime_c as _;
use std::ffi::{c_char, c_void};

type KrValue = u64;
type Slot = u64;

#[repr(C)]
struct KrTdesc {
    kind: i32,
    count: i32,
    items: *const *const KrTdesc,
}

#[repr(C)]
struct KrList {
    type_: *const c_void,
    length: i64,
    capacity: i64,
    items: *mut c_void,
    width: i64,
}

#[repr(C)]
struct KrTuple {
    type_: *const c_void,
    length: i64,
}

#[repr(C)]
struct KrStr {
    type_: *const c_void,
    length: i64,
    size: i64,
    ascii: i64,
}

extern "C" {
    fn kr_runtime_init();

    fn kr_int_from_str(text: *const c_char, len: usize, base: i32) -> KrValue;
    fn kr_int_pow(a: KrValue, b: KrValue) -> KrValue;
    fn kr_str_from_utf8(text: *const c_char, size: usize) -> *mut KrStr;

    fn kr_slot_repr(x: Slot, t: *const KrTdesc) -> *mut KrStr;
    fn kr_slot_str(x: Slot, t: *const KrTdesc) -> *mut KrStr;
    fn kr_slot_eq(a: Slot, ta: *const KrTdesc, b: Slot, tb: *const KrTdesc) -> i32;
    fn kr_slot_compare(a: Slot, ta: *const KrTdesc, b: Slot, tb: *const KrTdesc, op: i32) -> i32;

    fn kr_index_value(i: KrValue, error: *mut bool) -> i64;
    fn kr_ssize_value(i: KrValue, error: *mut bool) -> i64;
    fn kr_slice_indices(
        start: KrValue,
        stop: KrValue,
        step: KrValue,
        length: i64,
        out_start: *mut i64,
        out_step: *mut i64,
    ) -> i64;

    fn kr_list_new(length: i64, elem: *const KrTdesc) -> *mut KrList;
    fn kr_list_get(l: *const KrList, i: i64) -> Slot;
    fn kr_list_set(l: *mut KrList, i: i64, x: Slot);
    fn kr_list_append(l: *mut KrList, x: Slot);
    fn kr_list_pop(l: *mut KrList, index: i64, error: *mut bool) -> Slot;
    fn kr_list_insert(l: *mut KrList, index: i64, x: Slot);
    fn kr_list_index(
        l: *const KrList,
        elem: *const KrTdesc,
        x: Slot,
        tx: *const KrTdesc,
        error: *mut bool,
    ) -> i64;
    fn kr_list_count(
        l: *const KrList,
        elem: *const KrTdesc,
        x: Slot,
        tx: *const KrTdesc,
        error: *mut bool,
    ) -> i64;
    fn kr_list_contains(l: *const KrList, elem: *const KrTdesc, x: Slot, tx: *const KrTdesc)
        -> i32;
    fn kr_list_remove(l: *mut KrList, elem: *const KrTdesc, x: Slot, tx: *const KrTdesc) -> bool;
    fn kr_list_sort(l: *mut KrList, elem: *const KrTdesc, reverse: bool) -> bool;
    fn kr_list_reverse(l: *mut KrList);
    fn kr_list_clear(l: *mut KrList);
    fn kr_list_extend(l: *mut KrList, other: *const KrList);
    fn kr_list_copy(l: *const KrList, elem: *const KrTdesc) -> *mut KrList;
    fn kr_list_concat(a: *const KrList, b: *const KrList, elem: *const KrTdesc) -> *mut KrList;
    fn kr_list_repeat(l: *const KrList, n: KrValue, elem: *const KrTdesc) -> *mut KrList;
    fn kr_list_slice(
        l: *const KrList,
        start: KrValue,
        stop: KrValue,
        step: KrValue,
        elem: *const KrTdesc,
    ) -> *mut KrList;
    fn kr_list_del_item(l: *mut KrList, index: i64) -> bool;
    fn kr_list_del_slice(l: *mut KrList, start: KrValue, stop: KrValue, step: KrValue) -> bool;
    fn kr_list_set_slice(
        l: *mut KrList,
        start: KrValue,
        stop: KrValue,
        step: KrValue,
        src: *const KrList,
    ) -> bool;
    fn kr_list_from_str(s: *const KrStr) -> *mut KrList;

    fn kr_list_from_slots(items: *const Slot, n: i64, elem: *const KrTdesc) -> *mut KrList;
    fn kr_sum_int_slots(
        items: *const c_void,
        n: i64,
        width: i64,
        kind: i32,
        start: KrValue,
    ) -> KrValue;
    fn kr_sum_float_slots(
        items: *const c_void,
        n: i64,
        width: i64,
        kind: i32,
        start: f64,
        start_is_int: bool,
        error: *mut bool,
    ) -> f64;
    fn kr_seq_minmax(
        items: *const c_void,
        n: i64,
        width: i64,
        elem: *const KrTdesc,
        is_max: bool,
        error: *mut bool,
    ) -> Slot;
    fn kr_seq_any(items: *const c_void, n: i64, width: i64, elem: *const KrTdesc) -> bool;
    fn kr_seq_all(items: *const c_void, n: i64, width: i64, elem: *const KrTdesc) -> bool;

    fn kr_tuple_new(length: i64) -> *mut KrTuple;
    fn kr_tuple_concat(a: *const KrTuple, b: *const KrTuple) -> *mut KrTuple;
    fn kr_tuple_slice(
        t: *const KrTuple,
        start: KrValue,
        stop: KrValue,
        step: KrValue,
    ) -> *mut KrTuple;
    fn kr_tuple_repeat(t: *const KrTuple, n: KrValue) -> *mut KrTuple;
}

const ABSENT: KrValue = 0;

fn main() {
    unsafe { kr_runtime_init() };
    let tests: [(&str, fn()); 10] = [
        ("repr_and_str_match_python", repr_and_str_match_python),
        ("comparisons_match_python", comparisons_match_python),
        ("slices_match_python", slices_match_python),
        ("sort_matches_python", sort_matches_python),
        ("sort_is_stable", sort_is_stable),
        ("list_methods_match_python", list_methods_match_python),
        ("tuples_match_python", tuples_match_python),
        ("edge_cases_match_python", edge_cases_match_python),
        ("bool_lists_match_python", bool_lists_match_python),
        ("bool_sieve_matches_python", bool_sieve_matches_python),
    ];
    let filter = std::env::args().nth(1);
    for (name, test) in tests {
        if let Some(f) = &filter {
            if !name.contains(f.as_str()) {
                continue;
            }
        }
        test();
        println!("test {name} ... ok");
    }
}

// {==================================================================
// python3 and comparison of results
// ===================================================================

/// Evaluates each case (one Python expression) and prints its value: a str as is,
/// anything else as repr(), an exception as "ERR Name: message"; backslashes and line
/// breaks escaped so each case answers exactly one line.
const EVAL: &str = r#"
import sys
for line in sys.stdin:
    try:
        r = eval(line)
        out = r if isinstance(r, str) else repr(r)
    except Exception as e:
        out = 'ERR %s: %s' % (type(e).__name__, e)
    print(out.replace('\\', '\\\\').replace('\n', '\\n').replace('\r', '\\r'))
"#;

fn check(what: &str, cases: &[(String, String)]) {
    common::check(what, EVAL, &[], cases, 10);
}

fn bool_text(b: bool) -> String {
    if b { "True" } else { "False" }.to_string()
}

// }==================================================================

// {==================================================================
// Types, values and their runtime form
// ===================================================================

#[derive(Clone, Debug, PartialEq)]
enum Ty {
    Never,
    None,
    Bool,
    Int,
    Float,
    Str,
    List(Box<Ty>),
    Tuple(Vec<Ty>),
}

#[derive(Clone, Debug)]
enum V {
    None,
    Bool(bool),
    Int(String), // decimal
    Float(f64),
    Str(String),
    List(Vec<V>),
    Tuple(Vec<V>),
}

/// The runtime's descriptor of a type (leaked: descriptors are static in programs).
fn desc(t: &Ty) -> *const KrTdesc {
    let (kind, items): (i32, Vec<*const KrTdesc>) = match t {
        Ty::Never => (0, vec![]),
        Ty::None => (1, vec![]),
        Ty::Bool => (2, vec![]),
        Ty::Int => (3, vec![]),
        Ty::Float => (4, vec![]),
        Ty::Str => (5, vec![]),
        Ty::List(e) => (6, vec![desc(e)]),
        Ty::Tuple(ts) => (7, ts.iter().map(desc).collect()),
    };
    let count = items.len() as i32;
    let items = Box::leak(items.into_boxed_slice()).as_ptr();
    Box::leak(Box::new(KrTdesc { kind, count, items }))
}

fn kr_str(text: &str) -> *mut KrStr {
    unsafe { kr_str_from_utf8(text.as_ptr().cast(), text.len()) }
}

fn kr_int(decimal: &str) -> KrValue {
    let v = unsafe { kr_int_from_str(decimal.as_ptr().cast(), decimal.len(), 10) };
    assert_ne!(v, 0, "bad int {decimal}");
    v
}

fn small(i: i64) -> KrValue {
    ((i as u64) << 1) | 1
}

/// Builds v (of type t) through the C API.
fn slot(v: &V, t: &Ty) -> Slot {
    match (v, t) {
        (V::None, _) => 0,
        (V::Bool(b), _) => *b as Slot,
        (V::Int(s), _) => kr_int(s),
        (V::Float(d), _) => d.to_bits(),
        (V::Str(s), _) => kr_str(s) as Slot,
        (V::List(items), Ty::List(e)) => unsafe {
            let l = kr_list_new(items.len() as i64, desc(e));
            for (i, item) in items.iter().enumerate() {
                kr_list_set(l, i as i64, slot(item, e));
            }
            l as Slot
        },
        (V::Tuple(items), Ty::Tuple(ts)) => unsafe {
            let tup = kr_tuple_new(items.len() as i64);
            for (i, (item, it)) in items.iter().zip(ts).enumerate() {
                *tuple_items(tup).add(i) = slot(item, it);
            }
            tup as Slot
        },
        _ => panic!("value {v:?} does not have type {t:?}"),
    }
}

fn tuple_items(t: *mut KrTuple) -> *mut Slot {
    unsafe { t.add(1).cast() }
}

/// A list's items as slots, whatever their width.
fn list_slots(l: *const KrList) -> Vec<Slot> {
    unsafe { (0..(*l).length).map(|i| kr_list_get(l, i)).collect() }
}

/// The text of a runtime string (or the error when it is NULL).
fn text_of(s: *const KrStr) -> String {
    if s.is_null() {
        return error_text();
    }
    unsafe {
        let data = (s as *const u8).add(std::mem::size_of::<KrStr>());
        let bytes = std::slice::from_raw_parts(data, (*s).size as usize);
        String::from_utf8(bytes.to_vec()).expect("runtime string is not UTF-8")
    }
}

fn repr_of(x: Slot, t: &Ty) -> String {
    text_of(unsafe { kr_slot_repr(x, desc(t)) })
}

/// A Python literal for v.
fn py(v: &V) -> String {
    match v {
        V::None => "None".into(),
        V::Bool(b) => bool_text(*b),
        V::Int(s) => format!("({s})"),
        V::Float(d) => {
            if d.is_nan() {
                "float('nan')".into()
            } else if d.is_infinite() {
                if *d > 0.0 {
                    "float('inf')"
                } else {
                    "float('-inf')"
                }
                .into()
            } else {
                format!("({d:?})")
            }
        }
        V::Str(s) => {
            let mut out = String::from("'");
            for c in s.chars() {
                if c.is_ascii_alphanumeric() || c == ' ' {
                    out.push(c);
                } else {
                    out.push_str(&format!("\\U{:08x}", c as u32));
                }
            }
            out.push('\'');
            out
        }
        V::List(items) => {
            let parts: Vec<String> = items.iter().map(py).collect();
            format!("[{}]", parts.join(", "))
        }
        V::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(py).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn gen_ty(rng: &mut Rng, depth: u32) -> Ty {
    let leaf = depth == 0 || rng.chance(55);
    if leaf {
        return rng
            .pick(&[Ty::None, Ty::Bool, Ty::Int, Ty::Int, Ty::Float, Ty::Str])
            .clone();
    }
    if rng.chance(55) {
        if rng.chance(5) {
            return Ty::List(Box::new(Ty::Never));
        }
        Ty::List(Box::new(gen_ty(rng, depth - 1)))
    } else {
        let n = rng.below(4);
        Ty::Tuple((0..n).map(|_| gen_ty(rng, depth - 1)).collect())
    }
}

const INT_POOL_WIDE: &[&str] = &[
    "0",
    "1",
    "-1",
    "7",
    "-42",
    "4611686018427387903",
    "4611686018427387904",
    "-4611686018427387904",
    "-4611686018427387905",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1267650600228229401496703205376",
    "-1267650600228229401496703205376",
    "9007199254740993",
];

const INT_POOL_NARROW: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "4611686018427387904",
    "9007199254740993",
    "9007199254740992",
    "1180591620717411303424",
];

const FLOAT_POOL_NARROW: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    2.0,
    0.5,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    4611686018427387904.0,
    9007199254740992.0,
    1180591620717411303424.0,
];

const STR_POOL_NARROW: &[&str] = &["", "a", "b", "ab", "é", "a\u{1F600}"];

const CHARS: &[char] = &[
    'a',
    'b',
    'Z',
    '0',
    ' ',
    '\'',
    '"',
    '\\',
    '\n',
    '\t',
    '\r',
    '\0',
    '\x7f',
    'é',
    'ÿ',
    '\u{85}',
    '\u{a0}',
    'Ω',
    '\u{2028}',
    '€',
    '\u{e000}',
    '\u{ffff}',
    '😀',
    '\u{10ffff}',
    '\u{1F1E6}',
];

fn gen_float_wide(rng: &mut Rng) -> f64 {
    match rng.below(4) {
        0 => *rng.pick(FLOAT_POOL_NARROW),
        1 => f64::from_bits(rng.next()),
        2 => (rng.range(-1000, 1000) as f64) / 8.0,
        _ => (rng.range(-1_000_000, 1_000_000) as f64) * 10f64.powi(rng.range(-30, 30) as i32),
    }
}

/// A value of type t; 'narrow' draws from small pools so that equal values are common.
fn gen_val(rng: &mut Rng, t: &Ty, narrow: bool) -> V {
    match t {
        Ty::Never => panic!("no value has type Never"),
        Ty::None => V::None,
        Ty::Bool => V::Bool(rng.chance(50)),
        Ty::Int => {
            if narrow {
                V::Int(rng.pick(INT_POOL_NARROW).to_string())
            } else if rng.chance(60) {
                V::Int(rng.range(-1000, 1000).to_string())
            } else {
                V::Int(rng.pick(INT_POOL_WIDE).to_string())
            }
        }
        Ty::Float => V::Float(if narrow {
            *rng.pick(FLOAT_POOL_NARROW)
        } else {
            gen_float_wide(rng)
        }),
        Ty::Str => {
            if narrow {
                V::Str(rng.pick(STR_POOL_NARROW).to_string())
            } else {
                let n = rng.below(6);
                V::Str((0..n).map(|_| *rng.pick(CHARS)).collect())
            }
        }
        Ty::List(e) => {
            if **e == Ty::Never {
                return V::List(vec![]);
            }
            let n = rng.below(if narrow { 3 } else { 5 });
            V::List((0..n).map(|_| gen_val(rng, e, narrow)).collect())
        }
        Ty::Tuple(ts) => V::Tuple(ts.iter().map(|t| gen_val(rng, t, narrow)).collect()),
    }
}

// }==================================================================

// {==================================================================
// repr, str, comparisons
// ===================================================================

fn repr_and_str_match_python() {
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let mut cases = Vec::new();
    for _ in 0..1500 {
        let t = gen_ty(&mut rng, 3);
        let v = gen_val(&mut rng, &t, false);
        let x = slot(&v, &t);
        cases.push((format!("repr({})", py(&v)), repr_of(x, &t)));
        let s = text_of(unsafe { kr_slot_str(x, desc(&t)) });
        cases.push((format!("str({})", py(&v)), s));
        no_error();
    }
    check("repr and str", &cases);
}

const OPS: &[&str] = &["<", "<=", "==", "!=", ">", ">="];

fn comparisons_match_python() {
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    let mut cases = Vec::new();
    for _ in 0..2500 {
        let ta = gen_ty(&mut rng, 2);
        let tb = if rng.chance(60) {
            ta.clone()
        } else if rng.chance(50) {
            gen_ty(&mut rng, 2)
        } else {
            // Numbers of the other kinds, and the same shape with other numbers.
            match &ta {
                Ty::Int | Ty::Bool | Ty::Float => rng.pick(&[Ty::Int, Ty::Bool, Ty::Float]).clone(),
                Ty::List(_) => {
                    Ty::List(Box::new(rng.pick(&[Ty::Int, Ty::Float, Ty::Bool]).clone()))
                }
                Ty::Tuple(ts) => Ty::Tuple(
                    ts.iter()
                        .map(|t| match t {
                            Ty::Int => Ty::Float,
                            other => other.clone(),
                        })
                        .collect(),
                ),
                _ => gen_ty(&mut rng, 2),
            }
        };
        let a = gen_val(&mut rng, &ta, true);
        let b = gen_val(&mut rng, &tb, true);
        let (xa, xb) = (slot(&a, &ta), slot(&b, &tb));
        let op = rng.below(6) as usize;
        let r = unsafe { kr_slot_compare(xa, desc(&ta), xb, desc(&tb), op as i32) };
        let ours = if r < 0 {
            error_text()
        } else {
            bool_text(r == 1)
        };
        if op == 2 {
            let eq = unsafe { kr_slot_eq(xa, desc(&ta), xb, desc(&tb)) };
            assert_eq!(eq == 1, r == 1, "kr_slot_eq disagrees with kr_slot_compare");
        }
        no_error();
        cases.push((format!("{} {} {}", py(&a), OPS[op], py(&b)), ours));
    }
    check("comparisons", &cases);
}

// }==================================================================

// {==================================================================
// Slices
// ===================================================================

const BOUNDS: &[&str] = &[
    "None",
    "4611686018427387903",
    "4611686018427387904",
    "-4611686018427387905",
    "9223372036854775807",
    "-9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "-9223372036854775809",
    "1267650600228229401496703205376",
    "-1267650600228229401496703205376",
];

/// A random slice bound: its Python text and its value (ABSENT for None).
fn gen_bound(rng: &mut Rng, step: bool) -> (String, KrValue) {
    if rng.chance(75) {
        if step && rng.chance(50) {
            return ("None".into(), ABSENT);
        }
        let i = if step {
            rng.range(-4, 4)
        } else {
            rng.range(-14, 14)
        };
        return (i.to_string(), small(i));
    }
    let b = *rng.pick(BOUNDS);
    if b == "None" {
        ("None".into(), ABSENT)
    } else {
        (b.to_string(), kr_int(b))
    }
}

fn int_list(rng: &mut Rng, max_len: u64) -> V {
    let n = rng.below(max_len + 1);
    V::List(
        (0..n)
            .map(|_| V::Int(rng.range(-50, 50).to_string()))
            .collect(),
    )
}

fn slices_match_python() {
    let mut rng = Rng(0xDEAD_BEEF_0BAD_F00D);
    let int_list_ty = Ty::List(Box::new(Ty::Int));
    let elem = desc(&Ty::Int);
    let mut cases = Vec::new();
    for _ in 0..2500 {
        let v = int_list(&mut rng, 12);
        let (sa, a) = gen_bound(&mut rng, false);
        let (sb, b) = gen_bound(&mut rng, false);
        let (sc, c) = gen_bound(&mut rng, true);
        let l = slot(&v, &int_list_ty) as *mut KrList;
        let n = unsafe { (*l).length };
        // l[a:b:c]
        let r = unsafe { kr_list_slice(l, a, b, c, elem) };
        let ours = if r.is_null() {
            error_text()
        } else {
            repr_of(r as Slot, &int_list_ty)
        };
        cases.push((format!("{}[{sa}:{sb}:{sc}]", py(&v)), ours));
        // slice(a, b, c).indices(n): the start and the number of items.
        let (mut start, mut step) = (0i64, 0i64);
        let count = unsafe { kr_slice_indices(a, b, c, n, &mut start, &mut step) };
        let ours = if count < 0 {
            error_text()
        } else {
            format!("({start}, {count})")
        };
        cases.push((
            format!("(lambda s: (s[0], len(range(*s))))(slice({sa}, {sb}, {sc}).indices({n}))"),
            ours,
        ));
        // del l[a:b:c]
        let ok = unsafe { kr_list_del_slice(l, a, b, c) };
        let ours = if ok {
            repr_of(l as Slot, &int_list_ty)
        } else {
            error_text()
        };
        cases.push((
            format!(
                "(lambda l: (l.__delitem__(slice({sa}, {sb}, {sc})), l)[1])({})",
                py(&v)
            ),
            ours,
        ));
        no_error();
        // l[a:b:c] = src, on a fresh copy of v (src sized to the slice half the
        // time, so that extended slices are assigned too).
        let l = slot(&v, &int_list_ty) as *mut KrList;
        let (mut start, mut step) = (0i64, 0i64);
        let selected = unsafe { kr_slice_indices(a, b, c, (*l).length, &mut start, &mut step) };
        if selected < 0 {
            // A zero step: set_slice raises the same error again below.
            error_text();
        }
        let src = match rng.range(0, 1) {
            0 if selected >= 0 => V::List(
                (0..selected)
                    .map(|k| V::Int((100 + k).to_string()))
                    .collect(),
            ),
            _ => int_list(&mut rng, 6),
        };
        let s = slot(&src, &int_list_ty) as *mut KrList;
        let ok = unsafe { kr_list_set_slice(l, a, b, c, s) };
        let ours = if ok {
            repr_of(l as Slot, &int_list_ty)
        } else {
            error_text()
        };
        cases.push((
            format!(
                "(lambda l: (l.__setitem__(slice({sa}, {sb}, {sc}), {}), l)[1])({})",
                py(&src),
                py(&v)
            ),
            ours,
        ));
        no_error();
    }
    // Indices of every size.
    for b in BOUNDS.iter().skip(1).chain(["0", "-3", "5"].iter()) {
        let mut error = false;
        let i = unsafe { kr_index_value(kr_int(b), &mut error) };
        let ours = if error { error_text() } else { i.to_string() };
        cases.push((format!("{b} if -2**63 <= {b} < 2**63 else [][{b}]"), ours));
    }
    check("slices", &cases);
}

// }==================================================================

// {==================================================================
// Sorting
// ===================================================================

fn sort_matches_python() {
    let mut rng = Rng(0x0F0F_1234_5555_AAAA);
    let types = [
        Ty::Int,
        Ty::Float,
        Ty::Str,
        Ty::Bool,
        Ty::None,
        Ty::Tuple(vec![Ty::Int, Ty::Str]),
        Ty::Tuple(vec![Ty::Float, Ty::Int]),
        Ty::Tuple(vec![Ty::Bool, Ty::None]),
        Ty::List(Box::new(Ty::Int)),
        Ty::List(Box::new(Ty::Never)),
        Ty::Tuple(vec![Ty::Int, Ty::List(Box::new(Ty::Float))]),
    ];
    let mut cases = Vec::new();
    for round in 0..1200 {
        let t = rng.pick(&types).clone();
        let lt = Ty::List(Box::new(t.clone()));
        let n = if round % 50 == 0 {
            rng.below(3000)
        } else {
            rng.below(40)
        };
        let narrow = rng.chance(50);
        let items: Vec<V> = (0..n)
            .map(|_| match &t {
                // Nans too: "<" is then not an order, and the result is CPython's
                // only because the algorithm is (kr_sort.c).
                Ty::Float if !narrow => V::Float(gen_float_wide(&mut rng)),
                Ty::Float => V::Float(*rng.pick(&[0.0, -0.0, 1.0, 2.5, -3.0, f64::INFINITY])),
                Ty::Tuple(ts) if ts[0] == Ty::Float => V::Tuple(vec![
                    V::Float(*rng.pick(&[0.0, -0.0, 1.5])),
                    gen_val(&mut rng, &ts[1], true),
                ]),
                Ty::List(e) if **e == Ty::Int => {
                    let k = rng.below(3);
                    V::List(
                        (0..k)
                            .map(|_| V::Int(rng.range(0, 2).to_string()))
                            .collect(),
                    )
                }
                Ty::Tuple(ts) if ts.len() == 2 && matches!(ts[1], Ty::List(_)) => V::Tuple(vec![
                    V::Int(rng.range(0, 3).to_string()),
                    V::List(
                        (0..rng.below(3))
                            .map(|_| V::Float(*rng.pick(&[0.0, -0.0, 1.0])))
                            .collect(),
                    ),
                ]),
                _ => gen_val(&mut rng, &t, narrow),
            })
            .collect();
        let v = V::List(items);
        let reverse = rng.chance(50);
        let l = slot(&v, &lt) as *mut KrList;
        let ok = unsafe { kr_list_sort(l, desc(&t), reverse) };
        let ours = if ok {
            repr_of(l as Slot, &lt)
        } else {
            error_text()
        };
        no_error();
        let pyr = if reverse { "True" } else { "False" };
        cases.push((format!("sorted({}, reverse={pyr})", py(&v)), ours));
    }
    check("sort", &cases);
}

/// Equal items keep their order (forward and reversed), seen through object identity:
/// tuples (k,) with few distinct keys, each a distinct object.
fn sort_is_stable() {
    let mut rng = Rng(77);
    let t = Ty::Tuple(vec![Ty::Int]);
    let lt = Ty::List(Box::new(t.clone()));
    for n in [0u64, 1, 2, 5, 17, 33, 100, 1000, 5000] {
        for reverse in [false, true] {
            let keys: Vec<i64> = (0..n).map(|_| rng.range(0, 4)).collect();
            let v = V::List(
                keys.iter()
                    .map(|k| V::Tuple(vec![V::Int(k.to_string())]))
                    .collect(),
            );
            let l = slot(&v, &lt) as *mut KrList;
            let before = list_slots(l);
            assert!(unsafe { kr_list_sort(l, desc(&t), reverse) });
            let after = list_slots(l);
            let key_of = |p: Slot| unsafe { (*tuple_items(p as *mut KrTuple) >> 1) as i64 };
            let mut expected: Vec<(i64, usize)> = before
                .iter()
                .enumerate()
                .map(|(i, &p)| (key_of(p), i))
                .collect();
            expected.sort_by(|a, b| {
                if reverse {
                    b.0.cmp(&a.0)
                } else {
                    a.0.cmp(&b.0)
                }
            });
            let expected: Vec<Slot> = expected.iter().map(|&(_, i)| before[i]).collect();
            assert_eq!(
                after, expected,
                "unstable sort of {n} items, reverse={reverse}"
            );
        }
    }
}

// }==================================================================

// {==================================================================
// List methods
// ===================================================================

const INDEX_ARGS: &[&str] = &[
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "-9223372036854775809",
    "1267650600228229401496703205376",
    "4611686018427387904",
];

/// A random index argument: its Python text and value.
fn gen_index(rng: &mut Rng) -> (String, KrValue) {
    if rng.chance(90) {
        let i = rng.range(-8, 8);
        (i.to_string(), small(i))
    } else {
        let b = *rng.pick(INDEX_ARGS);
        (b.to_string(), kr_int(b))
    }
}

fn list_methods_match_python() {
    let mut rng = Rng(0xABCD_EF01_2345_6789);
    let elem_types = [
        Ty::Int,
        Ty::Float,
        Ty::Str,
        Ty::Bool,
        Ty::None,
        Ty::Tuple(vec![Ty::Int, Ty::Str]),
        Ty::List(Box::new(Ty::Int)),
    ];
    let mut cases = Vec::new();
    for _ in 0..800 {
        let t = rng.pick(&elem_types).clone();
        let e = desc(&t);
        let lt = Ty::List(Box::new(t.clone()));
        let n = rng.below(7);
        let v = V::List((0..n).map(|_| gen_val(&mut rng, &t, true)).collect());
        let p = py(&v);
        let fresh = || slot(&v, &lt) as *mut KrList;
        let list_repr = |l: *mut KrList| repr_of(l as Slot, &lt);
        // A probe value, sometimes of another type.
        let tx = if rng.chance(70) {
            t.clone()
        } else {
            rng.pick(&[Ty::Int, Ty::Float, Ty::Str, Ty::Bool, Ty::None])
                .clone()
        };
        let xv = gen_val(&mut rng, &tx, true);
        let x = slot(&xv, &tx);
        let px = py(&xv);
        let dx = desc(&tx);
        unsafe {
            // pop(i) and pop()
            let (si, i) = gen_index(&mut rng);
            let l = fresh();
            let mut error = false;
            let index = kr_ssize_value(i, &mut error);
            let ours = if error {
                error_text()
            } else {
                let y = kr_list_pop(l, index, &mut error);
                if error {
                    error_text()
                } else {
                    format!("({}, {})", repr_of(y, &t), list_repr(l))
                }
            };
            cases.push((format!("(lambda l: (l.pop({si}), l))({p})"), ours));
            let l = fresh();
            let mut error = false;
            let y = kr_list_pop(l, -1, &mut error);
            let ours = if error {
                error_text()
            } else {
                format!("({}, {})", repr_of(y, &t), list_repr(l))
            };
            cases.push((format!("(lambda l: (l.pop(), l))({p})"), ours));
            // insert(i, x) with a value of the element type
            let (si, i) = gen_index(&mut rng);
            let yv = gen_val(&mut rng, &t, true);
            let l = fresh();
            let mut error = false;
            let index = kr_ssize_value(i, &mut error);
            let ours = if error {
                error_text()
            } else {
                kr_list_insert(l, index, slot(&yv, &t));
                list_repr(l)
            };
            cases.push((
                format!("(lambda l: (l.insert({si}, {}), l)[1])({p})", py(&yv)),
                ours,
            ));
            // index, count, in, remove
            let l = fresh();
            let mut error = false;
            let k = kr_list_index(l, e, x, dx, &mut error);
            let ours = if error { error_text() } else { k.to_string() };
            cases.push((format!("{p}.index({px})"), ours));
            let mut error = false;
            let k = kr_list_count(l, e, x, dx, &mut error);
            assert!(!error, "count of a flat list failed");
            cases.push((format!("{p}.count({px})"), k.to_string()));
            let k = kr_list_contains(l, e, x, dx);
            cases.push((format!("{px} in {p}"), bool_text(k == 1)));
            let ours = if kr_list_remove(l, e, x, dx) {
                list_repr(l)
            } else {
                error_text()
            };
            cases.push((format!("(lambda l: (l.remove({px}), l)[1])({p})"), ours));
            // del l[i]
            let (si, i) = gen_index(&mut rng);
            let l = fresh();
            let mut error = false;
            let index = kr_index_value(i, &mut error);
            let ours = if error {
                error_text()
            } else if kr_list_del_item(l, index) {
                list_repr(l)
            } else {
                error_text()
            };
            cases.push((
                format!("(lambda l: (l.__delitem__({si}), l)[1])({p})"),
                ours,
            ));
            // l * k
            let (sk, k) = if rng.chance(80) {
                let k = rng.range(-2, 4);
                (k.to_string(), small(k))
            } else {
                let b = *rng.pick(&[
                    "4611686018427387904",
                    "9223372036854775807",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "1267650600228229401496703205376",
                    "-1267650600228229401496703205376",
                ]);
                (b.to_string(), kr_int(b))
            };
            let l = fresh();
            let r = kr_list_repeat(l, k, e);
            let ours = if r.is_null() {
                error_text()
            } else {
                list_repr(r)
            };
            cases.push((format!("{p} * ({sk})"), ours));
            // concat, extend (also by itself), copy, reverse, clear, append
            let w = V::List(
                (0..rng.below(4))
                    .map(|_| gen_val(&mut rng, &t, true))
                    .collect(),
            );
            let (a, b) = (fresh(), slot(&w, &lt) as *mut KrList);
            let r = kr_list_concat(a, b, e);
            cases.push((format!("{p} + {}", py(&w)), list_repr(r)));
            kr_list_extend(a, b);
            cases.push((
                format!("(lambda l: (l.extend({}), l)[1])({p})", py(&w)),
                list_repr(a),
            ));
            let a = fresh();
            kr_list_extend(a, a);
            cases.push((
                format!("(lambda l: (l.extend(l), l)[1])({p})"),
                list_repr(a),
            ));
            let a = fresh();
            let c = kr_list_copy(a, e);
            kr_list_reverse(a);
            cases.push((
                format!("(lambda l: (l.reverse(), l)[1])({p})"),
                list_repr(a),
            ));
            cases.push((format!("{p}.copy()"), list_repr(c)));
            kr_list_clear(a);
            kr_list_append(a, slot(&yv, &t));
            cases.push((format!("[{}]", py(&yv)), list_repr(a)));
            // Many appends to a list that starts empty.
            let a = kr_list_new(0, e);
            for _ in 0..50 {
                kr_list_append(a, slot(&yv, &t));
            }
            cases.push((format!("[{}] * 50", py(&yv)), list_repr(a)));
        }
        no_error();
    }
    // list(s)
    for _ in 0..200 {
        let n = rng.below(8);
        let s: String = (0..n).map(|_| *rng.pick(CHARS)).collect();
        let l = unsafe { kr_list_from_str(kr_str(&s)) };
        cases.push((
            format!("list({})", py(&V::Str(s))),
            repr_of(l as Slot, &Ty::List(Box::new(Ty::Str))),
        ));
    }
    check("list methods", &cases);
}

// }==================================================================

// {==================================================================
// Tuples
// ===================================================================

fn tuples_match_python() {
    let mut rng = Rng(0x5151_7777_3333_9999);
    let mut cases = Vec::new();
    for _ in 0..1000 {
        let n = rng.below(6) as usize;
        let ts: Vec<Ty> = (0..n).map(|_| gen_ty(&mut rng, 1)).collect();
        let t = Ty::Tuple(ts.clone());
        let v = gen_val(&mut rng, &t, false);
        let x = slot(&v, &t) as *mut KrTuple;
        // slices
        let (sa, a) = gen_bound(&mut rng, false);
        let (sb, b) = gen_bound(&mut rng, false);
        let (sc, c) = gen_bound(&mut rng, true);
        let r = unsafe { kr_tuple_slice(x, a, b, c) };
        let ours = if r.is_null() {
            error_text()
        } else {
            // The slice's static type: the selected items' types.
            let (mut start, mut step) = (0, 0);
            let count = unsafe { kr_slice_indices(a, b, c, n as i64, &mut start, &mut step) };
            let sel: Vec<Ty> = (0..count)
                .map(|i| ts[(start + i * step) as usize].clone())
                .collect();
            repr_of(r as Slot, &Ty::Tuple(sel))
        };
        cases.push((format!("{}[{sa}:{sb}:{sc}]", py(&v)), ours));
        // concat
        let m = rng.below(3) as usize;
        let us: Vec<Ty> = (0..m).map(|_| gen_ty(&mut rng, 1)).collect();
        let u = Ty::Tuple(us.clone());
        let w = gen_val(&mut rng, &u, false);
        let y = slot(&w, &u) as *mut KrTuple;
        let r = unsafe { kr_tuple_concat(x, y) };
        let both = Ty::Tuple(ts.iter().chain(&us).cloned().collect());
        cases.push((
            format!("{} + {}", py(&v), py(&w)),
            repr_of(r as Slot, &both),
        ));
        // repeat
        let (sk, k) = if rng.chance(85) {
            let k = rng.range(-1, 3);
            (k.to_string(), small(k))
        } else {
            let b = *rng.pick(&[
                "4611686018427387904",
                "9223372036854775808",
                "-1267650600228229401496703205376",
            ]);
            (b.to_string(), kr_int(b))
        };
        let r = unsafe { kr_tuple_repeat(x, k) };
        let ours = if r.is_null() {
            error_text()
        } else {
            let len = unsafe { (*r).length } as usize;
            let rt = Ty::Tuple((0..len).map(|i| ts[i % n.max(1)].clone()).collect());
            repr_of(r as Slot, &rt)
        };
        cases.push((format!("{} * ({sk})", py(&v)), ours));
        no_error();
    }
    check("tuples", &cases);
}

// }==================================================================

// {==================================================================
// Edge cases
// ===================================================================

fn edge_cases_match_python() {
    let mut cases = Vec::new();
    let int_list = Ty::List(Box::new(Ty::Int));
    unsafe {
        // repr of an int too long to convert, inside a list.
        let big = kr_int_pow(small(10), small(5000));
        let l = kr_list_new(1, desc(&Ty::Int));
        kr_list_set(l, 0, big);
        cases.push((
            "repr([10**5000])".to_string(),
            repr_of(l as Slot, &int_list),
        ));
        // index() of such an int: its repr fails too.
        let e = kr_list_new(0, desc(&Ty::Int));
        let mut error = false;
        kr_list_index(e, desc(&Ty::Int), big, desc(&Ty::Int), &mut error);
        assert!(error);
        cases.push(("[].index(10**5000)".to_string(), error_text()));
        // Sorting None: an error only when two items meet.
        for n in [0, 1, 2, 3] {
            let v = V::List(vec![V::None; n]);
            let lt = Ty::List(Box::new(Ty::None));
            let l = slot(&v, &lt) as *mut KrList;
            let ours = if kr_list_sort(l, desc(&Ty::None), false) {
                repr_of(l as Slot, &lt)
            } else {
                error_text()
            };
            cases.push((format!("sorted({})", py(&v)), ours));
        }
        // Empty lists of Never compare, print and sort.
        let never = Ty::List(Box::new(Ty::Never));
        let a = kr_list_new(0, desc(&Ty::Never));
        cases.push(("repr([])".to_string(), repr_of(a as Slot, &never)));
        let r = kr_slot_compare(a as Slot, desc(&never), a as Slot, desc(&never), 0);
        cases.push(("[] < []".to_string(), bool_text(r == 1)));
        let b = slot(&V::List(vec![V::Int("1".into())]), &int_list);
        let r = kr_slot_compare(a as Slot, desc(&never), b, desc(&int_list), 1);
        cases.push(("[] <= [1]".to_string(), bool_text(r == 1)));
        // Pop from empty, del out of range, remove missing.
        let mut error = false;
        kr_list_pop(a, -1, &mut error);
        cases.push(("[].pop()".to_string(), error_text()));
        kr_list_del_item(a, 0);
        cases.push(("(lambda l: l.__delitem__(0))([])".to_string(), error_text()));
        // Float lists are atomic and must grow and copy like the others.
        let fl = Ty::List(Box::new(Ty::Float));
        let f = kr_list_new(3, desc(&Ty::Float));
        cases.push(("[0.0] * 3".to_string(), repr_of(f as Slot, &fl)));
        for i in 0..100 {
            kr_list_append(f, (i as f64 * 0.5).to_bits());
        }
        kr_list_insert(f, 1, (-1.0f64).to_bits());
        cases.push((
            "(lambda l: (l.insert(1, -1.0), l)[1])([0.0] * 3 + [i * 0.5 for i in range(100)])"
                .to_string(),
            repr_of(f as Slot, &fl),
        ));
    }
    no_error();
    check("edge cases", &cases);
}

// }==================================================================

// {==================================================================
// Lists of bools: one byte per item
// ===================================================================

const KIND_BOOL: i32 = 2;

/// A list[bool] made as generated code makes one: kr_list_new(0) and appends.
fn bool_list_of(bits: &[bool]) -> *mut KrList {
    unsafe {
        let l = kr_list_new(0, desc(&Ty::Bool));
        for &b in bits {
            kr_list_append(l, b as Slot);
        }
        assert_bytes(l, bits);
        l
    }
}

/// The list has width 1 and its items are exactly the bytes 0/1 of 'bits'.
fn assert_bytes(l: *const KrList, bits: &[bool]) {
    unsafe {
        assert_eq!((*l).width, 1, "a list[bool] must store bytes");
        assert_eq!((*l).length as usize, bits.len());
        assert!((*l).capacity >= (*l).length);
        let bytes = std::slice::from_raw_parts((*l).items as *const u8, bits.len());
        let expected: Vec<u8> = bits.iter().map(|&b| b as u8).collect();
        assert_eq!(bytes, &expected[..], "byte items differ");
    }
}

/// The bytes of a list[bool] (checked to be 0 or 1) as bools.
fn bits_of(l: *const KrList) -> Vec<bool> {
    unsafe {
        assert_eq!((*l).width, 1, "a list[bool] must store bytes");
        let bytes = std::slice::from_raw_parts((*l).items as *const u8, (*l).length as usize);
        bytes
            .iter()
            .map(|&b| {
                assert!(b <= 1, "byte item {b} is not 0 or 1");
                b == 1
            })
            .collect()
    }
}

fn gen_bits(rng: &mut Rng, max_len: u64) -> Vec<bool> {
    let n = rng.below(max_len + 1);
    let bias = *rng.pick(&[10, 50, 90]);
    (0..n).map(|_| rng.chance(bias)).collect()
}

fn bools_py(bits: &[bool]) -> String {
    let parts: Vec<String> = bits.iter().map(|&b| bool_text(b)).collect();
    format!("[{}]", parts.join(", "))
}

/// repr() of a list[bool], checking its bytes on the way.
fn bools_repr(l: *const KrList) -> String {
    bits_of(l);
    repr_of(l as Slot, &Ty::List(Box::new(Ty::Bool)))
}

/// A probe for index/count/in/remove: a bool, or a value of another type that may
/// equal one (1 == True == 1.0).
fn gen_probe(rng: &mut Rng) -> (V, Ty) {
    match rng.below(6) {
        0 | 1 => (V::Bool(rng.chance(50)), Ty::Bool),
        2 => (
            V::Int(
                rng.pick(&["0", "1", "2", "-1", "4611686018427387904"])
                    .to_string(),
            ),
            Ty::Int,
        ),
        3 => (
            V::Float(*rng.pick(&[0.0, -0.0, 1.0, 0.5, f64::NAN])),
            Ty::Float,
        ),
        4 => (V::Str(rng.pick(&["", "True"]).to_string()), Ty::Str),
        _ => (V::None, Ty::None),
    }
}

fn bool_lists_match_python() {
    let mut rng = Rng(0xB001_B001_1234_4321);
    let bt = Ty::Bool;
    let lt = Ty::List(Box::new(Ty::Bool));
    let e = desc(&bt);
    let never = desc(&Ty::Never);
    let mut cases = Vec::new();
    for round in 0..700 {
        let max_len = if round % 25 == 0 { 3000 } else { 12 };
        let bits = gen_bits(&mut rng, max_len);
        let p = bools_py(&bits);
        let fresh = || bool_list_of(&bits);
        unsafe {
            let l = fresh();
            // repr, str
            cases.push((format!("repr({p})"), bools_repr(l)));
            cases.push((
                format!("str({p})"),
                text_of(kr_slot_str(l as Slot, desc(&lt))),
            ));
            // l[a:b:c] and del l[a:b:c]
            let (sa, a) = gen_bound(&mut rng, false);
            let (sb, b) = gen_bound(&mut rng, false);
            let (sc, c) = gen_bound(&mut rng, true);
            let r = kr_list_slice(l, a, b, c, e);
            let ours = if r.is_null() {
                error_text()
            } else {
                bools_repr(r)
            };
            cases.push((format!("{p}[{sa}:{sb}:{sc}]"), ours));
            let d = fresh();
            let ours = if kr_list_del_slice(d, a, b, c) {
                bools_repr(d)
            } else {
                error_text()
            };
            cases.push((
                format!("(lambda l: (l.__delitem__(slice({sa}, {sb}, {sc})), l)[1])({p})"),
                ours,
            ));
            // l * k
            let (sk, k) = if rng.chance(85) {
                let k = rng.range(-1, 5);
                (k.to_string(), small(k))
            } else {
                let b = *rng.pick(&[
                    "4611686018427387904",
                    "9223372036854775807",
                    "9223372036854775808",
                    "-1267650600228229401496703205376",
                ]);
                (b.to_string(), kr_int(b))
            };
            let r = kr_list_repeat(l, k, e);
            let ours = if r.is_null() {
                error_text()
            } else {
                bools_repr(r)
            };
            cases.push((format!("{p} * ({sk})"), ours));
            // concat with a list[bool], and with an empty list of Never (slots) both ways
            let wb = gen_bits(&mut rng, 6);
            let w = bool_list_of(&wb);
            let pw = bools_py(&wb);
            cases.push((format!("{p} + {pw}"), bools_repr(kr_list_concat(l, w, e))));
            let empty = kr_list_new(0, never);
            cases.push((format!("{p} + []"), bools_repr(kr_list_concat(l, empty, e))));
            cases.push((format!("[] + {p}"), bools_repr(kr_list_concat(empty, l, e))));
            // extend (by another, by itself), copy, reverse, clear + append
            let a = fresh();
            kr_list_extend(a, w);
            cases.push((
                format!("(lambda l: (l.extend({pw}), l)[1])({p})"),
                bools_repr(a),
            ));
            let a = fresh();
            kr_list_extend(a, a);
            cases.push((
                format!("(lambda l: (l.extend(l), l)[1])({p})"),
                bools_repr(a),
            ));
            let a = fresh();
            let copy = kr_list_copy(a, e);
            kr_list_reverse(a);
            cases.push((
                format!("(lambda l: (l.reverse(), l)[1])({p})"),
                bools_repr(a),
            ));
            cases.push((format!("{p}.copy()"), bools_repr(copy)));
            kr_list_clear(a);
            kr_list_append(a, 1);
            kr_list_append(a, 0);
            cases.push(("[True, False]".to_string(), bools_repr(a)));
            // sort
            let reverse = rng.chance(50);
            let a = fresh();
            assert!(kr_list_sort(a, e, reverse));
            cases.push((
                format!("sorted({p}, reverse={})", bool_text(reverse)),
                bools_repr(a),
            ));
            // pop(i), pop(), insert(i, x), del l[i]
            let (si, i) = gen_index(&mut rng);
            let a = fresh();
            let mut error = false;
            let index = kr_ssize_value(i, &mut error);
            let ours = if error {
                error_text()
            } else {
                let y = kr_list_pop(a, index, &mut error);
                if error {
                    error_text()
                } else {
                    format!("({}, {})", repr_of(y, &bt), bools_repr(a))
                }
            };
            cases.push((format!("(lambda l: (l.pop({si}), l))({p})"), ours));
            let a = fresh();
            let mut error = false;
            let y = kr_list_pop(a, -1, &mut error);
            let ours = if error {
                error_text()
            } else {
                format!("({}, {})", repr_of(y, &bt), bools_repr(a))
            };
            cases.push((format!("(lambda l: (l.pop(), l))({p})"), ours));
            let (si, i) = gen_index(&mut rng);
            let x = rng.chance(50);
            let a = fresh();
            let mut error = false;
            let index = kr_ssize_value(i, &mut error);
            let ours = if error {
                error_text()
            } else {
                kr_list_insert(a, index, x as Slot);
                bools_repr(a)
            };
            cases.push((
                format!("(lambda l: (l.insert({si}, {}), l)[1])({p})", bool_text(x)),
                ours,
            ));
            let (si, i) = gen_index(&mut rng);
            let a = fresh();
            let mut error = false;
            let index = kr_index_value(i, &mut error);
            let ours = if error {
                error_text()
            } else if kr_list_del_item(a, index) {
                bools_repr(a)
            } else {
                error_text()
            };
            cases.push((
                format!("(lambda l: (l.__delitem__({si}), l)[1])({p})"),
                ours,
            ));
            // index, count, in, remove with probes of several types
            let (xv, tx) = gen_probe(&mut rng);
            let (x, dx, px) = (slot(&xv, &tx), desc(&tx), py(&xv));
            let mut error = false;
            let k = kr_list_index(l, e, x, dx, &mut error);
            let ours = if error { error_text() } else { k.to_string() };
            cases.push((format!("{p}.index({px})"), ours));
            let mut error = false;
            let k = kr_list_count(l, e, x, dx, &mut error);
            assert!(!error, "count of a flat list failed");
            cases.push((format!("{p}.count({px})"), k.to_string()));
            let k = kr_list_contains(l, e, x, dx);
            cases.push((format!("{px} in {p}"), bool_text(k == 1)));
            let a = fresh();
            let ours = if kr_list_remove(a, e, x, dx) {
                bools_repr(a)
            } else {
                error_text()
            };
            cases.push((format!("(lambda l: (l.remove({px}), l)[1])({p})"), ours));
            // ==, ordering against list[bool], list[int], list[float]
            let other_ty = rng.pick(&[Ty::Bool, Ty::Bool, Ty::Int, Ty::Float]).clone();
            let olt = Ty::List(Box::new(other_ty.clone()));
            let ov = if rng.chance(30) {
                // A near copy, so that the lengths and late items decide.
                let mut vb = bits.clone();
                if !vb.is_empty() && rng.chance(50) {
                    let j = rng.below(vb.len() as u64) as usize;
                    vb[j] = !vb[j];
                } else if rng.chance(50) {
                    vb.push(rng.chance(50));
                }
                V::List(
                    vb.iter()
                        .map(|&b| match other_ty {
                            Ty::Int => V::Int((b as i32).to_string()),
                            Ty::Float => V::Float(b as i32 as f64),
                            _ => V::Bool(b),
                        })
                        .collect(),
                )
            } else {
                V::List(
                    (0..rng.below(4))
                        .map(|_| match other_ty {
                            Ty::Int => V::Int(rng.range(-1, 2).to_string()),
                            Ty::Float => V::Float(*rng.pick(&[0.0, 1.0, 0.5])),
                            _ => V::Bool(rng.chance(50)),
                        })
                        .collect(),
                )
            };
            let o = slot(&ov, &olt);
            let op = rng.below(6) as usize;
            let swap = rng.chance(50);
            let r = if swap {
                kr_slot_compare(o, desc(&olt), l as Slot, desc(&lt), op as i32)
            } else {
                kr_slot_compare(l as Slot, desc(&lt), o, desc(&olt), op as i32)
            };
            let ours = if r < 0 {
                error_text()
            } else {
                bool_text(r == 1)
            };
            let case = if swap {
                format!("{} {} {p}", py(&ov), OPS[op])
            } else {
                format!("{p} {} {}", OPS[op], py(&ov))
            };
            cases.push((case, ours));
            // min, max, sum, any, all over the bytes (width 1)
            let (items, n) = ((*l).items as *const c_void, (*l).length);
            for is_max in [false, true] {
                let mut error = false;
                let y = kr_seq_minmax(items, n, 1, e, is_max, &mut error);
                let ours = if error { error_text() } else { repr_of(y, &bt) };
                let f = if is_max { "max" } else { "min" };
                cases.push((format!("{f}({p})"), ours));
            }
            let (ss, start) = if rng.chance(70) {
                let s = rng.range(-3, 3);
                (s.to_string(), small(s))
            } else {
                let s = *rng.pick(&["4611686018427387903", "-4611686018427387905"]);
                (s.to_string(), kr_int(s))
            };
            let total = kr_sum_int_slots(items, n, 1, KIND_BOOL, start);
            cases.push((format!("sum({p}, {ss})"), repr_of(total, &Ty::Int)));
            let fstart = *rng.pick(&[0.0, 0.25, -1.5, 1e16, 9007199254740992.0]);
            let mut error = false;
            let ftotal = kr_sum_float_slots(items, n, 1, KIND_BOOL, fstart, false, &mut error);
            assert!(!error);
            cases.push((
                format!("sum({p}, {})", py(&V::Float(fstart))),
                repr_of(ftotal.to_bits(), &Ty::Float),
            ));
            cases.push((format!("any({p})"), bool_text(kr_seq_any(items, n, 1, e))));
            cases.push((format!("all({p})"), bool_text(kr_seq_all(items, n, 1, e))));
            // list() of a tuple of bools (8-byte slots in, bytes out)
            let slots: Vec<Slot> = bits.iter().map(|&b| b as Slot).collect();
            let r = kr_list_from_slots(slots.as_ptr(), slots.len() as i64, e);
            assert_bytes(r, &bits);
            let tuple = V::Tuple(bits.iter().map(|&b| V::Bool(b)).collect());
            cases.push((format!("list({})", py(&tuple)), bools_repr(r)));
            // [False] * n from kr_list_new: zeroed bytes
            let z = kr_list_new(bits.len() as i64, e);
            assert_bytes(z, &vec![false; bits.len()]);
            for (j, &b) in bits.iter().enumerate() {
                kr_list_set(z, j as i64, b as Slot);
            }
            assert_bytes(z, &bits);
            assert_eq!(list_slots(z), slots);
        }
        no_error();
    }
    // The same builtins over slots (width 8) still work: list[int] and list[float].
    for _ in 0..200 {
        let t = rng.pick(&[Ty::Int, Ty::Float]).clone();
        let slt = Ty::List(Box::new(t.clone()));
        let v = V::List(
            (0..rng.below(6))
                .map(|_| match t {
                    Ty::Float => V::Float(*rng.pick(&[0.0, -0.0, 1.5, -2.0, 1e16])),
                    _ => gen_val(&mut rng, &t, true),
                })
                .collect(),
        );
        let pv = py(&v);
        let l = slot(&v, &slt) as *mut KrList;
        unsafe {
            assert_eq!((*l).width, 8);
            let (items, n, e) = ((*l).items as *const c_void, (*l).length, desc(&t));
            for is_max in [false, true] {
                let mut error = false;
                let y = kr_seq_minmax(items, n, 8, e, is_max, &mut error);
                let ours = if error { error_text() } else { repr_of(y, &t) };
                let f = if is_max { "max" } else { "min" };
                cases.push((format!("{f}({pv})"), ours));
            }
            cases.push((format!("any({pv})"), bool_text(kr_seq_any(items, n, 8, e))));
            cases.push((format!("all({pv})"), bool_text(kr_seq_all(items, n, 8, e))));
            if t == Ty::Int {
                let total = kr_sum_int_slots(items, n, 8, 3, small(0));
                cases.push((format!("sum({pv})"), repr_of(total, &Ty::Int)));
            } else {
                let mut error = false;
                let total = kr_sum_float_slots(items, n, 8, 4, 0.0, false, &mut error);
                assert!(!error);
                cases.push((
                    format!("sum({pv}, 0.0)"),
                    repr_of(total.to_bits(), &Ty::Float),
                ));
            }
        }
        no_error();
    }
    // Nested: list[list[bool]] and tuples holding list[bool] print and compare.
    for _ in 0..300 {
        let t = rng
            .pick(&[
                Ty::List(Box::new(Ty::List(Box::new(Ty::Bool)))),
                Ty::Tuple(vec![Ty::List(Box::new(Ty::Bool)), Ty::Int]),
                Ty::List(Box::new(Ty::Tuple(vec![
                    Ty::Bool,
                    Ty::List(Box::new(Ty::Bool)),
                ]))),
            ])
            .clone();
        let a = gen_val(&mut rng, &t, true);
        let b = gen_val(&mut rng, &t, true);
        let (xa, xb) = (slot(&a, &t), slot(&b, &t));
        cases.push((format!("repr({})", py(&a)), repr_of(xa, &t)));
        let op = rng.below(6) as usize;
        let r = unsafe { kr_slot_compare(xa, desc(&t), xb, desc(&t), op as i32) };
        let ours = if r < 0 {
            error_text()
        } else {
            bool_text(r == 1)
        };
        cases.push((format!("{} {} {}", py(&a), OPS[op], py(&b)), ours));
        no_error();
    }
    check("bool lists", &cases);
}

/// The sieve of Eratosthenes over 2M flags, as a compiled program would run it:
/// [True] * n, then stores through kr_list_set; the count of primes and the repr of
/// a window must match python3's.
fn bool_sieve_matches_python() {
    const N: i64 = 2_000_000;
    let e = desc(&Ty::Bool);
    let started = std::time::Instant::now();
    let flags = unsafe {
        let one = bool_list_of(&[true]);
        let flags = kr_list_repeat(one, small(N), e);
        assert_eq!((*flags).width, 1);
        kr_list_set(flags, 0, 0);
        kr_list_set(flags, 1, 0);
        let mut i = 2;
        while i * i < N {
            if kr_list_get(flags, i) != 0 {
                let mut j = i * i;
                while j < N {
                    kr_list_set(flags, j, 0);
                    j += i;
                }
            }
            i += 1;
        }
        flags
    };
    let (count, window) = unsafe {
        let total = kr_sum_int_slots((*flags).items, N, 1, KIND_BOOL, small(0));
        let w = kr_list_slice(flags, small(999_900), small(1_000_000), ABSENT, e);
        (repr_of(total, &Ty::Int), bools_repr(w))
    };
    eprintln!("sieve of {N} flags: {:?}", started.elapsed());
    let sieve = "(lambda n: (lambda s: [s.__setitem__(slice(i*i, n, i), [False] * len(range(i*i, n, i))) for i in range(2, int(n**0.5) + 1) if s[i]] and s)([False, False] + [True] * (n - 2)))(2000000)";
    let cases = vec![
        (format!("sum({sieve})"), count),
        (format!("{sieve}[999900:1000000]"), window),
    ];
    no_error();
    check("bool sieve", &cases);
}

// }==================================================================

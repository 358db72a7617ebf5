//! Differential tests of dicts (kr_dict.c) against python3. Dicts of several static
//! types (dict[int, int], dict[str, int], dict[dyn, dyn], dict[float, str],
//! dict[tuple[int, str], float], dict[bool, int], dict[int | None, str]) go through
//! random sequences of d[k] = v, d[k], d.get, del, in, pop (with and without a
//! default), setdefault, popitem, keys/values/items, copy, update, clear and len, with
//! keys of every numeric kind (1, 1.0 and True collide; big ints equal to floats;
//! -1 and -2 share a hash), strs with non-ASCII text, tuples, None, nans, and
//! unhashable lists and dicts; each sequence is one line that python3 replays on a real
//! dict. Also: insertion order after deletions, growth to 10^5 keys (with collections
//! on the way), KeyError and TypeError messages, repr of nested and self-containing
//! dicts, ==/!=/< between dicts of different types, hash() of numbers and tuples
//! (krait uses CPython's algorithms, so the values themselves must agree), and dicts
//! held in dyn values (d[k], in, len, |, %-formatting with a mapping).

// The runtime's static library comes with the crate.
mod common;

use common::{error_text, no_error};
use runtime_c::ffi::*;
use std::ffi::c_void;

#[repr(C)]
struct KrList {
    type_: *const c_void,
    length: i64,
    capacity: i64,
    items: *mut c_void,
    width: i64,
    small_only: i64,
}

#[repr(C)]
struct KrTuple {
    type_: *const c_void,
    length: i64,
}

extern "C" {
    fn GC_gcollect();
    fn kr_list_new(length: i64, elem: *const KrTdesc) -> *mut KrList;
    fn kr_list_set(l: *mut KrList, i: i64, x: KrSlot);
    fn kr_list_get(l: *const KrList, i: i64) -> KrSlot;
    fn kr_tuple_new(length: i64) -> *mut KrTuple;
    fn kr_dyn_box(x: KrSlot, t: *const KrTdesc) -> KrValue;
    fn kr_dyn_repr(a: KrValue) -> *mut KrStr;
    fn kr_dyn_str(a: KrValue) -> *mut KrStr;
    fn kr_dyn_getitem(a: KrValue, index: KrValue) -> KrValue;
    fn kr_dyn_setitem(a: KrValue, index: KrValue, x: KrValue) -> bool;
    fn kr_dyn_delitem(a: KrValue, index: KrValue) -> bool;
    fn kr_dyn_contains(container: KrValue, x: KrValue) -> i32;
    fn kr_dyn_len(a: KrValue) -> i64;
    fn kr_dyn_truth(a: KrValue) -> i32;
    fn kr_dyn_binary(op: i32, a: KrValue, b: KrValue) -> KrValue;
    fn kr_dyn_inplace(op: i32, a: KrValue, b: KrValue) -> KrValue;
    fn kr_str_percent(template: *const KrStr, values: KrValue) -> KrValue;
}

/// kr_binop's KR_BITOR.
const BITOR: i32 = 10;
/// kr_cmp_op's values.
const OPS: &[&str] = &["<", "<=", "==", "!=", ">", ">="];

fn main() {
    unsafe { kr_runtime_init() };
    let tests: [(&str, fn()); 9] = [
        ("random_ops_match_python", random_ops_match_python),
        (
            "order_and_growth_match_python",
            order_and_growth_match_python,
        ),
        ("errors_match_python", errors_match_python),
        ("repr_matches_python", repr_matches_python),
        ("equality_matches_python", equality_matches_python),
        ("hashes_match_python", hashes_match_python),
        ("methods_match_python", methods_match_python),
        ("dyn_dicts_match_python", dyn_dicts_match_python),
        ("fixed_cases_match_python", fixed_cases_match_python),
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

/// Runs each case, one line of Python statements that leaves its answer in `r`, with
/// helpers that apply one dict operation and return its result as text (so that an
/// exception does not stop the sequence): a str answer as is, anything else as repr(),
/// an exception as "ERR Name: message".
const EXEC: &str = r#"
import sys
def _e(e):
    return 'ERR %s: %s' % (type(e).__name__, e)
def _try(f):
    try:
        return f()
    except Exception as e:
        return _e(e)
def st(d, k, v):
    def f():
        d[k] = v
        return 'ok'
    return _try(f)
def gt(d, k): return _try(lambda: repr(d[k]))
def gd(d, k, v): return _try(lambda: repr(d.get(k, v)))
def dl(d, k):
    def f():
        del d[k]
        return 'ok'
    return _try(f)
def has(d, k): return _try(lambda: repr(k in d))
def pp(d, k): return _try(lambda: repr(d.pop(k)))
def ppd(d, k, v): return _try(lambda: repr(d.pop(k, v)))
def sd(d, k, v): return _try(lambda: repr(d.setdefault(k, v)))
def pi(d): return _try(lambda: repr(d.popitem()))
def ks(d): return repr(list(d.keys()))
def vs(d): return repr(list(d.values()))
def its(d): return repr(list(d.items()))
def cp(d):
    # A copy shares its key and value objects, which CPython compares by identity
    # first: a nan is equal to itself there, never in krait (floats have no identity).
    c = d.copy()
    return '%r %r' % (c, None if 'nan' in repr(d) else c == d)
def up(d, o):
    d.update(o)
    return 'ok'
def cl(d):
    d.clear()
    return 'ok'
def ln(d): return repr(len(d))
def rp(d): return repr(d)
HELPERS = dict(globals())
for line in sys.stdin:
    env = dict(HELPERS)
    try:
        exec(line, env)
        r = env['r']
        out = r if isinstance(r, str) else repr(r)
    except Exception as e:
        out = _e(e)
    print(out.replace('\\', '\\\\').replace('\n', '\\n').replace('\r', '\\r'))
"#;

fn check(what: &str, cases: &[(String, String)]) {
    common::check(what, EXEC, &[], cases, 10);
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
    None,
    Bool,
    Int,
    Float,
    Str,
    List(Box<Ty>),
    Tuple(Vec<Ty>),
    Dict(Box<Ty>, Box<Ty>),
    Optional(Box<Ty>),
    Dyn,
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
    Dict(Vec<(V, V)>), // in insertion order; equal keys collapse as in Python
}

fn dict_ty(k: Ty, v: Ty) -> Ty {
    Ty::Dict(Box::new(k), Box::new(v))
}

/// The runtime's descriptor of a type (leaked: descriptors are static in programs).
fn desc(t: &Ty) -> *const KrTdesc {
    let (kind, items): (i32, Vec<*const KrTdesc>) = match t {
        Ty::None => (tkind::NONE, vec![]),
        Ty::Bool => (tkind::BOOL, vec![]),
        Ty::Int => (tkind::INT, vec![]),
        Ty::Float => (tkind::FLOAT, vec![]),
        Ty::Str => (tkind::STR, vec![]),
        Ty::List(e) => (tkind::LIST, vec![desc(e)]),
        Ty::Tuple(ts) => (tkind::TUPLE, ts.iter().map(desc).collect()),
        Ty::Dict(k, v) => (tkind::DICT, vec![desc(k), desc(v)]),
        Ty::Optional(e) => (tkind::OPTIONAL, vec![desc(e)]),
        Ty::Dyn => (tkind::DYN, vec![]),
    };
    let count = items.len() as i32;
    let items = Box::leak(items.into_boxed_slice()).as_ptr();
    Box::leak(Box::new(KrTdesc { kind, count, items }))
}

/// The type a value has on its own (inside a dyn box).
fn natural(v: &V) -> Ty {
    match v {
        V::None => Ty::None,
        V::Bool(_) => Ty::Bool,
        V::Int(_) => Ty::Int,
        V::Float(_) => Ty::Float,
        V::Str(_) => Ty::Str,
        V::List(_) => Ty::List(Box::new(Ty::Dyn)),
        V::Tuple(items) => Ty::Tuple(items.iter().map(natural).collect()),
        V::Dict(_) => dict_ty(Ty::Dyn, Ty::Dyn),
    }
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

fn small_value(v: KrValue) -> i64 {
    (v as i64) >> 1
}

/// Builds v (of type t) through the C API.
fn slot(v: &V, t: &Ty) -> KrSlot {
    match (v, t) {
        (_, Ty::Dyn) => {
            let n = natural(v);
            unsafe { kr_dyn_box(slot(v, &n), desc(&n)) }
        }
        (V::None, Ty::Optional(_)) => KR_NONE_WORD,
        (_, Ty::Optional(e)) => slot(v, e),
        (V::None, _) => 0,
        (V::Bool(b), _) => *b as KrSlot,
        (V::Int(s), _) => kr_int(s),
        (V::Float(d), _) => d.to_bits(),
        (V::Str(s), _) => kr_str(s) as KrSlot,
        (V::List(items), Ty::List(e)) => unsafe {
            let l = kr_list_new(items.len() as i64, desc(e));
            for (i, item) in items.iter().enumerate() {
                kr_list_set(l, i as i64, slot(item, e));
            }
            l as KrSlot
        },
        (V::Tuple(items), Ty::Tuple(ts)) => unsafe {
            let tup = kr_tuple_new(items.len() as i64);
            for (i, (item, it)) in items.iter().zip(ts).enumerate() {
                *tuple_items(tup).add(i) = slot(item, it);
            }
            tup as KrSlot
        },
        (V::Dict(entries), Ty::Dict(k, e)) => unsafe {
            let d = kr_dict_new(entries.len() as i64);
            let (dd, tk) = (desc(t), desc(k));
            for (key, value) in entries {
                let ok = kr_dict_setitem(d, dd, slot(key, k), tk, slot(value, e));
                assert!(ok, "building {v:?}: {}", error_text());
            }
            d as KrSlot
        },
        _ => panic!("value {v:?} does not have type {t:?}"),
    }
}

fn tuple_items(t: *mut KrTuple) -> *mut KrSlot {
    unsafe { t.add(1).cast() }
}

/// The text of a runtime string (or the pending error when it is NULL).
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

fn repr_of(x: KrSlot, t: &Ty) -> String {
    text_of(unsafe { kr_slot_repr(x, desc(t)) })
}

fn repr_d(x: KrSlot, t: *const KrTdesc) -> String {
    text_of(unsafe { kr_slot_repr(x, t) })
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
        V::Dict(entries) => {
            let parts: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}: {}", py(k), py(v)))
                .collect();
            format!("{{{}}}", parts.join(", "))
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
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

// }==================================================================

// {==================================================================
// Key and value pools: small, so that equal keys are common
// ===================================================================

const INTS: &[&str] = &[
    "0",
    "1",
    "-1",
    "-2",
    "2",
    "3",
    "7",
    "12",
    "4611686018427387903",
    "4611686018427387904",
    "2305843009213693951",
    "1208925819614629174706176",
    "-1208925819614629174706176",
];

const FLOATS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    2.0,
    3.0,
    0.5,
    2.5,
    7.0,
    -2.0,
    1208925819614629174706176.0, // 2**80
    2305843009213693952.0,       // 2**61
    4611686018427387904.0,       // 2**62
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
];

const STRS: &[&str] = &["", "a", "b", "ab", "é", "😀", "1", "k'y", "ß", "\u{10ffff}"];

fn gen_int(rng: &mut Rng) -> V {
    V::Int(rng.pick(INTS).to_string())
}

fn gen_float(rng: &mut Rng) -> V {
    V::Float(*rng.pick(FLOATS))
}

fn gen_str(rng: &mut Rng) -> V {
    V::Str(rng.pick(STRS).to_string())
}

/// A value of type t from the pools (dicts and lists small).
fn gen_val(rng: &mut Rng, t: &Ty) -> V {
    match t {
        Ty::None => V::None,
        Ty::Bool => V::Bool(rng.chance(50)),
        Ty::Int => gen_int(rng),
        Ty::Float => gen_float(rng),
        Ty::Str => gen_str(rng),
        Ty::List(e) => {
            let n = rng.below(3);
            V::List((0..n).map(|_| gen_val(rng, e)).collect())
        }
        Ty::Tuple(ts) => V::Tuple(ts.iter().map(|t| gen_val(rng, t)).collect()),
        Ty::Dict(k, v) => {
            let n = rng.below(4);
            V::Dict((0..n).map(|_| (gen_val(rng, k), gen_val(rng, v))).collect())
        }
        Ty::Optional(e) => {
            if rng.chance(25) {
                V::None
            } else {
                gen_val(rng, e)
            }
        }
        Ty::Dyn => {
            let t = gen_hashable_ty(rng);
            gen_val(rng, &t)
        }
    }
}

/// A hashable type for keys of a dict[dyn, ...] or probes.
fn gen_hashable_ty(rng: &mut Rng) -> Ty {
    match rng.below(8) {
        0 | 1 => Ty::Int,
        2 | 3 => Ty::Float,
        4 => Ty::Bool,
        5 => Ty::Str,
        6 => Ty::None,
        _ => Ty::Tuple(vec![Ty::Int, Ty::Str]),
    }
}

/// A key to look up in a dict whose keys have type kt: mostly of kt, else of any
/// type (other numbers, other tuples, unhashable lists and dicts), as a value and its
/// static type.
fn gen_probe(rng: &mut Rng, kt: &Ty) -> (V, Ty) {
    if rng.chance(55) {
        return (gen_val(rng, kt), kt.clone());
    }
    let t = match rng.below(12) {
        0 => Ty::Int,
        1 => Ty::Float,
        2 => Ty::Bool,
        3 => Ty::Str,
        4 => Ty::None,
        5 => Ty::Tuple(vec![Ty::Int, Ty::Str]),
        6 => Ty::Tuple(vec![Ty::Float, Ty::Str]),
        7 => Ty::Optional(Box::new(Ty::Int)),
        8 => Ty::Dyn,
        9 => Ty::List(Box::new(Ty::Int)),
        10 => dict_ty(Ty::Int, Ty::Int),
        _ => Ty::Tuple(vec![Ty::Int, Ty::List(Box::new(Ty::Int))]),
    };
    (gen_val(rng, &t), t)
}

// }==================================================================

// {==================================================================
// Random operation sequences
// ===================================================================

/// A dict under test: its runtime object and static type.
struct Dict {
    d: *mut KrDict,
    ty: Ty,
    dd: *const KrTdesc,
    kt: Ty,
    vt: Ty,
}

impl Dict {
    fn new(ty: &Ty, init: &V) -> Dict {
        let (kt, vt) = match ty {
            Ty::Dict(k, v) => ((**k).clone(), (**v).clone()),
            _ => panic!("not a dict type"),
        };
        Dict {
            d: slot(init, ty) as *mut KrDict,
            ty: ty.clone(),
            dd: desc(ty),
            kt,
            vt,
        }
    }

    fn repr(&self) -> String {
        repr_d(self.d as KrSlot, self.dd)
    }

    fn value_repr(&self, x: KrSlot) -> String {
        repr_of(x, &self.vt)
    }
}

/// Some value for a dict's values, distinct from the earlier ones (counter n).
fn fresh_value(rng: &mut Rng, vt: &Ty, n: i64) -> V {
    match vt {
        Ty::Int => V::Int(n.to_string()),
        Ty::Str => V::Str(format!("v{n}")),
        Ty::Float => V::Float(n as f64 + 0.5),
        Ty::Dyn => match rng.below(4) {
            0 => V::Int(n.to_string()),
            1 => V::Str(format!("v{n}")),
            2 => V::List(vec![V::Int(n.to_string()), V::None]),
            _ => V::Float(n as f64 / 4.0),
        },
        other => gen_val(rng, other),
    }
}

/// Applies one random operation to d: its Python call (on the variable d) and krait's
/// answer.
fn random_op(rng: &mut Rng, d: &Dict, n: i64) -> (String, String) {
    let mut err = false;
    let op = rng.below(100);
    unsafe {
        if op < 30 {
            let k = gen_val(rng, &d.kt);
            let v = fresh_value(rng, &d.vt, n);
            let ok = kr_dict_setitem(d.d, d.dd, slot(&k, &d.kt), desc(&d.kt), slot(&v, &d.vt));
            let ours = if ok { "ok".into() } else { error_text() };
            return (format!("st(d, {}, {})", py(&k), py(&v)), ours);
        }
        if op < 80 {
            let (k, tk) = gen_probe(rng, &d.kt);
            let x = slot(&k, &tk);
            let t = desc(&tk);
            let pk = py(&k);
            if op < 45 {
                let v = kr_dict_getitem(d.d, d.dd, x, t, &mut err);
                let ours = if err { error_text() } else { d.value_repr(v) };
                return (format!("gt(d, {pk})"), ours);
            }
            if op < 50 {
                let dv = fresh_value(rng, &d.vt, n);
                let mut v: KrSlot = 0;
                // d.get() as kr_dict_lookup or as the tri-state kr_dict_get_slot.
                let found = if rng.chance(50) {
                    kr_dict_lookup(d.d, d.dd, x, t, &mut v, &mut err)
                } else {
                    let r = kr_dict_get_slot(d.d, d.dd, x, t, &mut v);
                    err = r < 0;
                    r == 1
                };
                let ours = if err {
                    error_text()
                } else if found {
                    d.value_repr(v)
                } else {
                    repr_of(slot(&dv, &d.vt), &d.vt)
                };
                return (format!("gd(d, {pk}, {})", py(&dv)), ours);
            }
            if op < 60 {
                let ok = kr_dict_delitem(d.d, d.dd, x, t);
                let ours = if ok { "ok".into() } else { error_text() };
                return (format!("dl(d, {pk})"), ours);
            }
            if op < 68 {
                let r = kr_dict_contains(d.d, d.dd, x, t);
                let ours = if r < 0 {
                    error_text()
                } else {
                    bool_text(r == 1)
                };
                return (format!("has(d, {pk})"), ours);
            }
            if op < 72 {
                let v = if rng.chance(50) {
                    kr_dict_pop(d.d, d.dd, x, t, false, 0, &mut err)
                } else {
                    kr_dict_pop_required(d.d, d.dd, x, t, &mut err)
                };
                let ours = if err { error_text() } else { d.value_repr(v) };
                return (format!("pp(d, {pk})"), ours);
            }
            if op < 76 {
                let dv = fresh_value(rng, &d.vt, n);
                let default = slot(&dv, &d.vt);
                let v = if rng.chance(50) {
                    kr_dict_pop(d.d, d.dd, x, t, true, default, &mut err)
                } else {
                    // The tri-state form: the caller supplies the default.
                    let mut v = default;
                    let r = kr_dict_pop_slot(d.d, d.dd, x, t, &mut v);
                    err = r < 0;
                    v
                };
                let ours = if err { error_text() } else { d.value_repr(v) };
                return (format!("ppd(d, {pk}, {})", py(&dv)), ours);
            }
            // setdefault stores the key: it must have the dict's key type.
            let k = gen_val(rng, &d.kt);
            let dv = fresh_value(rng, &d.vt, n);
            let v = kr_dict_setdefault(
                d.d,
                d.dd,
                slot(&k, &d.kt),
                desc(&d.kt),
                slot(&dv, &d.vt),
                &mut err,
            );
            let ours = if err { error_text() } else { d.value_repr(v) };
            return (format!("sd(d, {}, {})", py(&k), py(&dv)), ours);
        }
        if op < 84 {
            let pair = Ty::Tuple(vec![d.kt.clone(), d.vt.clone()]);
            let t = kr_dict_popitem(d.d);
            let ours = if t.is_null() {
                error_text()
            } else {
                repr_of(t as KrSlot, &pair)
            };
            return ("pi(d)".into(), ours);
        }
        if op < 86 {
            let l = kr_dict_keys(d.d, d.dd);
            return (
                "ks(d)".into(),
                repr_of(l as KrSlot, &Ty::List(Box::new(d.kt.clone()))),
            );
        }
        if op < 88 {
            let l = kr_dict_values(d.d, d.dd);
            return (
                "vs(d)".into(),
                repr_of(l as KrSlot, &Ty::List(Box::new(d.vt.clone()))),
            );
        }
        if op < 90 {
            let pair = Ty::Tuple(vec![d.kt.clone(), d.vt.clone()]);
            let l = kr_dict_items(d.d, d.dd, desc(&pair));
            return (
                "its(d)".into(),
                repr_of(l as KrSlot, &Ty::List(Box::new(pair))),
            );
        }
        if op < 92 {
            let c = kr_dict_copy(d.d);
            let eq = kr_slot_eq(c as KrSlot, d.dd, d.d as KrSlot, d.dd);
            let text = repr_d(c as KrSlot, d.dd);
            let eq = if text.contains("nan") {
                "None".into()
            } else {
                bool_text(eq == 1)
            };
            let ours = format!("{text} {eq}");
            return ("cp(d)".into(), ours);
        }
        if op < 95 {
            // d.update(o): o of the same type, or for a dict[dyn, dyn] of another.
            let ot = if d.kt == Ty::Dyn && rng.chance(60) {
                rng.pick(&[
                    dict_ty(Ty::Int, Ty::Str),
                    dict_ty(Ty::Float, Ty::Int),
                    dict_ty(Ty::Str, Ty::Float),
                ])
                .clone()
            } else {
                d.ty.clone()
            };
            let o = gen_val(rng, &ot);
            let ok = kr_dict_update(d.d, d.dd, slot(&o, &ot) as *const KrDict, desc(&ot));
            let ours = if ok { "ok".into() } else { error_text() };
            return (format!("up(d, {})", py(&o)), ours);
        }
        if op < 96 {
            kr_dict_clear(d.d);
            return ("cl(d)".into(), "ok".into());
        }
        if op < 98 {
            return ("ln(d)".into(), (*d.d).length.to_string());
        }
        ("rp(d)".into(), d.repr())
    }
}

fn random_ops_match_python() {
    let mut rng = Rng(0x0DDB_A11C_AFE5_EED5);
    let types = [
        dict_ty(Ty::Int, Ty::Int),
        dict_ty(Ty::Str, Ty::Int),
        dict_ty(Ty::Dyn, Ty::Dyn),
        dict_ty(Ty::Dyn, Ty::Dyn),
        dict_ty(Ty::Float, Ty::Str),
        dict_ty(Ty::Tuple(vec![Ty::Int, Ty::Str]), Ty::Float),
        dict_ty(Ty::Bool, Ty::Int),
        dict_ty(Ty::Optional(Box::new(Ty::Int)), Ty::Str),
    ];
    let mut cases = Vec::new();
    for round in 0..480 {
        let ty = &types[round % types.len()];
        let init = if rng.chance(30) {
            gen_val(&mut rng, ty)
        } else {
            V::Dict(vec![])
        };
        let d = Dict::new(ty, &init);
        let mut calls = Vec::new();
        let mut answers = Vec::new();
        let ops = 10 + rng.below(40) as i64;
        for n in 0..ops {
            let (call, ours) = random_op(&mut rng, &d, n);
            no_error();
            calls.push(call);
            answers.push(ours);
        }
        calls.push("rp(d)".into());
        answers.push(d.repr());
        calls.push("ln(d)".into());
        answers.push(unsafe { (*d.d).length }.to_string());
        cases.push((
            format!("d = {}; r = ' | '.join([{}])", py(&init), calls.join(", ")),
            answers.join(" | "),
        ));
    }
    check("random dict operations", &cases);
}

// }==================================================================

// {==================================================================
// Order, growth, errors, repr, equality, hashes
// ===================================================================

fn order_and_growth_match_python() {
    let mut cases = Vec::new();
    let ii = dict_ty(Ty::Int, Ty::Int);
    let dd = desc(&ii);
    let ti = desc(&Ty::Int);
    unsafe {
        // Deletions keep the order of what remains; re-inserted keys go last.
        let d = kr_dict_new(0);
        for i in 0..20 {
            kr_dict_setitem(d, dd, small(i), ti, small(i * i));
        }
        for i in (0..20).step_by(2) {
            kr_dict_delitem(d, dd, small(i), ti);
        }
        kr_dict_setitem(d, dd, small(4), ti, small(-4));
        kr_dict_setitem(d, dd, small(0), ti, small(0));
        kr_dict_setitem(d, dd, small(3), ti, small(33));
        for i in 100..130 {
            kr_dict_setitem(d, dd, small(i), ti, small(i));
        }
        for i in 100..125 {
            kr_dict_delitem(d, dd, small(i), ti);
        }
        cases.push((
            "d = {i: i * i for i in range(20)}; [d.__delitem__(i) for i in range(0, 20, 2)]; \
             d[4] = -4; d[0] = 0; d[3] = 33; [d.__setitem__(i, i) for i in range(100, 130)]; \
             [d.__delitem__(i) for i in range(100, 125)]; r = d"
                .to_string(),
            repr_d(d as KrSlot, dd),
        ));

        // 10^5 int keys in a scattered order: several resizes, then half deleted and
        // some put back.
        let d = kr_dict_new(0);
        for i in 0..100_000i64 {
            kr_dict_setitem(d, dd, small((i * 7919) % 100_003), ti, small(i));
        }
        let mut found = 0;
        let mut err = false;
        for i in 0..100_000i64 {
            let mut v = 0;
            if kr_dict_lookup(d, dd, small((i * 7919) % 100_003), ti, &mut v, &mut err)
                && small_value(v) == i
            {
                found += 1;
            }
        }
        for i in (0..100_000i64).step_by(2) {
            assert!(kr_dict_delitem(d, dd, small((i * 7919) % 100_003), ti));
        }
        for i in (0..50_000i64).step_by(3) {
            kr_dict_setitem(d, dd, small(i), ti, small(-i));
        }
        let keys = kr_dict_keys(d, dd) as *const KrList;
        let values = kr_dict_values(d, dd) as *const KrList;
        let n = (*keys).length;
        let key_at = |i: i64| small_value(kr_list_get(keys, i));
        let m61: i128 = (1 << 61) - 1;
        let mut checksum: i128 = 0;
        let mut total: i128 = 0;
        for i in 0..n {
            checksum = (checksum + (i as i128 + 1) * key_at(i) as i128).rem_euclid(m61);
            total += small_value(kr_list_get(values, i)) as i128;
        }
        let head: Vec<String> = (0..20).map(|i| key_at(i).to_string()).collect();
        let tail: Vec<String> = (n - 20..n).map(|i| key_at(i).to_string()).collect();
        cases.push((
            "d = {}; [d.__setitem__((i * 7919) % 100003, i) for i in range(100000)]; \
             f = sum(d.get((i * 7919) % 100003) == i for i in range(100000)); \
             [d.__delitem__((i * 7919) % 100003) for i in range(0, 100000, 2)]; \
             [d.__setitem__(i, -i) for i in range(0, 50000, 3)]; k = list(d); \
             r = (f, len(d), sum((i + 1) * x for i, x in enumerate(k)) % (2**61 - 1), \
             sum(d.values()), k[:20], k[-20:])"
                .to_string(),
            format!(
                "({found}, {}, {checksum}, {total}, [{}], [{}])",
                (*d).length,
                head.join(", "),
                tail.join(", ")
            ),
        ));

        // 10^5 str keys made here, reachable only through the dict, across collections.
        let si = dict_ty(Ty::Str, Ty::Int);
        let sdd = desc(&si);
        let ts = desc(&Ty::Str);
        let d = kr_dict_new(0);
        for i in 0..100_000i64 {
            kr_dict_setitem(d, sdd, kr_str(&format!("k{i}é")) as KrSlot, ts, small(i));
            if i % 20_000 == 0 {
                GC_gcollect();
            }
        }
        GC_gcollect();
        let mut ok = true;
        for i in 0..100_000i64 {
            let v = kr_dict_getitem(d, sdd, kr_str(&format!("k{i}é")) as KrSlot, ts, &mut err);
            ok &= !err && small_value(v) == i;
        }
        cases.push((
            "d = {'k%dé' % i: i for i in range(100000)}; \
             r = (len(d), all(d['k%dé' % i] == i for i in range(100000)))"
                .to_string(),
            format!("({}, {})", (*d).length, bool_text(ok)),
        ));

        // A queue: add at the back, delete at the front; the table stays small.
        let d = kr_dict_new(0);
        for i in 0..200_000i64 {
            kr_dict_setitem(d, dd, small(i), ti, small(i));
            if i >= 10 {
                kr_dict_delitem(d, dd, small(i - 10), ti);
            }
        }
        assert!(
            (*d).capacity < 64,
            "a queue of 10 keys grew to {}",
            (*d).capacity
        );
        cases.push((
            "d = {}; [(d.__setitem__(i, i), i >= 10 and d.__delitem__(i - 10)) \
             for i in range(200000)]; r = d"
                .to_string(),
            repr_d(d as KrSlot, dd),
        ));

        // Popping everything with popitem: last in, first out.
        let d = kr_dict_new(0);
        for i in 0..1000 {
            kr_dict_setitem(d, dd, small(i), ti, small(-i));
        }
        let pair = desc(&Ty::Tuple(vec![Ty::Int, Ty::Int]));
        let mut popped = Vec::new();
        for _ in 0..1000 {
            let t = kr_dict_popitem(d);
            popped.push(repr_d(t as KrSlot, pair));
        }
        let t = kr_dict_popitem(d);
        assert!(t.is_null());
        popped.push(error_text());
        kr_dict_setitem(d, dd, small(5), ti, small(5));
        popped.push(repr_d(d as KrSlot, dd));
        cases.push((
            "d = {i: -i for i in range(1000)}; r = ' | '.join([pi(d) for i in range(1001)] + [st(d, 5, 5) and rp(d)])"
                .to_string(),
            popped.join(" | "),
        ));
    }
    no_error();
    check("order and growth", &cases);
}

fn errors_match_python() {
    let mut cases = Vec::new();
    let mut rng = Rng(0xE770_4411_2233_5577);
    let types = [
        dict_ty(Ty::Str, Ty::Int),
        dict_ty(Ty::Int, Ty::Str),
        dict_ty(Ty::Dyn, Ty::Dyn),
    ];
    // KeyError's message is repr(key): 'x', 1, (1, 2), None, 1.5, nan...; unhashable
    // keys are TypeError, also on an empty dict (but {}.pop([1], 0) is 0).
    for round in 0..600 {
        let ty = &types[round % types.len()];
        let init = gen_val(&mut rng, ty);
        let d = Dict::new(ty, &init);
        let (k, tk) = gen_probe(&mut rng, &d.kt);
        let x = slot(&k, &tk);
        let t = desc(&tk);
        let mut err = false;
        let (call, ours) = unsafe {
            match rng.below(4) {
                0 => {
                    let v = kr_dict_getitem(d.d, d.dd, x, t, &mut err);
                    (
                        "r = repr(d[K])",
                        if err { error_text() } else { d.value_repr(v) },
                    )
                }
                1 => {
                    let ok = kr_dict_delitem(d.d, d.dd, x, t);
                    (
                        "del d[K]; r = repr(d)",
                        if ok { d.repr() } else { error_text() },
                    )
                }
                2 => {
                    let v = kr_dict_pop(d.d, d.dd, x, t, false, 0, &mut err);
                    (
                        "r = repr(d.pop(K))",
                        if err { error_text() } else { d.value_repr(v) },
                    )
                }
                _ => {
                    let dv = slot(&V::None, &Ty::Optional(Box::new(d.vt.clone())));
                    let opt = Ty::Optional(Box::new(d.vt.clone()));
                    let v = kr_dict_pop(d.d, d.dd, x, t, true, dv, &mut err);
                    (
                        "r = repr(d.pop(K, None))",
                        if err { error_text() } else { repr_of(v, &opt) },
                    )
                }
            }
        };
        cases.push((format!("d = {}; K = {}; {call}", py(&init), py(&k)), ours));
    }
    no_error();
    check("KeyError and TypeError", &cases);
}

fn repr_matches_python() {
    let mut rng = Rng(0x005E_ED0F_4E94);
    let mut cases = Vec::new();
    let key_types = [
        Ty::Int,
        Ty::Str,
        Ty::Float,
        Ty::Bool,
        Ty::None,
        Ty::Tuple(vec![Ty::Int, Ty::Str]),
        Ty::Optional(Box::new(Ty::Str)),
        Ty::Dyn,
    ];
    for _ in 0..1500 {
        let kt = rng.pick(&key_types).clone();
        let vt = gen_value_ty(&mut rng, 2);
        let t = dict_ty(kt, vt);
        let v = gen_val(&mut rng, &t);
        let x = slot(&v, &t);
        cases.push((format!("r = repr({})", py(&v)), repr_of(x, &t)));
        let s = text_of(unsafe { kr_slot_str(x, desc(&t)) });
        cases.push((format!("r = str({})", py(&v)), s));
        no_error();
    }
    // A dict inside itself prints as {...}, in a list or as its own value.
    unsafe {
        let sd = dict_ty(Ty::Str, Ty::Dyn);
        let dd = desc(&sd);
        let ts = desc(&Ty::Str);
        let d = kr_dict_new(0);
        let boxed = kr_dyn_box(d as KrSlot, dd);
        kr_dict_setitem(d, dd, kr_str("me") as KrSlot, ts, boxed);
        let l = kr_list_new(1, desc(&Ty::Dyn));
        kr_list_set(l, 0, boxed);
        kr_dict_setitem(
            d,
            dd,
            kr_str("l") as KrSlot,
            ts,
            kr_dyn_box(l as KrSlot, desc(&Ty::List(Box::new(Ty::Dyn)))),
        );
        kr_dict_setitem(
            d,
            dd,
            kr_str("n") as KrSlot,
            ts,
            kr_dyn_box(0, desc(&Ty::None)),
        );
        cases.push((
            "d = {}; d['me'] = d; d['l'] = [d]; d['n'] = None; r = repr(d)".into(),
            repr_d(d as KrSlot, dd),
        ));
        cases.push((
            "d = {}; d['me'] = d; d['l'] = [d]; d['n'] = None; r = repr(d['l'])".into(),
            repr_of(l as KrSlot, &Ty::List(Box::new(Ty::Dyn))),
        ));
    }
    check("repr", &cases);
}

/// A value type for repr tests: scalars, lists, tuples, dicts, optionals, dyn.
fn gen_value_ty(rng: &mut Rng, depth: u32) -> Ty {
    if depth == 0 || rng.chance(50) {
        return rng
            .pick(&[Ty::None, Ty::Bool, Ty::Int, Ty::Float, Ty::Str, Ty::Dyn])
            .clone();
    }
    match rng.below(4) {
        0 => Ty::List(Box::new(gen_value_ty(rng, depth - 1))),
        1 => Ty::Tuple(vec![gen_value_ty(rng, depth - 1), Ty::Int]),
        2 => Ty::Optional(Box::new(Ty::Int)),
        _ => dict_ty(
            rng.pick(&[Ty::Int, Ty::Str, Ty::Float]).clone(),
            gen_value_ty(rng, depth - 1),
        ),
    }
}

fn equality_matches_python() {
    let mut rng = Rng(0x0E0A_1177_C0DE_0001);
    let mut cases = Vec::new();
    let types = [
        dict_ty(Ty::Int, Ty::Str),
        dict_ty(Ty::Float, Ty::Str),
        dict_ty(Ty::Dyn, Ty::Dyn),
        dict_ty(Ty::Bool, Ty::Str),
        dict_ty(Ty::Int, Ty::List(Box::new(Ty::Int))),
        dict_ty(Ty::Str, dict_ty(Ty::Int, Ty::Float)),
    ];
    for _ in 0..2500 {
        let ta = rng.pick(&types).clone();
        let a = gen_small_dict(&mut rng, &ta);
        // b: a reordered, a with a key converted (1 -> 1.0), a with one value changed,
        // or another random dict.
        let (tb, b) = match rng.below(5) {
            0 => {
                let mut e = entries(&a);
                e.reverse();
                (ta.clone(), V::Dict(e))
            }
            1 => (ta.clone(), a.clone()),
            2 => {
                let mut e = entries(&a);
                if let Some(first) = e.first_mut() {
                    first.1 = gen_val(&mut rng, value_ty(&ta));
                }
                (ta.clone(), V::Dict(e))
            }
            3 if key_ty(&ta) == &Ty::Int => {
                let e: Vec<(V, V)> = entries(&a)
                    .into_iter()
                    .map(|(k, v)| match k {
                        V::Int(s) => (V::Float(s.parse::<f64>().unwrap()), v),
                        other => (other, v),
                    })
                    .collect();
                (dict_ty(Ty::Float, value_ty(&ta).clone()), V::Dict(e))
            }
            _ => {
                let tb = rng.pick(&types).clone();
                let b = gen_small_dict(&mut rng, &tb);
                (tb, b)
            }
        };
        let (xa, xb) = (slot(&a, &ta), slot(&b, &tb));
        let op = *rng.pick(&[2usize, 2, 3, 0, 5]);
        let r = unsafe { kr_slot_compare(xa, desc(&ta), xb, desc(&tb), op as i32) };
        let ours = if r < 0 {
            error_text()
        } else {
            bool_text(r == 1)
        };
        cases.push((format!("r = {} {} {}", py(&a), OPS[op], py(&b)), ours));
        no_error();
    }
    check("equality", &cases);
}

fn gen_small_dict(rng: &mut Rng, t: &Ty) -> V {
    let (kt, vt) = (key_ty(t).clone(), value_ty(t).clone());
    let n = rng.below(4);
    let mut e = Vec::new();
    for _ in 0..n {
        // Few distinct keys and values, so that equal dicts are common.
        let k = match &kt {
            Ty::Int => V::Int(
                rng.pick(&["0", "1", "2", "1208925819614629174706176"])
                    .to_string(),
            ),
            Ty::Float => V::Float(*rng.pick(&[0.0, 1.0, 2.0, 0.5, 1208925819614629174706176.0])),
            Ty::Str => V::Str(rng.pick(&["a", "é"]).to_string()),
            other => gen_val(rng, other),
        };
        let v = match &vt {
            Ty::Str => V::Str(rng.pick(&["x", "y"]).to_string()),
            other => gen_val(rng, other),
        };
        e.push((k, v));
    }
    V::Dict(e)
}

fn entries(v: &V) -> Vec<(V, V)> {
    match v {
        V::Dict(e) => e.clone(),
        _ => panic!("not a dict"),
    }
}

fn key_ty(t: &Ty) -> &Ty {
    match t {
        Ty::Dict(k, _) => k,
        _ => panic!("not a dict type"),
    }
}

fn value_ty(t: &Ty) -> &Ty {
    match t {
        Ty::Dict(_, v) => v,
        _ => panic!("not a dict type"),
    }
}

fn hashes_match_python() {
    let mut rng = Rng(0x4A54_1234_9876_0001);
    let mut cases = Vec::new();
    let mut values: Vec<(V, Ty)> = Vec::new();
    for s in INTS {
        values.push((V::Int(s.to_string()), Ty::Int));
        let negated = match s.strip_prefix('-') {
            Some(positive) => positive.to_string(),
            None => format!("-{s}"),
        };
        values.push((V::Int(negated), Ty::Int));
    }
    for e in [60u32, 61, 62, 63, 64, 100, 122, 200, 1000] {
        // 2**e and its neighbours: big ints across the modulus.
        let p = num_pow2(e).to_string();
        values.push((V::Int(p.clone()), Ty::Int));
        values.push((V::Int(format!("-{p}")), Ty::Int));
    }
    for f in FLOATS.iter().filter(|f| !f.is_nan()) {
        values.push((V::Float(*f), Ty::Float));
    }
    for _ in 0..2000 {
        // Random doubles of every magnitude (nans excluded: CPython hashes them by
        // identity).
        let d = f64::from_bits(rng.next());
        if !d.is_nan() {
            values.push((V::Float(d), Ty::Float));
        }
    }
    for i in -50..50 {
        values.push((V::Float(i as f64 / 8.0), Ty::Float));
    }
    values.push((V::Bool(true), Ty::Bool));
    values.push((V::Bool(false), Ty::Bool));
    values.push((V::None, Ty::None));
    for _ in 0..300 {
        let t = Ty::Tuple(vec![
            rng.pick(&[Ty::Int, Ty::Float, Ty::Bool]).clone(),
            rng.pick(&[Ty::Int, Ty::Float, Ty::Tuple(vec![Ty::Int, Ty::Float])])
                .clone(),
        ]);
        let v = gen_val(&mut rng, &t);
        if !py(&v).contains("nan") {
            values.push((v, t));
        }
    }
    values.push((V::Tuple(vec![]), Ty::Tuple(vec![])));
    for (v, t) in &values {
        let mut err = false;
        let h = unsafe { kr_slot_hash(slot(v, t), desc(t), &mut err) };
        assert!(!err);
        if *t == Ty::None {
            // None's hash is its address in CPython: only check it is stable.
            let again = unsafe { kr_slot_hash(slot(v, t), desc(t), &mut err) };
            assert_eq!(h, again);
            continue;
        }
        cases.push((format!("r = hash({})", py(v)), h.to_string()));
        // The same value boxed in a dyn slot hashes the same.
        let boxed = unsafe { kr_slot_hash(slot(v, &Ty::Dyn), desc(&Ty::Dyn), &mut err) };
        assert_eq!(h, boxed, "hash of {v:?} boxed");
        assert_ne!(h, -1, "hash -1 of {v:?}");
    }
    // Equal strings hash equal (their hash is krait's own, not CPython's).
    for s in STRS {
        let mut err = false;
        let a = unsafe { kr_slot_hash(kr_str(s) as KrSlot, desc(&Ty::Str), &mut err) };
        let b = unsafe { kr_slot_hash(kr_str(s) as KrSlot, desc(&Ty::Str), &mut err) };
        assert_eq!(a, b);
        assert_ne!(a, -1);
    }
    // Unhashable types.
    for (v, t) in [
        (V::List(vec![]), Ty::List(Box::new(Ty::Int))),
        (V::Dict(vec![]), dict_ty(Ty::Int, Ty::Int)),
        (
            V::Tuple(vec![V::Int("1".into()), V::List(vec![])]),
            Ty::Tuple(vec![Ty::Int, Ty::List(Box::new(Ty::Int))]),
        ),
    ] {
        let mut err = false;
        unsafe { kr_slot_hash(slot(&v, &t), desc(&t), &mut err) };
        assert!(err);
        cases.push((format!("r = hash({})", py(&v)), error_text()));
    }
    no_error();
    check("hash()", &cases);
}

/// 2**e in decimal.
fn num_pow2(e: u32) -> String {
    // Repeated doubling of a decimal digit string (little-endian digits).
    let mut digits = vec![1u8];
    for _ in 0..e {
        let mut carry = 0;
        for d in digits.iter_mut() {
            let x = *d * 2 + carry;
            *d = x % 10;
            carry = x / 10;
        }
        if carry > 0 {
            digits.push(carry);
        }
    }
    digits.iter().rev().map(|d| (b'0' + d) as char).collect()
}

// }==================================================================

// {==================================================================
// Methods, dyn dicts, fixed cases
// ===================================================================

fn methods_match_python() {
    let mut cases = Vec::new();
    unsafe {
        let si = dict_ty(Ty::Str, Ty::Int);
        let dd = desc(&si);
        let ts = desc(&Ty::Str);
        let mut err = false;
        let d = slot(
            &V::Dict(
                ["a", "b", "c", "d", "e"]
                    .iter()
                    .enumerate()
                    .map(|(i, k)| (V::Str(k.to_string()), V::Int(i.to_string())))
                    .collect(),
            ),
            &si,
        ) as *mut KrDict;
        let mut out = Vec::new();
        out.push(repr_of(
            kr_dict_pop(d, dd, kr_str("c") as KrSlot, ts, false, 0, &mut err),
            &Ty::Int,
        ));
        out.push(repr_of(
            kr_dict_pop(d, dd, kr_str("c") as KrSlot, ts, true, small(-1), &mut err),
            &Ty::Int,
        ));
        kr_dict_pop(d, dd, kr_str("c") as KrSlot, ts, false, 0, &mut err);
        out.push(error_text());
        err = false;
        out.push(repr_of(
            kr_dict_setdefault(d, dd, kr_str("a") as KrSlot, ts, small(100), &mut err),
            &Ty::Int,
        ));
        out.push(repr_of(
            kr_dict_setdefault(d, dd, kr_str("z") as KrSlot, ts, small(26), &mut err),
            &Ty::Int,
        ));
        out.push(repr_d(d as KrSlot, dd));
        let pair = desc(&Ty::Tuple(vec![Ty::Str, Ty::Int]));
        out.push(repr_d(kr_dict_popitem(d) as KrSlot, pair));
        out.push(repr_d(kr_dict_popitem(d) as KrSlot, pair));
        kr_dict_setitem(d, dd, kr_str("q") as KrSlot, ts, small(17));
        out.push(repr_d(d as KrSlot, dd));
        let c = kr_dict_copy(d);
        kr_dict_setitem(c, dd, kr_str("only in copy") as KrSlot, ts, small(0));
        out.push(repr_d(c as KrSlot, dd));
        out.push(repr_d(d as KrSlot, dd));
        let u = slot(
            &V::Dict(vec![
                (V::Str("b".into()), V::Int("-2".into())),
                (V::Str("new".into()), V::Int("42".into())),
            ]),
            &si,
        );
        assert!(kr_dict_update(d, dd, u as *const KrDict, dd));
        out.push(repr_d(d as KrSlot, dd));
        assert!(kr_dict_update(d, dd, d, dd));
        out.push(repr_d(d as KrSlot, dd));
        // Into a dict[dyn, dyn]: keys and values are boxed.
        let dyn2 = dict_ty(Ty::Dyn, Ty::Dyn);
        let e = slot(&V::Dict(vec![(V::Int("1".into()), V::Float(1.5))]), &dyn2) as *mut KrDict;
        assert!(kr_dict_update(e, desc(&dyn2), d, dd));
        out.push(repr_d(e as KrSlot, desc(&dyn2)));
        // Into a dict[int, int | None] from a dict[int, None]: None becomes the optional's.
        let io = dict_ty(Ty::Int, Ty::Optional(Box::new(Ty::Int)));
        let inone = dict_ty(Ty::Int, Ty::None);
        let f = slot(
            &V::Dict(vec![(V::Int("1".into()), V::Int("5".into()))]),
            &io,
        ) as *mut KrDict;
        let g = slot(
            &V::Dict(vec![
                (V::Int("1".into()), V::None),
                (V::Int("2".into()), V::None),
            ]),
            &inone,
        );
        assert!(kr_dict_update(
            f,
            desc(&io),
            g as *const KrDict,
            desc(&inone)
        ));
        out.push(repr_d(f as KrSlot, desc(&io)));
        kr_dict_clear(d);
        out.push(repr_d(d as KrSlot, dd));
        out.push((*d).length.to_string());
        kr_dict_getitem(d, dd, kr_str("a") as KrSlot, ts, &mut err);
        out.push(error_text());
        kr_dict_setitem(d, dd, kr_str("again") as KrSlot, ts, small(1));
        out.push(repr_d(d as KrSlot, dd));
        assert!(kr_dict_popitem(kr_dict_new(0)).is_null());
        out.push(error_text());
        // A dict[str, bool]'s values are a list of bools (one byte each).
        let sb = dict_ty(Ty::Str, Ty::Bool);
        let b = slot(
            &V::Dict(vec![
                (V::Str("t".into()), V::Bool(true)),
                (V::Str("f".into()), V::Bool(false)),
                (V::Str("t2".into()), V::Bool(true)),
            ]),
            &sb,
        );
        let l = kr_dict_values(b as *const KrDict, desc(&sb)) as *const KrList;
        assert_eq!((*l).width, 1);
        out.push(repr_of(l as KrSlot, &Ty::List(Box::new(Ty::Bool))));
        // Keys of small ints: small_only holds; a big int clears it.
        let ii = dict_ty(Ty::Int, Ty::Int);
        let k = kr_dict_keys(
            slot(
                &V::Dict(vec![(V::Int("1".into()), V::Int("1".into()))]),
                &ii,
            ) as *const KrDict,
            desc(&ii),
        ) as *const KrList;
        assert_eq!((*k).small_only, 1);
        let k = kr_dict_keys(
            slot(
                &V::Dict(vec![(
                    V::Int("4611686018427387904".into()),
                    V::Int("1".into()),
                )]),
                &ii,
            ) as *const KrDict,
            desc(&ii),
        ) as *const KrList;
        assert_eq!((*k).small_only, 0);
        // kr_dict_next walks the live entries in order.
        let w = slot(
            &V::Dict(
                (0..10)
                    .map(|i| (V::Int(i.to_string()), V::Int((i * i).to_string())))
                    .collect(),
            ),
            &ii,
        ) as *mut KrDict;
        for i in [0i64, 3, 9] {
            kr_dict_delitem(w, desc(&ii), small(i), desc(&Ty::Int));
        }
        let mut pos = 0i64;
        let (mut key, mut value) = (0u64, 0u64);
        let mut walked = Vec::new();
        while kr_dict_next(w, &mut pos, &mut key, &mut value) {
            walked.push(format!("({}, {})", small_value(key), small_value(value)));
        }
        out.push(format!("[{}]", walked.join(", ")));
        cases.push((
            "d = dict(zip('abcde', range(5))); out = [repr(d.pop('c')), repr(d.pop('c', -1)), \
             pp(d, 'c'), repr(d.setdefault('a', 100)), repr(d.setdefault('z', 26)), rp(d), \
             pi(d), pi(d), st(d, 'q', 17) and rp(d)]; c = d.copy(); c['only in copy'] = 0; \
             out += [rp(c), rp(d)]; d.update({'b': -2, 'new': 42}); out.append(rp(d)); \
             d.update(d); out.append(rp(d)); e = {1: 1.5}; e.update(d); out.append(rp(e)); \
             f = {1: 5}; f.update({1: None, 2: None}); out.append(rp(f)); \
             d.clear(); out += [rp(d), ln(d), gt(d, 'a')]; d['again'] = 1; \
             out += [rp(d), pi({}), vs({'t': True, 'f': False, 't2': True})]; \
             w = {i: i * i for i in range(10)}; del w[0], w[3], w[9]; out.append(its(w)); \
             r = ' | '.join(out)"
                .to_string(),
            out.join(" | "),
        ));
    }
    no_error();
    check("methods", &cases);
}

fn dyn_text(v: KrValue) -> String {
    if v == KR_ERROR {
        return error_text();
    }
    text_of(unsafe { kr_dyn_repr(v) })
}

fn dyn_dicts_match_python() {
    let mut cases = Vec::new();
    unsafe {
        let si = dict_ty(Ty::Str, Ty::Int);
        let is = dict_ty(Ty::Int, Ty::Str);
        let boxed = |v: &V, t: &Ty| kr_dyn_box(slot(v, t), desc(t));
        let s = |text: &str| slot(&V::Str(text.into()), &Ty::Dyn);
        let a = boxed(
            &V::Dict(vec![(V::Str("x".into()), V::Int("1".into()))]),
            &si,
        );
        let n = boxed(
            &V::Dict(vec![(V::Int("1".into()), V::Str("one".into()))]),
            &is,
        );
        let mut out = vec![
            kr_dyn_len(a).to_string(),
            bool_text(kr_dyn_truth(a) == 1),
            dyn_text(kr_dyn_getitem(a, s("x"))),
            dyn_text(kr_dyn_getitem(a, s("y"))),
            dyn_text(kr_dyn_getitem(a, slot(&V::List(vec![]), &Ty::Dyn))),
            bool_text(kr_dyn_contains(a, s("x")) == 1),
            bool_text(kr_dyn_contains(a, small(1)) == 1),
        ];
        assert!(kr_dyn_setitem(a, s("y"), small(2)));
        out.push(dyn_text(a));
        assert!(kr_dyn_delitem(a, s("x")));
        assert!(!kr_dyn_delitem(a, s("x")));
        out.push(error_text());
        // 1.0 and True find the key 1 and replace its value.
        assert!(kr_dyn_setitem(n, slot(&V::Float(1.0), &Ty::Dyn), s("uno")));
        out.push(dyn_text(n));
        assert!(kr_dyn_setitem(n, slot(&V::Bool(true), &Ty::Dyn), s("si")));
        out.push(dyn_text(n));
        out.push(dyn_text(kr_dyn_binary(BITOR, a, n)));
        out.push(dyn_text(kr_dyn_binary(BITOR, n, n)));
        let w = boxed(
            &V::Dict(vec![(V::Str("w".into()), V::Int("23".into()))]),
            &si,
        );
        let r = kr_dyn_inplace(BITOR, a, w);
        assert_eq!(r, a, "|= returns the same dict");
        out.push(dyn_text(a));
        out.push(dyn_text(kr_dyn_binary(0, a, n))); // +
        let cmp = kr_slot_compare(a, desc(&Ty::Dyn), n, desc(&Ty::Dyn), 0);
        assert_eq!(cmp, -1);
        out.push(error_text());
        cases.push((
            "a = {'x': 1}; n = {1: 'one'}; out = [ln(a), repr(bool(a)), gt(a, 'x'), gt(a, 'y'), \
             gt(a, []), repr('x' in a), repr(1 in a)]; a['y'] = 2; out.append(rp(a)); \
             del a['x']; out.append(dl(a, 'x')); n[1.0] = 'uno'; out.append(rp(n)); \
             n[True] = 'si'; out.append(rp(n)); out += [repr(a | n), repr(n | n)]; \
             a |= {'w': 23}; out.append(rp(a)); \
             out.append(_try(lambda: a + n)); out.append(_try(lambda: a < n)); \
             r = ' | '.join(out)"
                .to_string(),
            out.join(" | "),
        ));
        // A dict as the values of %: "%(key)s" looks keys up; "%s" formats the dict.
        let f = boxed(
            &V::Dict(vec![
                (V::Str("name".into()), V::Int("7".into())),
                (V::Str("a(b)".into()), V::Int("8".into())),
                (V::Str("é".into()), V::Int("9".into())),
            ]),
            &si,
        );
        for template in [
            "%(name)s and %(name)05d",
            "%(a(b))x!",
            "%s",
            "%(missing)s",
            "%(name",
            "%(name)s %s",
            "%(é)y",
            "plain",
            "%(é)s%%",
            "%(name)*d",
        ] {
            let r = kr_str_percent(kr_str(template), f);
            cases.push((
                format!(
                    "r = {} % {{'name': 7, 'a(b)': 8, 'é': 9}}",
                    py(&V::Str(template.into()))
                ),
                if r == KR_ERROR {
                    error_text()
                } else {
                    text_of(kr_dyn_str(r))
                },
            ));
        }
    }
    no_error();
    check("dyn dicts", &cases);
}

fn fixed_cases_match_python() {
    let mut cases = Vec::new();
    unsafe {
        // 1, 1.0 and True are one key; the first key object stays.
        let dyn2 = dict_ty(Ty::Dyn, Ty::Dyn);
        let dd = desc(&dyn2);
        let td = desc(&Ty::Dyn);
        let d = kr_dict_new(0);
        let keys = [V::Int("1".into()), V::Float(1.0), V::Bool(true)];
        for (i, k) in keys.iter().enumerate() {
            kr_dict_setitem(
                d,
                dd,
                slot(k, &Ty::Dyn),
                td,
                slot(&V::Int(i.to_string()), &Ty::Dyn),
            );
        }
        cases.push((
            "d = {}; d[1] = 0; d[1.0] = 1; d[True] = 2; r = d".into(),
            repr_d(d as KrSlot, dd),
        ));
        // -0.0 and 0 and False; 2**80 and float(2**80); -1 and -2 (equal hashes).
        let d = kr_dict_new(0);
        let keys = [
            V::Float(-0.0),
            V::Int("0".into()),
            V::Bool(false),
            V::Int("1208925819614629174706176".into()),
            V::Float(1208925819614629174706176.0),
            V::Int("-1".into()),
            V::Int("-2".into()),
            V::Float(-1.0),
            V::Float(f64::NAN),
            V::Float(f64::NAN),
        ];
        for (i, k) in keys.iter().enumerate() {
            kr_dict_setitem(
                d,
                dd,
                slot(k, &Ty::Dyn),
                td,
                slot(&V::Int(i.to_string()), &Ty::Dyn),
            );
        }
        let calls: Vec<String> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| format!("st(d, {}, {i})", py(k)))
            .collect();
        cases.push((
            format!("d = {{}}; [{}]; r = d", calls.join(", ")),
            repr_d(d as KrSlot, dd),
        ));
        // A typed dict[int, str] looked up with a float, a bool and a big float.
        let is = dict_ty(Ty::Int, Ty::Str);
        let d = slot(
            &V::Dict(vec![
                (V::Int("1".into()), V::Str("one".into())),
                (
                    V::Int("1208925819614629174706176".into()),
                    V::Str("big".into()),
                ),
            ]),
            &is,
        ) as *mut KrDict;
        let mut out = Vec::new();
        let mut err = false;
        for (k, t) in [
            (V::Float(1.0), Ty::Float),
            (V::Bool(true), Ty::Bool),
            (V::Float(1208925819614629174706176.0), Ty::Float),
            (V::Float(1.5), Ty::Float),
            (V::Str("1".into()), Ty::Str),
        ] {
            let v = kr_dict_getitem(d, desc(&is), slot(&k, &t), desc(&t), &mut err);
            out.push(if err {
                error_text()
            } else {
                repr_of(v, &Ty::Str)
            });
            err = false;
        }
        cases.push((
            "d = {1: 'one', 2**80: 'big'}; r = ' | '.join([gt(d, 1.0), gt(d, True), \
             gt(d, float(2**80)), gt(d, 1.5), gt(d, '1')])"
                .into(),
            out.join(" | "),
        ));
        // Empty dicts and truth; {} == {} whatever their static types.
        let e1 = kr_dict_new(0);
        let e2 = kr_dict_new(10);
        cases.push((
            "r = repr(({}, {} == {}, bool({}), bool({1: 2})))".into(),
            format!(
                "({}, {}, {}, {})",
                repr_d(e1 as KrSlot, desc(&is)),
                bool_text(kr_slot_eq(e1 as KrSlot, desc(&is), e2 as KrSlot, desc(&dyn2)) == 1),
                bool_text(kr_dyn_truth(kr_dyn_box(e1 as KrSlot, desc(&is))) == 1),
                bool_text(kr_dyn_truth(kr_dyn_box(d as KrSlot, desc(&is))) == 1),
            ),
        ));
    }
    no_error();
    check("fixed cases", &cases);
}

// }==================================================================

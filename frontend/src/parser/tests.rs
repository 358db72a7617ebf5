//! Unit tests for the parser: tricky constructs, with the expected text taken
//! from CPython 3.11's `ast.dump` and `SyntaxError`.

use super::parse_module_here;
use crate::diagnostic::ErrorKind;
use crate::source::LineIndex;

fn check(source: &str, attributes: bool, expected: &str) {
    let module = parse_module_here(source).unwrap_or_else(|e| panic!("{source:?}: {e:?}"));
    let lines = LineIndex::new(source);
    assert_eq!(
        crate::dump::dump_module(&module, &lines, attributes),
        expected,
        "{source:?}"
    );
}

fn check_error(source: &str, kind: ErrorKind, message: &str, line: u32, column: u32) {
    let error = parse_module_here(source).expect_err(source);
    assert_eq!(error.kind, kind, "{source:?}");
    assert_eq!(error.message, message, "{source:?}");
    let (l, c) = LineIndex::new(source).line_col(error.range.start);
    assert_eq!((l, c + 1), (line, column), "{source:?}: {}", error.message);
}

#[test]
fn decorated_def_starts_at_def() {
    check(
        "@dec\ndef f(a, /, b=1, *args, c, d=2, **kw) -> int: pass\n",
        true,
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a', lineno=2, col_offset=6, end_lineno=2, end_col_offset=7)], args=[arg(arg='b', lineno=2, col_offset=12, end_lineno=2, end_col_offset=13)], vararg=arg(arg='args', lineno=2, col_offset=18, end_lineno=2, end_col_offset=22), kwonlyargs=[arg(arg='c', lineno=2, col_offset=24, end_lineno=2, end_col_offset=25), arg(arg='d', lineno=2, col_offset=27, end_lineno=2, end_col_offset=28)], kw_defaults=[None, Constant(value=2, lineno=2, col_offset=29, end_lineno=2, end_col_offset=30)], kwarg=arg(arg='kw', lineno=2, col_offset=34, end_lineno=2, end_col_offset=36), defaults=[Constant(value=1, lineno=2, col_offset=14, end_lineno=2, end_col_offset=15)]), body=[Pass(lineno=2, col_offset=46, end_lineno=2, end_col_offset=50)], decorator_list=[Name(id='dec', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=4)], returns=Name(id='int', ctx=Load(), lineno=2, col_offset=41, end_lineno=2, end_col_offset=44), lineno=2, col_offset=0, end_lineno=2, end_col_offset=50)], type_ignores=[])",
    );
}

#[test]
fn async_forms() {
    check(
        "async def f():\n    async for x in y: pass\n    async with a as b, c: pass\n    await z\n",
        false,
        "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[AsyncFor(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()]), Expr(value=Await(value=Name(id='z', ctx=Load())))], decorator_list=[])], type_ignores=[])",
    );
}

#[test]
fn parenthesized_tuple_includes_parens() {
    check(
        "x = (1, 2)\ny = 1, 2,\nz = (a)\n",
        true,
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Tuple(elts=[Constant(value=1, lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), Constant(value=2, lineno=1, col_offset=8, end_lineno=1, end_col_offset=9)], ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=10), lineno=1, col_offset=0, end_lineno=1, end_col_offset=10), Assign(targets=[Name(id='y', ctx=Store(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1)], value=Tuple(elts=[Constant(value=1, lineno=2, col_offset=4, end_lineno=2, end_col_offset=5), Constant(value=2, lineno=2, col_offset=7, end_lineno=2, end_col_offset=8)], ctx=Load(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=9), lineno=2, col_offset=0, end_lineno=2, end_col_offset=9), Assign(targets=[Name(id='z', ctx=Store(), lineno=3, col_offset=0, end_lineno=3, end_col_offset=1)], value=Name(id='a', ctx=Load(), lineno=3, col_offset=5, end_lineno=3, end_col_offset=6), lineno=3, col_offset=0, end_lineno=3, end_col_offset=7)], type_ignores=[])",
    );
}

#[test]
fn sole_generator_argument_takes_call_parens() {
    check(
        "f(x for x in y)\n",
        true,
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), args=[GeneratorExp(elt=Name(id='x', ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), ifs=[], is_async=0)], lineno=1, col_offset=1, end_lineno=1, end_col_offset=15)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[])",
    );
}

#[test]
fn attribute_of_group_starts_at_paren() {
    check(
        "(a).b\n",
        true,
        "Module(body=[Expr(value=Attribute(value=Name(id='a', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), attr='b', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], type_ignores=[])",
    );
}

#[test]
fn chained_comparison() {
    check(
        "a < b <= c is not d not in e\n",
        false,
        "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), IsNot(), NotIn()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load())]))], type_ignores=[])",
    );
}

#[test]
fn no_constant_folding() {
    check(
        "-1\n",
        false,
        "Module(body=[Expr(value=UnaryOp(op=USub(), operand=Constant(value=1)))], type_ignores=[])",
    );
}

#[test]
fn walrus_and_lambda() {
    check(
        "if (n := len(a)) > 10: f = lambda x, *y, z=1, **k: x\n",
        false,
        "Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Call(func=Name(id='len', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[])), ops=[Gt()], comparators=[Constant(value=10)]), body=[Assign(targets=[Name(id='f', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], vararg=arg(arg='y'), kwonlyargs=[arg(arg='z')], kw_defaults=[Constant(value=1)], kwarg=arg(arg='k'), defaults=[]), body=Name(id='x', ctx=Load())))], orelse=[])], type_ignores=[])",
    );
}

#[test]
fn slices_and_tuples_of_slices() {
    check(
        "a[1:2, ::3, *b]\na[:]\n",
        true,
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), slice=Tuple(elts=[Slice(lower=Constant(value=1, lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), upper=Constant(value=2, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=2, end_lineno=1, end_col_offset=5), Slice(step=Constant(value=3, lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), lineno=1, col_offset=7, end_lineno=1, end_col_offset=10), Starred(value=Name(id='b', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=14)], ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=14), ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), Expr(value=Subscript(value=Name(id='a', ctx=Load(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1), slice=Slice(lineno=2, col_offset=2, end_lineno=2, end_col_offset=3), ctx=Load(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=4), lineno=2, col_offset=0, end_lineno=2, end_col_offset=4)], type_ignores=[])",
    );
}

#[test]
fn comprehensions() {
    check(
        "[x async for x in y if x if z]\n{k: v for k, v in d}\n{x for x in s}\n",
        false,
        "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load()), Name(id='z', ctx=Load())], is_async=1)])), Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Name(id='d', ctx=Load()), ifs=[], is_async=0)])), Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='s', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])",
    );
}

#[test]
fn string_concatenation_kind_u() {
    check(
        "u'a' 'b'\nb'x' b'y'\n",
        false,
        "Module(body=[Expr(value=Constant(value='ab', kind='u')), Expr(value=Constant(value=b'xy'))], type_ignores=[])",
    );
}

#[test]
fn fstring_pieces() {
    check(
        "f'a{b!r:>{w}}c{{d}}' 'e'\n",
        true,
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', lineno=1, col_offset=0, end_lineno=1, end_col_offset=24), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), conversion=114, format_spec=JoinedStr(values=[Constant(value='>', lineno=1, col_offset=0, end_lineno=1, end_col_offset=24), FormattedValue(value=Name(id='w', ctx=Load(), lineno=1, col_offset=10, end_lineno=1, end_col_offset=11), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=24)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=20), lineno=1, col_offset=0, end_lineno=1, end_col_offset=24), Constant(value='c{d}e', lineno=1, col_offset=0, end_lineno=1, end_col_offset=24)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=24), lineno=1, col_offset=0, end_lineno=1, end_col_offset=24)], type_ignores=[])",
    );
}

#[test]
fn fstring_debug() {
    check(
        "f'{x=}' f'{y = !s}'\n",
        false,
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114), Constant(value='y = '), FormattedValue(value=Name(id='y', ctx=Load()), conversion=115)]))], type_ignores=[])",
    );
}

#[test]
fn annotated_assignments() {
    check(
        "x: int = 1\n(y): int\na.b: str\n",
        false,
        "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1), AnnAssign(target=Name(id='y', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0), AnnAssign(target=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Store()), annotation=Name(id='str', ctx=Load()), simple=0)], type_ignores=[])",
    );
}

#[test]
fn augmented_and_chained_assignment() {
    check(
        "a = b = c\nd += 1\n[e, *f] = g\n",
        false,
        "Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], value=Name(id='c', ctx=Load())), AugAssign(target=Name(id='d', ctx=Store()), op=Add(), value=Constant(value=1)), Assign(targets=[List(elts=[Name(id='e', ctx=Store()), Starred(value=Name(id='f', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='g', ctx=Load()))], type_ignores=[])",
    );
}

#[test]
fn imports() {
    check(
        "import a.b as c, d\nfrom ... import x\nfrom .m import (y as z,)\nfrom n import *\n",
        true,
        "Module(body=[Import(names=[alias(name='a.b', asname='c', lineno=1, col_offset=7, end_lineno=1, end_col_offset=15), alias(name='d', lineno=1, col_offset=17, end_lineno=1, end_col_offset=18)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), ImportFrom(names=[alias(name='x', lineno=2, col_offset=16, end_lineno=2, end_col_offset=17)], level=3, lineno=2, col_offset=0, end_lineno=2, end_col_offset=17), ImportFrom(module='m', names=[alias(name='y', asname='z', lineno=3, col_offset=16, end_lineno=3, end_col_offset=22)], level=1, lineno=3, col_offset=0, end_lineno=3, end_col_offset=24), ImportFrom(module='n', names=[alias(name='*', lineno=4, col_offset=14, end_lineno=4, end_col_offset=15)], level=0, lineno=4, col_offset=0, end_lineno=4, end_col_offset=15)], type_ignores=[])",
    );
}

#[test]
fn try_star() {
    check(
        "try:\n    pass\nexcept* E as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
        true,
        "Module(body=[TryStar(body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], handlers=[ExceptHandler(type=Name(id='E', ctx=Load(), lineno=3, col_offset=8, end_lineno=3, end_col_offset=9), name='e', body=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col_offset=8)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=8)], orelse=[Pass(lineno=6, col_offset=4, end_lineno=6, end_col_offset=8)], finalbody=[Pass(lineno=8, col_offset=4, end_lineno=8, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=8, end_col_offset=8)], type_ignores=[])",
    );
}

#[test]
fn match_patterns() {
    check(
        "match p:\n    case [1, *rest] | (2, 3) if rest: pass\n    case {'k': v, **kw}: pass\n    case Point(x=0, y=_) as pt: pass\n    case -1 + 2j | None | a.b: pass\n    case _: pass\n",
        true,
        "Module(body=[Match(subject=Name(id='p', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), cases=[match_case(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchValue(value=Constant(value=1, lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), MatchStar(name='rest', lineno=2, col_offset=13, end_lineno=2, end_col_offset=18)], lineno=2, col_offset=9, end_lineno=2, end_col_offset=19), MatchSequence(patterns=[MatchValue(value=Constant(value=2, lineno=2, col_offset=23, end_lineno=2, end_col_offset=24), lineno=2, col_offset=23, end_lineno=2, end_col_offset=24), MatchValue(value=Constant(value=3, lineno=2, col_offset=26, end_lineno=2, end_col_offset=27), lineno=2, col_offset=26, end_lineno=2, end_col_offset=27)], lineno=2, col_offset=22, end_lineno=2, end_col_offset=28)], lineno=2, col_offset=9, end_lineno=2, end_col_offset=28), guard=Name(id='rest', ctx=Load(), lineno=2, col_offset=32, end_lineno=2, end_col_offset=36), body=[Pass(lineno=2, col_offset=38, end_lineno=2, end_col_offset=42)]), match_case(pattern=MatchMapping(keys=[Constant(value='k', lineno=3, col_offset=10, end_lineno=3, end_col_offset=13)], patterns=[MatchAs(name='v', lineno=3, col_offset=15, end_lineno=3, end_col_offset=16)], rest='kw', lineno=3, col_offset=9, end_lineno=3, end_col_offset=23), body=[Pass(lineno=3, col_offset=25, end_lineno=3, end_col_offset=29)]), match_case(pattern=MatchAs(pattern=MatchClass(cls=Name(id='Point', ctx=Load(), lineno=4, col_offset=9, end_lineno=4, end_col_offset=14), patterns=[], kwd_attrs=['x', 'y'], kwd_patterns=[MatchValue(value=Constant(value=0, lineno=4, col_offset=17, end_lineno=4, end_col_offset=18), lineno=4, col_offset=17, end_lineno=4, end_col_offset=18), MatchAs(lineno=4, col_offset=22, end_lineno=4, end_col_offset=23)], lineno=4, col_offset=9, end_lineno=4, end_col_offset=24), name='pt', lineno=4, col_offset=9, end_lineno=4, end_col_offset=30), body=[Pass(lineno=4, col_offset=32, end_lineno=4, end_col_offset=36)]), match_case(pattern=MatchOr(patterns=[MatchValue(value=BinOp(left=UnaryOp(op=USub(), operand=Constant(value=1, lineno=5, col_offset=10, end_lineno=5, end_col_offset=11), lineno=5, col_offset=9, end_lineno=5, end_col_offset=11), op=Add(), right=Constant(value=2j, lineno=5, col_offset=14, end_lineno=5, end_col_offset=16), lineno=5, col_offset=9, end_lineno=5, end_col_offset=16), lineno=5, col_offset=9, end_lineno=5, end_col_offset=16), MatchSingleton(value=None, lineno=5, col_offset=19, end_lineno=5, end_col_offset=23), MatchValue(value=Attribute(value=Name(id='a', ctx=Load(), lineno=5, col_offset=26, end_lineno=5, end_col_offset=27), attr='b', ctx=Load(), lineno=5, col_offset=26, end_lineno=5, end_col_offset=29), lineno=5, col_offset=26, end_lineno=5, end_col_offset=29)], lineno=5, col_offset=9, end_lineno=5, end_col_offset=29), body=[Pass(lineno=5, col_offset=31, end_lineno=5, end_col_offset=35)]), match_case(pattern=MatchAs(lineno=6, col_offset=9, end_lineno=6, end_col_offset=10), body=[Pass(lineno=6, col_offset=12, end_lineno=6, end_col_offset=16)])], lineno=1, col_offset=0, end_lineno=6, end_col_offset=16)], type_ignores=[])",
    );
}

#[test]
fn match_as_a_name() {
    check(
        "match = 1\nmatch(x)\nmatch[a]\n",
        false,
        "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1)), Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])), Expr(value=Subscript(value=Name(id='match', ctx=Load()), slice=Name(id='a', ctx=Load()), ctx=Load()))], type_ignores=[])",
    );
}

#[test]
fn with_parenthesized_items() {
    check(
        "with (a as b, c): pass\nwith (a, b) as c: pass\nwith (a): pass\n",
        false,
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()]), With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()]), With(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()])], type_ignores=[])",
    );
}

#[test]
fn global_nonlocal_del() {
    check(
        "def f():\n    global a, b\n    nonlocal c\n    del d, e[0], (f)\n",
        false,
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Global(names=['a', 'b']), Nonlocal(names=['c']), Delete(targets=[Name(id='d', ctx=Del()), Subscript(value=Name(id='e', ctx=Load()), slice=Constant(value=0), ctx=Del()), Name(id='f', ctx=Del())])], decorator_list=[])], type_ignores=[])",
    );
}

#[test]
fn yield_forms() {
    check(
        "def g():\n    x = yield\n    yield from y\n    z = yield 1, 2\n",
        false,
        "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield()), Expr(value=YieldFrom(value=Name(id='y', ctx=Load()))), Assign(targets=[Name(id='z', ctx=Store())], value=Yield(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load())))], decorator_list=[])], type_ignores=[])",
    );
}

#[test]
fn star_annotation_and_subscript() {
    check(
        "def f(*args: *Ts): pass\nx[*a]\n",
        false,
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], vararg=arg(arg='args', annotation=Starred(value=Name(id='Ts', ctx=Load()), ctx=Load())), kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[]), Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])",
    );
}

#[test]
fn error_missing_comma() {
    check_error(
        "x = (1 2)\n",
        ErrorKind::SyntaxError,
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        6,
    );
}

#[test]
fn error_print_statement() {
    check_error(
        "print 'x'\n",
        ErrorKind::SyntaxError,
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        1,
    );
}

#[test]
fn error_assign_to_call_suggests_eq() {
    check_error(
        "f() = 1\n",
        ErrorKind::SyntaxError,
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
}

#[test]
fn error_assign_to_literal() {
    check_error(
        "x = 1 = 2\n",
        ErrorKind::SyntaxError,
        "cannot assign to literal",
        1,
        5,
    );
}

#[test]
fn error_delete_call() {
    check_error(
        "del f()\n",
        ErrorKind::SyntaxError,
        "cannot delete function call",
        1,
        5,
    );
}

#[test]
fn error_if_with_assignment() {
    check_error(
        "if x = 1:\n    pass\n",
        ErrorKind::SyntaxError,
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1,
        4,
    );
}

#[test]
fn error_expected_colon() {
    check_error(
        "while x\n    pass\n",
        ErrorKind::SyntaxError,
        "expected ':'",
        1,
        8,
    );
}

#[test]
fn error_expected_indented_block() {
    check_error(
        "def f():\nreturn\n",
        ErrorKind::IndentationError,
        "expected an indented block after function definition on line 1",
        2,
        1,
    );
}

#[test]
fn error_unexpected_indent() {
    check_error(
        "x = 1\n    y = 2\n",
        ErrorKind::IndentationError,
        "unexpected indent",
        2,
        4,
    );
}

#[test]
fn error_try_without_except() {
    check_error(
        "try:\n    pass\nx = 1\n",
        ErrorKind::SyntaxError,
        "expected 'except' or 'finally' block",
        3,
        1,
    );
}

#[test]
fn error_keyword_then_positional() {
    check_error(
        "f(a=1, b)\n",
        ErrorKind::SyntaxError,
        "positional argument follows keyword argument",
        1,
        9,
    );
}

#[test]
fn error_unpacking_after_keyword_unpacking() {
    check_error(
        "f(**a, *b)\n",
        ErrorKind::SyntaxError,
        "iterable argument unpacking follows keyword argument unpacking",
        1,
        8,
    );
}

#[test]
fn error_unparenthesized_generator() {
    check_error(
        "f(x for x in y, 1)\n",
        ErrorKind::SyntaxError,
        "Generator expression must be parenthesized",
        1,
        3,
    );
}

#[test]
fn error_default_then_non_default() {
    check_error(
        "def f(a=1, b): pass\n",
        ErrorKind::SyntaxError,
        "non-default argument follows default argument",
        1,
        12,
    );
}

#[test]
fn error_bare_star() {
    check_error(
        "def f(*): pass\n",
        ErrorKind::SyntaxError,
        "named arguments must follow bare *",
        1,
        7,
    );
}

#[test]
fn error_trailing_comma_import() {
    check_error(
        "from x import a,\n",
        ErrorKind::SyntaxError,
        "trailing comma not allowed without surrounding parentheses",
        1,
        17,
    );
}

#[test]
fn error_comprehension_target() {
    check_error(
        "[x, y for x in z]\n",
        ErrorKind::SyntaxError,
        "did you forget parentheses around the comprehension target?",
        1,
        2,
    );
}

#[test]
fn error_fstring_empty() {
    check_error(
        "f'{}'\n",
        ErrorKind::SyntaxError,
        "f-string: empty expression not allowed",
        1,
        6,
    );
}

#[test]
fn error_fstring_single_brace() {
    check_error(
        "f'}'\n",
        ErrorKind::SyntaxError,
        "f-string: single '}' is not allowed",
        1,
        5,
    );
}

#[test]
fn error_fstring_backslash() {
    check_error(
        "f'{a\\\\n}'\n",
        ErrorKind::SyntaxError,
        "f-string expression part cannot include a backslash",
        1,
        10,
    );
}

#[test]
fn error_mixed_bytes() {
    check_error(
        "b'a' 'b'\n",
        ErrorKind::SyntaxError,
        "cannot mix bytes and nonbytes literals",
        1,
        9,
    );
}

#[test]
fn error_never_closed() {
    check_error(
        "x = (1,\ny = 2\n",
        ErrorKind::SyntaxError,
        "'(' was never closed",
        1,
        5,
    );
}

#[test]
fn error_def_needs_paren() {
    check_error(
        "def f:\n    pass\n",
        ErrorKind::SyntaxError,
        "expected '('",
        1,
        6,
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for source in [
        "(".repeat(100_000),
        "not ".repeat(100_000) + "x",
        "-".repeat(100_000) + "1",
        "x".to_owned() + &"**x".repeat(100_000),
        "x".to_owned() + &" + 1".repeat(100_000),
        "x".to_owned() + &".a".repeat(100_000),
        "lambda: ".repeat(100_000) + "x",
    ] {
        let source = source.as_str();
        let result = std::thread::Builder::new()
            .stack_size(super::PARSER_STACK_BYTES)
            .spawn({
                let source = source.to_owned();
                move || parse_module_here(&source).is_err()
            })
            .and_then(|h| h.join().map_err(|_| std::io::Error::other("panicked")));
        assert!(matches!(result, Ok(true)), "{}", &source[..20]);
    }
}

#[test]
fn error_comma_before_dangling_operator() {
    check_error(
        "x = (a 48 <<)\n",
        ErrorKind::SyntaxError,
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        6,
    );
}

#[test]
fn error_comma_before_subscript_without_index() {
    check_error(
        "f(e0[], 1)\n",
        ErrorKind::SyntaxError,
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        3,
    );
}

#[test]
fn error_dict_key_needs_colon() {
    check_error(
        "x = {1: 2, 3 4}\n",
        ErrorKind::SyntaxError,
        "':' expected after dictionary key",
        1,
        12,
    );
}

#[test]
fn error_name_assignment_inside_tuple() {
    check_error(
        "a, b c = d\n",
        ErrorKind::SyntaxError,
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1,
        6,
    );
}

#[test]
fn error_tokenizer_error_beyond_stray_character() {
    check_error(
        "x = `a`\ny = 'abc\n",
        ErrorKind::SyntaxError,
        "unterminated string literal (detected at line 2)",
        2,
        5,
    );
}

#[test]
fn error_unclosed_bracket_beats_later_error() {
    check_error(
        "x = (1,\ny = 2\nz = 3\n",
        ErrorKind::SyntaxError,
        "'(' was never closed",
        1,
        5,
    );
}

#[test]
fn error_expected_colon_after_with_target() {
    check_error(
        "with a as b\n    pass\n",
        ErrorKind::SyntaxError,
        "expected ':'",
        1,
        12,
    );
}

#[test]
fn error_indented_block_at_eof_names_last_line() {
    check_error(
        "if x:\n\n\n",
        ErrorKind::IndentationError,
        "expected an indented block after 'if' statement on line 1",
        3,
        1,
    );
}

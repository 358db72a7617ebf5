//! The abstract syntax tree: one Rust type per node of CPython 3.11's `ast` module.
//!
//! The shapes follow `Parser/Python.asdl` field for field, so that `dump` can print
//! exactly what `ast.dump` prints. Three deliberate differences keep later passes
//! simple, and `dump` undoes them:
//!
//! * `async` forms share the node of their synchronous twin with an `is_async` flag
//!   (`FunctionDef`/`AsyncFunctionDef`, `For`/`AsyncFor`, `With`/`AsyncWith`), and
//!   `try`/`try*` share `Try` with an `is_star` flag;
//! * positions are byte ranges into the (decoded, newline-normalised) source text;
//!   line and column numbers are computed only when printed (`crate::source::LineIndex`);
//! * a node's position lives in its `range` field, not in four integer attributes.

use crate::pystr::PyStr;
use num_bigint::BigInt;

/// A half-open byte range `[start, end)` into the normalised source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    pub fn new(start: u32, end: u32) -> Self {
        debug_assert!(start <= end, "TextRange start {start} > end {end}");
        TextRange { start, end }
    }

    /// The smallest range covering both `self` and `other`.
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn len(self) -> u32 {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A name as written in the source, after NFKC normalisation (PEP 3131).
pub type Identifier = Box<str>;

/// `mod = Module(stmt* body, type_ignore* type_ignores)`.
///
/// `type_ignores` is always empty: krait parses like `ast.parse` without
/// `type_comments=True`.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub range: TextRange,
    pub kind: StmtKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `FunctionDef` or, with `is_async`, `AsyncFunctionDef`.
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Return {
        value: Option<Expr>,
    },
    Delete {
        targets: Vec<Expr>,
    },
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AugAssign {
        target: Expr,
        op: Operator,
        value: Expr,
    },
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
        /// True when the target is a bare name without parentheses.
        simple: bool,
    },
    /// `For` or, with `is_async`, `AsyncFor`.
    For {
        is_async: bool,
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `With` or, with `is_async`, `AsyncWith`.
    With {
        is_async: bool,
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    /// `Try` or, with `is_star` (`except*`), `TryStar`.
    Try {
        is_star: bool,
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Import {
        names: Vec<Alias>,
    },
    ImportFrom {
        module: Option<Identifier>,
        names: Vec<Alias>,
        /// The number of leading dots.
        level: u32,
    },
    Global {
        names: Vec<Identifier>,
    },
    Nonlocal {
        names: Vec<Identifier>,
    },
    Expr {
        value: Expr,
    },
    Pass,
    Break,
    Continue,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub is_async: bool,
    pub name: Identifier,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub returns: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: Identifier,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub range: TextRange,
    pub kind: ExprKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `keys[i]` is `None` for a `**mapping` entry.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set {
        elts: Vec<Expr>,
    },
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await {
        value: Box<Expr>,
    },
    Yield {
        value: Option<Box<Expr>>,
    },
    YieldFrom {
        value: Box<Expr>,
    },
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    FormattedValue {
        value: Box<Expr>,
        conversion: Conversion,
        /// Always a `JoinedStr` when present.
        format_spec: Option<Box<Expr>>,
    },
    JoinedStr {
        values: Vec<Expr>,
    },
    Constant {
        value: Constant,
        /// `Some("u")` for a string literal written with a `u` prefix.
        kind: Option<Box<str>>,
    },
    Attribute {
        value: Box<Expr>,
        attr: Identifier,
        ctx: ExprContext,
    },
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
        ctx: ExprContext,
    },
    Starred {
        value: Box<Expr>,
        ctx: ExprContext,
    },
    Name {
        id: Identifier,
        ctx: ExprContext,
    },
    List {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Tuple {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

/// The value of a `Constant` node (and of `MatchSingleton`).
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Str(PyStr),
    Bytes(Vec<u8>),
    Int(Int),
    Float(f64),
    /// An imaginary literal such as `2j`: the real part is always zero.
    Complex {
        imag: f64,
    },
    Ellipsis,
}

/// An integer literal's exact value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Int {
    Small(i64),
    Big(BigInt),
}

/// The `!s`, `!r`, `!a` conversion of a formatted value; CPython stores it as the
/// character's code or -1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

impl Conversion {
    /// The integer `ast.FormattedValue.conversion` holds.
    pub fn code(self) -> i32 {
        match self {
            Conversion::None => -1,
            Conversion::Str => 's' as i32,
            Conversion::Repr => 'r' as i32,
            Conversion::Ascii => 'a' as i32,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// `comprehension = (expr target, expr iter, expr* ifs, int is_async)`; no position.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

/// `ExceptHandler(expr? type, identifier? name, stmt* body)`.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    pub range: TextRange,
    pub type_: Option<Expr>,
    pub name: Option<Identifier>,
    pub body: Vec<Stmt>,
}

/// A parameter list; no position.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<Arg>,
    /// One entry per keyword-only parameter; `None` where it has no default.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    /// Defaults of the last `defaults.len()` positional parameters.
    pub defaults: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub range: TextRange,
    pub arg: Identifier,
    pub annotation: Option<Expr>,
}

/// A keyword argument in a call or class definition; `arg` is `None` for `**kwargs`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub range: TextRange,
    pub arg: Option<Identifier>,
    pub value: Expr,
}

/// `import name as asname`; `name` may be dotted, or `*` in `from m import *`.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    pub range: TextRange,
    pub name: Identifier,
    pub asname: Option<Identifier>,
}

/// One item of a `with` statement; no position.
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Expr>,
}

/// One `case` of a `match` statement; no position.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub range: TextRange,
    pub kind: PatternKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    MatchValue {
        value: Box<Expr>,
    },
    /// `None`, `True` or `False`.
    MatchSingleton {
        value: Constant,
    },
    MatchSequence {
        patterns: Vec<Pattern>,
    },
    MatchMapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<Identifier>,
    },
    MatchClass {
        cls: Box<Expr>,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<Identifier>,
        kwd_patterns: Vec<Pattern>,
    },
    MatchStar {
        name: Option<Identifier>,
    },
    MatchAs {
        pattern: Option<Box<Pattern>>,
        name: Option<Identifier>,
    },
    MatchOr {
        patterns: Vec<Pattern>,
    },
}

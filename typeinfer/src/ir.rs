//! krait's intermediate representation: functions as control-flow graphs of
//! three-address instructions over variables (docs/typeinfer.md, section 1).
//!
//! Lowering (`crate::lower`) produces one *template* per Python function, with every
//! variable typed `Never`. Inference (`crate::infer`) turns templates into
//! *specialisations*: copies whose variables carry types, one per distinct tuple of
//! argument types, with calls rewritten to name specialisations. Both stages use the
//! same structures; `Program::specialised` says which one a program is.

use crate::types::Type;
use frontend::ast::{CmpOp, Int, Operator, TextRange, UnaryOp};
use frontend::pystr::PyStr;
use petgraph::graphmap::DiGraphMap;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id_type!(
    /// A variable of one function: a named local or a temporary.
    VarId
);
id_type!(
    /// A basic block of one function; block 0 is the entry.
    BlockId
);
id_type!(
    /// A function: a template before inference, a specialisation after.
    FuncId
);
id_type!(
    /// A module-level variable.
    GlobalId
);

/// A whole program: the module body is a function like the others.
#[derive(Clone, Debug)]
pub struct Program {
    pub functions: Vec<Function>,
    pub globals: Vec<Global>,
    /// The function that runs the module body.
    pub main: FuncId,
    /// False after lowering, true after inference.
    pub specialised: bool,
    /// The name of each template (by template id), kept after inference, which
    /// drops the templates: a function never called still has a name (NameError
    /// suggestions offer it).
    pub template_names: Vec<Box<str>>,
    /// The names module-level imports bind, in source order (NameError suggestions
    /// offer them).
    pub imports: Vec<Box<str>>,
}

#[derive(Clone, Debug)]
pub struct Global {
    pub name: Box<str>,
    pub ty: Type,
}

#[derive(Clone, Debug)]
pub struct Function {
    /// The Python name (`<module>` for the module body), as tracebacks print it.
    pub name: Box<str>,
    /// The `def` statement (or the whole module).
    pub range: TextRange,
    /// One variable per parameter, in order.
    pub params: Vec<VarId>,
    /// Each parameter's constant default, if it has one.
    pub defaults: Vec<Option<Const>>,
    /// How many of `params` a call may pass by position (the rest are keyword-only).
    pub positional: usize,
    pub vars: Vec<Var>,
    pub blocks: Vec<Block>,
    pub return_type: Type,
    /// The return annotation's type, when written.
    pub return_annotation: Option<Type>,
    /// For a specialisation, the template it was made from.
    pub template: Option<FuncId>,
    /// The frames CPython would run that lowering inlined (comprehensions):
    /// `Inst::frame` k > 0 is `frames[k - 1]`.
    pub frames: Vec<InlinedFrame>,
}

/// A frame of its own in CPython that lowering inlines into its parent (a list
/// comprehension or generator expression): a traceback shows it.
#[derive(Clone, Debug)]
pub struct InlinedFrame {
    /// `<listcomp>` or `<genexpr>`.
    pub name: Box<str>,
    /// The range the parent frame's traceback entry underlines (the comprehension,
    /// or the call consuming a generator).
    pub range: TextRange,
    /// The enclosing frame (0: the function itself).
    pub parent: u32,
}

#[derive(Clone, Debug)]
pub struct Var {
    /// The source name, or `None` for a temporary.
    pub name: Option<Box<str>>,
    pub ty: Type,
    /// The annotated type, which inference takes as given.
    pub annotation: Option<Type>,
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub insts: Vec<Inst>,
    pub term: Terminator,
    /// Where the terminator comes from (a `return`, `raise`, loop test...).
    pub term_range: TextRange,
    /// Where the local variables among the terminator's operands were written.
    pub term_reads: Vec<(VarId, TextRange)>,
}

/// A compile-time constant operand.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(Int),
    Float(f64),
    Str(PyStr),
    /// A `def` or lambda as a value (by template).
    Function(FuncId),
    /// A builtin function as a value.
    Builtin(Builtin),
}

impl Const {
    pub fn ty(&self) -> Type {
        match self {
            Const::Function(f) => Type::Function(*f),
            Const::Builtin(b) => Type::BuiltinFunction(*b),
            Const::None => Type::NoneType,
            Const::Bool(_) => Type::Bool,
            Const::Int(_) => Type::Int,
            Const::Float(_) => Type::Float,
            Const::Str(_) => Type::Str,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    Var(VarId),
    Const(Const),
}

/// One instruction and the source range it was lowered from (for tracebacks).
#[derive(Clone, Debug)]
pub struct Inst {
    pub kind: InstKind,
    pub range: TextRange,
    /// The inlined frame the instruction runs in (`Function::frames`; 0: none).
    pub frame: u32,
    /// Where the local variables among its operands were written in the source: an
    /// UnboundLocalError points at the name, as CPython's does.
    pub reads: Vec<(VarId, TextRange)>,
}

#[derive(Clone, Debug)]
pub enum InstKind {
    /// `dst = src`
    Copy {
        dst: VarId,
        src: Operand,
    },
    /// `dst = lhs op rhs`, Python semantics for the operand types.
    Binary {
        dst: VarId,
        op: Operator,
        lhs: Operand,
        rhs: Operand,
        /// From an augmented assignment (`x += y`), for error messages.
        inplace: bool,
    },
    /// `dst = op operand` for `-`, `+`, `~` (`not` is `Not`).
    Unary {
        dst: VarId,
        op: UnaryOp,
        operand: Operand,
    },
    /// `dst = not bool(operand)`
    Not {
        dst: VarId,
        operand: Operand,
    },
    /// `dst = lhs op rhs` for one link of a comparison chain.
    Compare {
        dst: VarId,
        op: CmpOp,
        lhs: Operand,
        rhs: Operand,
    },
    /// `dst = bool(value)`, Python truthiness.
    Truth {
        dst: VarId,
        value: Operand,
    },
    /// `dst = operator.index(value)`: the value as an int; bools become 0 or 1,
    /// an `i64` counter is tagged, anything else is a TypeError (used for
    /// `range()` arguments and loop variables).
    Index {
        dst: VarId,
        value: Operand,
    },
    /// A call of a known Python function, arguments already matched to parameters.
    /// With `plus`, `dst = plus + func(args)` in one call: `func` starts its self
    /// tail sum at `plus` (`InitialSum`) instead of zero. Only `tail_calls` makes
    /// it, for ints, where `s + (x + f(..))` is `(s + x) + f(..)`.
    Call {
        dst: VarId,
        func: FuncId,
        args: Vec<Operand>,
        plus: Option<Operand>,
    },
    /// A call through a value: of a function value (`Type::Function`, a
    /// specialisation chosen by the argument types) or a builtin one. Inference
    /// rewrites it to `Call` or `CallBuiltin`; nothing after it sees one.
    CallValue {
        dst: VarId,
        callee: Operand,
        args: Vec<Operand>,
        keywords: Vec<(Box<str>, Operand)>,
    },
    /// A call of a builtin.
    CallBuiltin {
        dst: VarId,
        builtin: Builtin,
        args: Vec<Operand>,
        /// `print`'s `sep` and `end`.
        keywords: Vec<(Box<str>, Operand)>,
    },
    LoadGlobal {
        dst: VarId,
        global: GlobalId,
    },
    StoreGlobal {
        global: GlobalId,
        src: Operand,
    },
    /// `dst = {keys[0]: values[0], ...}`
    BuildDict {
        dst: VarId,
        keys: Vec<Operand>,
        values: Vec<Operand>,
    },
    /// `dst = {items...}` (a set)
    BuildSet {
        dst: VarId,
        items: Vec<Operand>,
    },
    /// `dst = [items...]`
    BuildList {
        dst: VarId,
        items: Vec<Operand>,
    },
    /// `dst = (items...)`
    BuildTuple {
        dst: VarId,
        items: Vec<Operand>,
    },
    /// `dst = value[index]` (list, tuple or str; negative indices count from the end).
    GetItem {
        dst: VarId,
        value: Operand,
        index: Operand,
    },
    /// `value[index] = item`
    SetItem {
        value: Operand,
        index: Operand,
        item: Operand,
    },
    /// `del value[index]`
    DelItem {
        value: Operand,
        index: Operand,
    },
    /// `del value[start:stop:step]`
    DelSlice {
        value: Operand,
        start: Option<Operand>,
        stop: Option<Operand>,
        step: Option<Operand>,
    },
    /// `value[start:stop:step] = item`: the slice's items replaced by the
    /// iterable's (a simple slice resizes the list, an extended one must select as
    /// many items as `item` has).
    SetSlice {
        value: Operand,
        start: Option<Operand>,
        stop: Option<Operand>,
        step: Option<Operand>,
        item: Operand,
    },
    /// `dst = value[start:stop:step]`, omitted parts `None`.
    Slice {
        dst: VarId,
        value: Operand,
        start: Option<Operand>,
        stop: Option<Operand>,
        step: Option<Operand>,
    },
    /// `dst = receiver.method(args, keywords)`, resolved by the receiver's type.
    CallMethod {
        dst: VarId,
        receiver: Operand,
        method: Box<str>,
        args: Vec<Operand>,
        keywords: Vec<(Box<str>, Operand)>,
        /// Where `receiver.method` ends in the source (an AttributeError on None
        /// points at the attribute, not the whole call).
        attribute_end: u32,
    },
    /// Raises ValueError unless `len(value) == count` (before unpacking), or with
    /// `at_least` (a starred target takes the rest) unless `len(value) >= count`.
    UnpackCheck {
        value: Operand,
        count: usize,
        at_least: bool,
    },
    /// `dst = format(conversion(value), spec)`: one replacement field of an f-string
    /// (`fstring`), a `str.format` template or a `%` template. CPython formats an
    /// f-string's field with calls its recursion limit counts; the others inside
    /// their own call.
    Format {
        dst: VarId,
        value: Operand,
        fstring: bool,
        /// `'r'`, `'s'` or `'a'` from `!r`...
        conversion: Option<char>,
        spec: Option<Operand>,
    },
    /// `dst = ''.join(parts)`: an f-string's pieces (all `str`).
    JoinStr {
        dst: VarId,
        parts: Vec<Operand>,
    },
    /// The `def` statement of module-level function `func` (a template) has run:
    /// from here on its name is bound, and calling it before is a NameError.
    DefFunction {
        func: FuncId,
    },
    /// A self tail call turned into a jump (`tail_calls`): the next iteration is a
    /// new frame of the function. Counts it (RecursionError past the limit, as the
    /// call would raise) and forgets the named locals `forget`.
    TailFrame {
        forget: Vec<VarId>,
    },
    /// `dst = ` the start of the function's self tail sum (`tail_calls`), which
    /// the caller passes: zero from a plain call, `plus` from a summing one. Only
    /// in the entry block of a function whose tail call became a loop.
    InitialSum {
        dst: VarId,
    },
}

impl InstKind {
    /// The operands an instruction reads.
    pub fn operands(&self) -> Vec<&Operand> {
        match self {
            InstKind::Copy { src, .. } | InstKind::StoreGlobal { src, .. } => vec![src],
            InstKind::Binary { lhs, rhs, .. } | InstKind::Compare { lhs, rhs, .. } => {
                vec![lhs, rhs]
            }
            InstKind::Unary { operand, .. } | InstKind::Not { operand, .. } => vec![operand],
            InstKind::Truth { value, .. } | InstKind::Index { value, .. } => vec![value],
            InstKind::Call { args, plus, .. } => args.iter().chain(plus.iter()).collect(),
            // The item variable of `SumStart` gives its type, not a value.
            InstKind::CallBuiltin {
                builtin: Builtin::SumStart,
                args,
                ..
            } => args.iter().take(1).collect(),
            InstKind::CallBuiltin { args, keywords, .. } => {
                args.iter().chain(keywords.iter().map(|(_, v)| v)).collect()
            }
            InstKind::CallValue {
                callee,
                args,
                keywords,
                ..
            } => std::iter::once(callee)
                .chain(args)
                .chain(keywords.iter().map(|(_, v)| v))
                .collect(),
            InstKind::LoadGlobal { .. }
            | InstKind::DefFunction { .. }
            | InstKind::TailFrame { .. }
            | InstKind::InitialSum { .. } => Vec::new(),
            InstKind::BuildList { items, .. }
            | InstKind::BuildTuple { items, .. }
            | InstKind::BuildSet { items, .. } => items.iter().collect(),
            InstKind::BuildDict { keys, values, .. } => keys.iter().chain(values).collect(),
            InstKind::GetItem { value, index, .. } | InstKind::DelItem { value, index } => {
                vec![value, index]
            }
            InstKind::SetItem { value, index, item } => vec![value, index, item],
            InstKind::Slice {
                value,
                start,
                stop,
                step,
                ..
            }
            | InstKind::DelSlice {
                value,
                start,
                stop,
                step,
            } => std::iter::once(value)
                .chain(start.iter())
                .chain(stop.iter())
                .chain(step.iter())
                .collect(),
            InstKind::SetSlice {
                value,
                start,
                stop,
                step,
                item,
            } => std::iter::once(value)
                .chain(start.iter())
                .chain(stop.iter())
                .chain(step.iter())
                .chain(std::iter::once(item))
                .collect(),
            InstKind::CallMethod {
                receiver,
                args,
                keywords,
                ..
            } => std::iter::once(receiver)
                .chain(args.iter())
                .chain(keywords.iter().map(|(_, v)| v))
                .collect(),
            InstKind::UnpackCheck { value, .. } => vec![value],
            InstKind::Format { value, spec, .. } => {
                std::iter::once(value).chain(spec.iter()).collect()
            }
            InstKind::JoinStr { parts, .. } => parts.iter().collect(),
        }
    }

    /// Every operand of the instruction, to rewrite (also the operands
    /// `operands` leaves out, like `SumStart`'s probe).
    pub fn operands_mut(&mut self) -> Vec<&mut Operand> {
        match self {
            InstKind::Copy { src, .. } | InstKind::StoreGlobal { src, .. } => vec![src],
            InstKind::Binary { lhs, rhs, .. } | InstKind::Compare { lhs, rhs, .. } => {
                vec![lhs, rhs]
            }
            InstKind::Unary { operand, .. } | InstKind::Not { operand, .. } => vec![operand],
            InstKind::Truth { value, .. }
            | InstKind::Index { value, .. }
            | InstKind::UnpackCheck { value, .. } => vec![value],
            InstKind::Call { args, plus, .. } => args.iter_mut().chain(plus.iter_mut()).collect(),
            InstKind::CallBuiltin { args, keywords, .. } => args
                .iter_mut()
                .chain(keywords.iter_mut().map(|(_, v)| v))
                .collect(),
            InstKind::CallValue {
                callee,
                args,
                keywords,
                ..
            } => std::iter::once(callee)
                .chain(args.iter_mut())
                .chain(keywords.iter_mut().map(|(_, v)| v))
                .collect(),
            InstKind::CallMethod {
                receiver,
                args,
                keywords,
                ..
            } => std::iter::once(receiver)
                .chain(args.iter_mut())
                .chain(keywords.iter_mut().map(|(_, v)| v))
                .collect(),
            InstKind::LoadGlobal { .. }
            | InstKind::DefFunction { .. }
            | InstKind::TailFrame { .. }
            | InstKind::InitialSum { .. } => Vec::new(),
            InstKind::BuildList { items, .. }
            | InstKind::BuildTuple { items, .. }
            | InstKind::BuildSet { items, .. }
            | InstKind::JoinStr { parts: items, .. } => items.iter_mut().collect(),
            InstKind::BuildDict { keys, values, .. } => {
                keys.iter_mut().chain(values.iter_mut()).collect()
            }
            InstKind::GetItem { value, index, .. } | InstKind::DelItem { value, index } => {
                vec![value, index]
            }
            InstKind::SetItem { value, index, item } => vec![value, index, item],
            InstKind::Slice {
                value,
                start,
                stop,
                step,
                ..
            }
            | InstKind::DelSlice {
                value,
                start,
                stop,
                step,
            } => std::iter::once(value)
                .chain(start.iter_mut())
                .chain(stop.iter_mut())
                .chain(step.iter_mut())
                .collect(),
            InstKind::SetSlice {
                value,
                start,
                stop,
                step,
                item,
            } => std::iter::once(value)
                .chain(start.iter_mut())
                .chain(stop.iter_mut())
                .chain(step.iter_mut())
                .chain(std::iter::once(item))
                .collect(),
            InstKind::Format { value, spec, .. } => {
                std::iter::once(value).chain(spec.iter_mut()).collect()
            }
        }
    }

    /// The variable this instruction defines, if any.
    pub fn dst(&self) -> Option<VarId> {
        match self {
            InstKind::Copy { dst, .. }
            | InstKind::Binary { dst, .. }
            | InstKind::Unary { dst, .. }
            | InstKind::Not { dst, .. }
            | InstKind::Compare { dst, .. }
            | InstKind::Truth { dst, .. }
            | InstKind::Index { dst, .. }
            | InstKind::Call { dst, .. }
            | InstKind::CallBuiltin { dst, .. }
            | InstKind::CallValue { dst, .. }
            | InstKind::LoadGlobal { dst, .. }
            | InstKind::BuildList { dst, .. }
            | InstKind::BuildDict { dst, .. }
            | InstKind::BuildSet { dst, .. }
            | InstKind::BuildTuple { dst, .. }
            | InstKind::GetItem { dst, .. }
            | InstKind::Slice { dst, .. }
            | InstKind::CallMethod { dst, .. }
            | InstKind::Format { dst, .. }
            | InstKind::JoinStr { dst, .. }
            | InstKind::InitialSum { dst } => Some(*dst),
            InstKind::StoreGlobal { .. }
            | InstKind::DefFunction { .. }
            | InstKind::TailFrame { .. }
            | InstKind::SetItem { .. }
            | InstKind::DelItem { .. }
            | InstKind::DelSlice { .. }
            | InstKind::SetSlice { .. }
            | InstKind::UnpackCheck { .. } => None,
        }
    }

    /// The variable the instruction writes, to redirect it.
    pub fn dst_mut(&mut self) -> Option<&mut VarId> {
        match self {
            InstKind::Copy { dst, .. }
            | InstKind::Binary { dst, .. }
            | InstKind::Unary { dst, .. }
            | InstKind::Not { dst, .. }
            | InstKind::Compare { dst, .. }
            | InstKind::Truth { dst, .. }
            | InstKind::Index { dst, .. }
            | InstKind::Call { dst, .. }
            | InstKind::CallBuiltin { dst, .. }
            | InstKind::CallValue { dst, .. }
            | InstKind::LoadGlobal { dst, .. }
            | InstKind::BuildList { dst, .. }
            | InstKind::BuildDict { dst, .. }
            | InstKind::BuildSet { dst, .. }
            | InstKind::BuildTuple { dst, .. }
            | InstKind::GetItem { dst, .. }
            | InstKind::Slice { dst, .. }
            | InstKind::CallMethod { dst, .. }
            | InstKind::Format { dst, .. }
            | InstKind::JoinStr { dst, .. }
            | InstKind::InitialSum { dst } => Some(dst),
            InstKind::StoreGlobal { .. }
            | InstKind::DefFunction { .. }
            | InstKind::TailFrame { .. }
            | InstKind::SetItem { .. }
            | InstKind::DelItem { .. }
            | InstKind::DelSlice { .. }
            | InstKind::SetSlice { .. }
            | InstKind::UnpackCheck { .. } => None,
        }
    }
}

/// The builtins the native subset knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Print,
    Abs,
    Int,
    Float,
    Bool,
    Min,
    Max,
    Str,
    Repr,
    Len,
    /// A function of the `math` module.
    Math(crate::native::MathFn),
    /// `sys.exit([status])`: ends the program.
    SysExit,
    /// `time.time()`
    TimeTime,
    /// `time.perf_counter()`
    TimePerfCounter,
    /// `sys.argv`
    SysArgv,
    Round,
    Divmod,
    Pow,
    Ord,
    Chr,
    Hex,
    Oct,
    Bin,
    /// `sum(seq[, start])` of a list or tuple (other iterables are made lists first).
    Sum,
    /// `min(seq)` / `max(seq)` of one sequence.
    MinOf,
    MaxOf,
    /// `sorted(seq[, reverse=])`
    Sorted,
    /// `list(seq)`, `list()`
    List,
    /// `any(seq)`, `all(seq)`
    Any,
    All,
    /// Internal, `sum()` run as a loop (`lower/consume.rs`): arguments `start` and
    /// the variable each item passes through; the start as the type of the whole
    /// sum (a float when the items are floats), which the loop's accumulator
    /// starts from. The item variable is read for its type only.
    SumStart,
    /// Internal: room in a list being built for `n` more items (arguments the list
    /// and `n`); MemoryError when the memory cannot be had.
    ListReserve,
    /// Internal, the end of such a loop: arguments the accumulator, `start` and
    /// whether an item came; the sum (the accumulator, or, for a float sum of no
    /// items from an int start, the error `kr_sum_float_slots` raises too).
    SumEnd,
    /// Internal: a value formatted by a `%` conversion, checked during inference to
    /// suit it; the value itself.
    PercentArg(PercentKind),
    /// Internal: whether three ints (a `range()`'s bounds) are all small ints.
    RangeFits,
    /// Internal: a small int as an `i64` counter value (after `RangeFits`).
    RangeBound,
    /// `isinstance(x, classes)` with builtin classes named in the source: a set of
    /// runtime type kinds (`kr_tkind` bits; `int` includes `bool`, its subclass).
    IsInstance(u16),
    /// `len(range(start, stop, step))` from the three (int) bounds.
    RangeLen,
    /// `x in range(start, stop, step)`: arguments start, stop, step, x.
    RangeContains,
    /// Internal: the length of a sequence a `for` loop or comprehension walks by
    /// index (as `len`, with the errors of `iter()`: "'int' object is not
    /// iterable"); true when CPython underlines the expression (a comprehension's
    /// first iterable), false for a `for` statement (no caret line).
    IterLen(bool),
    /// `dict()` or `dict(d)` (a copy).
    Dict,
    /// `set()` or `set(items)` of a list, tuple or str (lowering makes any other
    /// iterable a list first).
    Set,
    /// Internal: the elements of a set as a new list, in its iteration order (what
    /// a loop over a set walks).
    SetList,
    /// Internal: the sequence a loop walks (`lower/dicts.rs`): a dict's keys as a
    /// new list, anything else itself (inference makes it a copy or `DictKeys`).
    Iterable,
    /// Internal: the keys, values or items (pairs) of a dict as a new list, for a
    /// loop over `d.keys()`, `d.values()`, `d.items()`.
    DictKeys,
    DictValues,
    DictItems,
    /// `sys.stdout.write(s)` / `sys.stderr.write(s)`: arguments the file descriptor
    /// (a constant 1 or 2) and the str.
    StreamWrite,
    /// `sys.stdout.flush()` / `sys.stderr.flush()`: argument the file descriptor.
    StreamFlush,
    /// Internal: `list.sort(key=...)` once the keys are computed: arguments the
    /// list, the list of its items' keys (in order) and `reverse`.
    SortByKeys,
    /// Internal: a range()'s step, checked to be non-zero (ValueError at the
    /// range() call, as CPython's constructor raises it).
    RangeStep,
}

impl Builtin {
    /// Whether a call with `arity` arguments that may be None runs, raising
    /// CPython's TypeError at run time for a None (`len(x)`, `abs(x)`,
    /// `max(a, b)`...); other builtins refuse such arguments at compile time.
    pub fn checks_none(self, arity: usize) -> bool {
        match self {
            Builtin::Len | Builtin::IterLen(_) => true,
            Builtin::Abs
            | Builtin::Float
            | Builtin::Ord
            | Builtin::Chr
            | Builtin::Hex
            | Builtin::Oct
            | Builtin::Bin
            | Builtin::Sum
            | Builtin::Sorted
            | Builtin::MinOf
            | Builtin::MaxOf
            | Builtin::Int
            | Builtin::Round => arity == 1,
            Builtin::Min | Builtin::Max | Builtin::Pow | Builtin::Divmod => arity == 2,
            _ => false,
        }
    }

    /// Builtins whose first argument is iterated over (a generator expression
    /// passed to them is collected into a list first).
    pub fn takes_iterable(self) -> bool {
        matches!(
            self,
            Builtin::Set
                | Builtin::Sum
                | Builtin::MinOf
                | Builtin::MaxOf
                | Builtin::Sorted
                | Builtin::List
                | Builtin::Any
                | Builtin::All
        )
    }

    pub fn from_name(name: &str) -> Option<Builtin> {
        Some(match name {
            "print" => Builtin::Print,
            "abs" => Builtin::Abs,
            "int" => Builtin::Int,
            "float" => Builtin::Float,
            "bool" => Builtin::Bool,
            "min" => Builtin::Min,
            "max" => Builtin::Max,
            "str" => Builtin::Str,
            "repr" => Builtin::Repr,
            "len" => Builtin::Len,
            "round" => Builtin::Round,
            "divmod" => Builtin::Divmod,
            "pow" => Builtin::Pow,
            "ord" => Builtin::Ord,
            "chr" => Builtin::Chr,
            "hex" => Builtin::Hex,
            "oct" => Builtin::Oct,
            "bin" => Builtin::Bin,
            "sum" => Builtin::Sum,
            "sorted" => Builtin::Sorted,
            "list" => Builtin::List,
            "any" => Builtin::Any,
            "all" => Builtin::All,
            "dict" => Builtin::Dict,
            "set" => Builtin::Set,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Builtin::Print => "print",
            Builtin::Abs => "abs",
            Builtin::Int => "int",
            Builtin::Float => "float",
            Builtin::Bool => "bool",
            Builtin::Min => "min",
            Builtin::Max => "max",
            Builtin::Str => "str",
            Builtin::Repr => "repr",
            Builtin::Len => "len",
            Builtin::Math(f) => f.name(),
            Builtin::SysExit => "exit",
            Builtin::TimeTime => "time",
            Builtin::TimePerfCounter => "perf_counter",
            Builtin::SysArgv => "argv",
            Builtin::Round => "round",
            Builtin::Divmod => "divmod",
            Builtin::Pow => "pow",
            Builtin::Ord => "ord",
            Builtin::Chr => "chr",
            Builtin::Hex => "hex",
            Builtin::Oct => "oct",
            Builtin::Bin => "bin",
            Builtin::Sum => "sum",
            Builtin::MinOf => "min",
            Builtin::MaxOf => "max",
            Builtin::Sorted => "sorted",
            Builtin::List => "list",
            Builtin::Any => "any",
            Builtin::All => "all",
            Builtin::SumStart | Builtin::SumEnd => "sum",
            Builtin::ListReserve => "list",
            Builtin::SortByKeys => "sort",
            Builtin::Dict => "dict",
            Builtin::Set => "set",
            Builtin::SetList => "iter",
            Builtin::Iterable => "iter",
            Builtin::DictKeys => "keys",
            Builtin::DictValues => "values",
            Builtin::DictItems => "items",
            Builtin::StreamWrite => "write",
            Builtin::StreamFlush => "flush",
            Builtin::RangeFits | Builtin::RangeBound => "range",
            Builtin::PercentArg(_) => "%",
            Builtin::IsInstance(_) => "isinstance",
            Builtin::IterLen(_) => "iter",
            Builtin::RangeLen | Builtin::RangeContains | Builtin::RangeStep => "range",
        }
    }
}

/// The `kr_tkind` bits of the values that are instances of builtin class `name`
/// (`None` for names that are not such a class).
pub fn class_kinds(name: &str) -> Option<u16> {
    const BOOL: u16 = 1 << 2;
    Some(match name {
        "bool" => BOOL,
        "int" => (1 << 3) | BOOL,
        "float" => 1 << 4,
        "str" => 1 << 5,
        "list" => 1 << 6,
        "tuple" => 1 << 7,
        _ => return None,
    })
}

/// What a `%` conversion requires of its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PercentKind {
    /// `%s`, `%r` of the only value after `%`: anything but a tuple (Python would
    /// spread a tuple's items over the conversions).
    Lone,
    /// `%s`, `%r` of an item of a tuple display: anything.
    Any,
    /// `%d`, `%i`, `%u` (floats are truncated), `%e`, `%f`, `%g`: int, bool or float.
    Number,
    /// `%x`, `%X`, `%o`: int or bool.
    Integer,
    /// `%d`, `%i`, `%u`: int, bool or float, as an int (a float truncated, as
    /// `int()` would, but without a call of `int`).
    Truncated,
}

/// The built-in exception classes lowering raises itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExcClass {
    AssertionError,
    ValueError,
    ZeroDivisionError,
    IndexError,
    OverflowError,
    TypeError,
    /// Its message is shown as `repr(message)`, as Python's KeyError does.
    KeyError,
    RuntimeError,
    NotImplementedError,
    /// Plain `Exception`.
    Exception,
}

impl ExcClass {
    pub fn from_name(name: &str) -> Option<ExcClass> {
        Some(match name {
            "AssertionError" => ExcClass::AssertionError,
            "ValueError" => ExcClass::ValueError,
            "ZeroDivisionError" => ExcClass::ZeroDivisionError,
            "IndexError" => ExcClass::IndexError,
            "OverflowError" => ExcClass::OverflowError,
            "TypeError" => ExcClass::TypeError,
            "KeyError" => ExcClass::KeyError,
            "RuntimeError" => ExcClass::RuntimeError,
            "NotImplementedError" => ExcClass::NotImplementedError,
            "Exception" => ExcClass::Exception,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            ExcClass::AssertionError => "AssertionError",
            ExcClass::ValueError => "ValueError",
            ExcClass::ZeroDivisionError => "ZeroDivisionError",
            ExcClass::IndexError => "IndexError",
            ExcClass::OverflowError => "OverflowError",
            ExcClass::TypeError => "TypeError",
            ExcClass::KeyError => "KeyError",
            ExcClass::RuntimeError => "RuntimeError",
            ExcClass::NotImplementedError => "NotImplementedError",
            ExcClass::Exception => "Exception",
        }
    }
}

#[derive(Clone, Debug, Default)]
pub enum Terminator {
    Jump(BlockId),
    /// `cond` is a `bool` operand.
    Branch {
        cond: Operand,
        then_block: BlockId,
        else_block: BlockId,
    },
    Return(Operand),
    /// `raise Class(message)`.
    Raise {
        class: ExcClass,
        message: Option<Operand>,
    },
    /// Control never gets here (the end of a block nothing jumps out of).
    #[default]
    Unreachable,
}

impl Terminator {
    /// The operands the terminator reads.
    pub fn operands(&self) -> Vec<&Operand> {
        match self {
            Terminator::Branch { cond, .. } => vec![cond],
            Terminator::Return(value) => vec![value],
            Terminator::Raise { message, .. } => message.iter().collect(),
            Terminator::Jump(_) | Terminator::Unreachable => Vec::new(),
        }
    }

    pub fn successors(&self) -> Vec<BlockId> {
        match self {
            Terminator::Jump(b) => vec![*b],
            Terminator::Branch {
                then_block,
                else_block,
                ..
            } => vec![*then_block, *else_block],
            _ => Vec::new(),
        }
    }
}

impl Function {
    pub fn var(&self, id: VarId) -> &Var {
        &self.vars[id.index()]
    }

    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.index()]
    }

    /// The control-flow graph as a petgraph graph (nodes are block indices), for
    /// graph algorithms and Graphviz output.
    pub fn graph(&self) -> DiGraphMap<u32, ()> {
        let mut g = DiGraphMap::new();
        for (i, block) in self.blocks.iter().enumerate() {
            g.add_node(i as u32);
            for s in block.term.successors() {
                g.add_edge(i as u32, s.0, ());
            }
        }
        g
    }

    /// Per block: whether control can reach it from the entry block. Code after
    /// `return`, or after a `while True:` nothing breaks out of, cannot; its
    /// instructions take no part in inference and compile to nothing.
    pub fn reachable_blocks(&self) -> Vec<bool> {
        let mut reachable = vec![false; self.blocks.len()];
        let mut work = vec![0usize];
        while let Some(b) = work.pop() {
            if b >= reachable.len() || reachable[b] {
                continue;
            }
            reachable[b] = true;
            work.extend(self.blocks[b].term.successors().iter().map(|s| s.index()));
        }
        reachable
    }

    /// The type of an operand in this function.
    pub fn operand_type(&self, op: &Operand) -> Type {
        match op {
            Operand::Var(v) => self.var(*v).ty.clone(),
            Operand::Const(c) => c.ty(),
        }
    }
}

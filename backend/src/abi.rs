//! Facts about the C runtime that generated code depends on, read from its header.
//!
//! The exception kinds are a C enum in `runtime-c/include/krait.h`, which the runtime
//! helper extends as it adds classes. Rather than copying the numbers (and silently
//! drifting when someone inserts a kind), the header is compiled into krait and the
//! enum is read from it: a kind that does not exist is an internal error at build
//! time, never a wrong exception at run time.

const KRAIT_H: &str = include_str!("../../runtime-c/include/krait.h");

/// The numeric value of the enumerator `name` of `kr_exc_kind`, if the header has it.
pub fn exc_kind_value(name: &str) -> Option<i64> {
    let start = KRAIT_H.find("typedef enum kr_exc_kind")?;
    let body_start = start + KRAIT_H[start..].find('{')? + 1;
    let body_end = body_start + KRAIT_H[body_start..].find('}')?;
    let mut next = 0i64;
    for item in strip_comments(&KRAIT_H[body_start..body_end]).split(',') {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        let (ident, value) = match item.split_once('=') {
            Some((ident, value)) => (ident.trim(), parse_c_int(value.trim())?),
            None => (item, next),
        };
        if ident == name {
            return Some(value);
        }
        next = value + 1;
    }
    None
}

fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        match rest[i..].find("*/") {
            Some(j) => rest = &rest[i + j + 2..],
            None => return out,
        }
    }
    out.push_str(rest);
    out.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn parse_c_int(text: &str) -> Option<i64> {
    match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => i64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

/// The runtime's enumerator for a built-in exception class that lowering raises.
pub fn exc_class_enumerator(class: typeinfer::ir::ExcClass) -> &'static str {
    use typeinfer::ir::ExcClass;
    match class {
        ExcClass::AssertionError => "KR_EXC_ASSERTION",
        ExcClass::ValueError => "KR_EXC_VALUE",
        ExcClass::ZeroDivisionError => "KR_EXC_ZERO_DIVISION",
        ExcClass::IndexError => "KR_EXC_INDEX",
        ExcClass::OverflowError => "KR_EXC_OVERFLOW",
        ExcClass::TypeError => "KR_EXC_TYPE",
        ExcClass::KeyError => "KR_EXC_KEY",
        ExcClass::RuntimeError => "KR_EXC_RUNTIME",
        ExcClass::NotImplementedError => "KR_EXC_NOT_IMPLEMENTED",
        ExcClass::Exception => "KR_EXC_EXCEPTION",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_exception_enum() {
        assert_eq!(exc_kind_value("KR_EXC_NONE"), Some(0));
        assert_eq!(exc_kind_value("KR_EXC_ZERO_DIVISION"), Some(1));
        assert_eq!(exc_kind_value("KR_EXC_NO_SUCH_KIND"), None);
    }
}

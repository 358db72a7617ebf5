//! Private name mangling: inside `class C`, `__spam` means `_C__spam`.

/// The name CPython stores for `name` inside the class named `class_name`
/// (CPython's `_Py_Mangle`): names that do not start with two underscores, end
/// with two underscores (dunders) or contain a dot are left alone, and so is
/// everything in a class whose name is all underscores.
pub fn mangle(class_name: Option<&str>, name: &str) -> Box<str> {
    let Some(class_name) = class_name else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn mangles_like_cpython() {
        assert_eq!(&*mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(&*mangle(Some("__C"), "__x"), "_C__x");
        assert_eq!(&*mangle(Some("___"), "__x"), "__x");
        assert_eq!(&*mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(&*mangle(Some("C"), "_x"), "_x");
        assert_eq!(&*mangle(None, "__x"), "__x");
        assert_eq!(&*mangle(Some("C"), "__a.b"), "__a.b");
    }
}

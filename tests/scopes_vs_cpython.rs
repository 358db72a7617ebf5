//! The symbol tables' proof: on the standard library of the host CPython 3.11,
//! `SymbolTable::dump` prints exactly what the reference printer
//! (tests/reference/symtable_dump.py) prints from CPython's `symtable` module, and
//! the files `symtable` rejects are rejected by krait's parser or scope builder.
//!
//! `scopes_match_cpython_on_a_stdlib_sample` runs on a spread of about 300 files in
//! the default test run; `scopes_match_cpython_on_the_whole_stdlib` is `#[ignore]`d
//! and covers every file (`scripts/check-stdlib`). See docs/testing.md.

mod common;

use common::Krait;
use frontend::scopes::SymbolTable;

/// krait's side: parse, build the symbol tables, print them.
fn krait_scopes(name: &str, bytes: &[u8]) -> Krait {
    let (file, result) = frontend::parse_bytes(name, bytes);
    let tables = result.and_then(|module| SymbolTable::build(&module, &file));
    match tables {
        Ok(tables) => Krait::Ok(tables.dump()),
        Err(error) => common::krait_error(&file, &error),
    }
}

fn compare(full: bool) {
    let (stdlib, files) = common::files_under_test(full);
    let references = common::run_reference("symtable_dump.py", &files);
    common::compare("scopes", &stdlib, &files, &references, krait_scopes).assert_all_identical();
}

#[test]
fn scopes_match_cpython_on_a_stdlib_sample() {
    compare(false);
}

#[test]
#[ignore = "the whole stdlib: run with --ignored, or scripts/check-stdlib"]
fn scopes_match_cpython_on_the_whole_stdlib() {
    compare(true);
}

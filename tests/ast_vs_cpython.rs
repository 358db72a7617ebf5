//! The parser's proof: on the standard library of the host CPython 3.11, krait's
//! `ast.dump(..., include_attributes=True)` text is identical to CPython's, and the
//! files CPython rejects are rejected.
//!
//! `ast_matches_cpython_on_a_stdlib_sample` runs on a spread of about 300 files (every
//! k-th in path order, plus the files CPython rejects) in the default test run.
//! `ast_matches_cpython_on_the_whole_stdlib` is `#[ignore]`d and covers every file;
//! `scripts/check-stdlib` runs it in release mode. See docs/testing.md.

mod common;

use common::Krait;

/// krait's side: parse, then print as `ast.dump` would, with the newline `print` adds.
fn krait_dump(name: &str, bytes: &[u8]) -> Krait {
    let (file, result) = frontend::parse_bytes(name, bytes);
    match result {
        Ok(module) => {
            let mut text = frontend::dump::dump_module(&module, &file.lines, true);
            text.push('\n');
            Krait::Ok(text)
        }
        Err(error) => common::krait_error(&file, &error),
    }
}

fn compare(full: bool) {
    let (stdlib, files) = common::files_under_test(full);
    let references = common::run_reference("ast_dump.py", &files);
    common::compare("ast", &stdlib, &files, &references, krait_dump).assert_all_identical();
}

#[test]
fn ast_matches_cpython_on_a_stdlib_sample() {
    compare(false);
}

#[test]
#[ignore = "the whole stdlib: run with --ignored, or scripts/check-stdlib"]
fn ast_matches_cpython_on_the_whole_stdlib() {
    compare(true);
}

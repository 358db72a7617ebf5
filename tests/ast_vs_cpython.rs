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

/// Constants and names the stdlib rarely or never spells: lone surrogates, every
/// escape class of `repr`, floats at the edges of the positional range, ties between
/// equally short float digit strings, big integers, NFKC-normalised identifiers.
const TRICKY_CONSTANTS: &str = r##"s = ['\ud800', '\udfff\ud800x', '\x00\x1f\x7f\x80\x9f\xa0\xad\xff', '\u0100\u2028\u2029\u200b\ufeff\uffff',
     '\U0001F600\U000e0001\U0010ffff\U000F0000', "'", '"', '\'"', "\\", '\t\n\r\x0b\x0c', 'é中ǅ', '\N{EMPTY SET}',
     u'kind', 'a' 'b', 'x' u'y', r'\d\'', """tri
ple""", '\u3000\u00a0 ', '\u0378', '\U000E01EF\U000E01F0']
b = [b'', b'\x00\x7f\x80\xff', b"'", b'"', b'\'"', b'\\\t\n\r', rb'\x00', br'"\'']
n = [0, 1, -1, 0x7fffffffffffffff, 0x8000000000000000, 9223372036854775808, 18446744073709551616,
     0xdeadbeef_cafebabe_12345678, 0o777, 0b1010, 1_000_000, 123456789012345678901234567890123456789]
f = [0.0, 1.0, 1.5, 1e16, 1e15, 1e-5, 1e-4, 0.1, 1e22, 1e308, 1e309, 5e-324, 2.5e-324, 1_0.5e1_0, 3.14e-10,
     .5, 5., 123456789012345678.0, 9999999999999998.0, 0.30000000000000004, 1e-7, 2e-1000, 4.9406564584124654e-324]
c = [0j, 1j, 1.5j, 1e16j, 1e-5j, 1e400j, 1_0j, 10E5J, 0.1j]
e = [..., None, True, False, Ellipsis]
fs = f"{x!r:>{w}.{p}f} {y!s} {z!a} {{}} {'nested'} {a=} {b = !r:10}"
ñame = ﬁle = 𝔘nicode = Ωmega.ǅx = 1
def g(ā, *ß, ĸ=1, **ŀ): return -0.0, -1e16, ~0, not 0
"##;

#[test]
fn ast_matches_cpython_on_tricky_constants() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("tricky-constants-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a scratch directory");
    let path = dir.join("tricky.py");
    std::fs::write(&path, TRICKY_CONSTANTS).expect("write the test file");
    let files = vec![path];
    let references = common::run_reference("ast_dump.py", &files);
    let comparison = common::compare("ast", &dir, &files, &references, krait_dump);
    let _ = std::fs::remove_dir_all(&dir);
    comparison.assert_all_identical();
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

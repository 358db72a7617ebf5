//! Fuzz target `parse`: arbitrary bytes through the whole frontend.
//!
//! Any input must end in an AST or a `SyntaxError`; a panic, a hang (libFuzzer's
//! `-timeout`) or a stack overflow is a bug. On success the AST is also dumped and
//! its symbol tables built, since those passes walk whatever shape the parser made;
//! on failure the error is located and rendered, since that slices the source.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (file, result) = frontend::parse_bytes("<fuzz>", data);
    match result {
        Ok(module) => {
            let _ = frontend::dump::dump_module(&module, &file.lines, true);
            if let Ok(table) = frontend::scopes::SymbolTable::build(&module, &file) {
                let _ = table.dump();
            }
        }
        Err(error) => {
            // The parser runs on its own thread and reports a panic there as an
            // "internal error"; make libFuzzer see it as the crash it is.
            assert!(
                !error.message.starts_with("internal error"),
                "{}",
                error.message
            );
            let _ = error.line_col(&file);
            let _ = error.short(&file);
            let _ = error.render(&file, false);
        }
    }
});

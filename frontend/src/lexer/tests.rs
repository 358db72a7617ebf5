//! Tokenizer tests: token streams, layout and errors, each checked against
//! CPython 3.11 (`ast.parse`) by hand, plus an ignored sweep over the stdlib.

use super::{tokenize, tokenize_expression, LexErrorCode};
use crate::ast::TextRange;
use crate::source::LineIndex;
use crate::token::TokenKind::{self, *};

/// `String` is a token kind here.
type Text = std::string::String;

fn kinds(source: &str) -> Vec<TokenKind> {
    let lexed = tokenize(source);
    assert!(
        lexed.error.is_none(),
        "{source:?}: {:?}",
        lexed.error.map(|e| e.error)
    );
    lexed.tokens.iter().map(|t| t.kind).collect()
}

/// The error's message and CPython's (line, 1-based column).
fn error(source: &str) -> (Text, u32, u32) {
    let lexed = tokenize(source);
    let e = lexed.error.expect("an error").error;
    let (line, col) = LineIndex::new(source).line_col(e.range.start);
    (e.message, line, col + 1)
}

fn err(message: &str, line: u32, col: u32) -> (Text, u32, u32) {
    (message.to_owned(), line, col)
}

#[test]
fn simple_statements() {
    assert_eq!(kinds("x = 1\n"), [Name, Equal, Int, Newline, EndOfFile]);
    assert_eq!(kinds("x = 1"), [Name, Equal, Int, Newline, EndOfFile]);
    assert_eq!(kinds(""), [EndOfFile]);
    assert_eq!(kinds("\n\n# c\n   \n"), [EndOfFile]);
    assert_eq!(
        kinds("a.b(c)[d] # c"),
        [Name, Dot, Name, LPar, Name, RPar, LSqb, Name, RSqb, Newline, EndOfFile]
    );
}

#[test]
fn layout() {
    assert_eq!(
        kinds("if x:\n    y\n\n  # c\n    z\nw\n"),
        [
            If, Name, Colon, Newline, Indent, Name, Newline, Name, Newline, Dedent, Name, Newline,
            EndOfFile
        ]
    );
    assert_eq!(
        kinds("if x:\n if y:\n  z"),
        [
            If, Name, Colon, Newline, Indent, If, Name, Colon, Newline, Indent, Name, Newline,
            Dedent, Dedent, EndOfFile
        ]
    );
    // Brackets swallow newlines and indentation.
    assert_eq!(
        kinds("f(a,\n      b)\n"),
        [Name, LPar, Name, Comma, Name, RPar, Newline, EndOfFile]
    );
    // Continuation lines.
    assert_eq!(
        kinds("x = 1 + \\\n  2\n"),
        [Name, Equal, Int, Plus, Int, Newline, EndOfFile]
    );
    assert_eq!(kinds("\\\n\nx=1"), [Name, Equal, Int, Newline, EndOfFile]);
    // Form feed resets the column; tabs go to multiples of 8.
    assert_eq!(
        kinds("if 1:\n  \x0c x\n"),
        [If, Int, Colon, Newline, Indent, Name, Newline, Dedent, EndOfFile]
    );
    assert_eq!(
        kinds("if 1:\n\tx\n\ty\n"),
        [If, Int, Colon, Newline, Indent, Name, Newline, Name, Newline, Dedent, EndOfFile]
    );
}

#[test]
fn positions() {
    let lexed = tokenize("if x:\n  y");
    let ranges: Vec<(TokenKind, TextRange)> =
        lexed.tokens.iter().map(|t| (t.kind, t.range)).collect();
    assert_eq!(ranges[3], (Newline, TextRange::new(5, 6)));
    assert_eq!(ranges[4], (Indent, TextRange::new(8, 8)));
    assert_eq!(ranges[6], (Newline, TextRange::new(9, 9)));
    assert_eq!(ranges[7], (Dedent, TextRange::new(9, 9)));
    assert_eq!(ranges[8], (EndOfFile, TextRange::new(9, 9)));
}

#[test]
fn keywords_and_names() {
    assert_eq!(
        kinds("match case _ type await async None"),
        [Name, Name, Name, Name, Await, Async, None, Newline, EndOfFile]
    );
    assert_eq!(kinds("é = ﬁ"), [Name, Equal, Name, Newline, EndOfFile]);
    assert_eq!(kinds("ub'x' bu"), [Name, String, Name, Newline, EndOfFile]);
}

#[test]
fn numbers() {
    assert_eq!(
        kinds("1 1.5 1e5 1j .5 0x_f 0o7 0b1 1_0"),
        [Int, Float, Float, Imaginary, Float, Int, Int, Int, Int, Newline, EndOfFile]
    );
    assert_eq!(
        kinds("1if x else 2"),
        [Int, If, Name, Else, Int, Newline, EndOfFile]
    );
    assert_eq!(
        kinds("0o1for 1else 1.0e1and 1jor"),
        [Int, For, Int, Else, Float, And, Imaginary, Or, Newline, EndOfFile]
    );
    assert_eq!(
        kinds("00 0_0 09.5 09j 0e1"),
        [Int, Int, Float, Imaginary, Float, Newline, EndOfFile]
    );
}

#[test]
fn number_errors() {
    let leading = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
    assert_eq!(error("0777"), err(leading, 1, 1));
    assert_eq!(error("0_7"), err(leading, 1, 1));
    assert_eq!(error("1_000_"), err("invalid decimal literal", 1, 6));
    assert_eq!(error("0x"), err("invalid hexadecimal literal", 1, 2));
    assert_eq!(
        error("0b12"),
        err("invalid digit '2' in binary literal", 1, 4)
    );
    assert_eq!(
        error("0o8"),
        err("invalid digit '8' in octal literal", 1, 3)
    );
    assert_eq!(error("0o_"), err("invalid octal literal", 1, 3));
    assert_eq!(error("1__0"), err("invalid decimal literal", 1, 2));
    assert_eq!(error("1e"), err("invalid decimal literal", 1, 1));
    assert_eq!(error("1e+"), err("invalid decimal literal", 1, 3));
    assert_eq!(error("1abc"), err("invalid decimal literal", 1, 1));
    assert_eq!(error("012e"), err("invalid decimal literal", 1, 3));
    assert_eq!(error("1.__class__"), err("invalid decimal literal", 1, 2));
    assert_eq!(error("1.5e_1"), err("invalid decimal literal", 1, 3));
    assert_eq!(error("1jk"), err("invalid imaginary literal", 1, 2));
    assert_eq!(error("0x1_"), err("invalid hexadecimal literal", 1, 4));
    // A non-ASCII character ends the number and is judged on its own.
    assert_eq!(
        error("x = 1\u{a0}"),
        err("invalid non-printable character U+00A0", 1, 6)
    );
}

#[test]
fn strings() {
    let source = r#"'a' '\'' b'x' rb'\' ' F'{x}' '''a'b''' '' """
""""#;
    assert_eq!(
        kinds(source),
        [String, String, String, String, String, String, String, String, Newline, EndOfFile]
    );
    assert_eq!(kinds("'a\\\nb'"), [String, Newline, EndOfFile]);
    assert_eq!(
        error("x = 'abc"),
        err("unterminated string literal (detected at line 1)", 1, 5)
    );
    assert_eq!(
        error("x = 'abc\\\ndef\n"),
        err("unterminated string literal (detected at line 2)", 1, 5)
    );
    assert_eq!(
        error("'''abc\n\n"),
        err(
            "unterminated triple-quoted string literal (detected at line 2)",
            1,
            1
        )
    );
    assert_eq!(
        error("rb'abc\n"),
        err("unterminated string literal (detected at line 1)", 1, 1)
    );
}

#[test]
fn brackets() {
    assert_eq!(error("x = )"), err("unmatched ')'", 1, 5));
    assert_eq!(
        error("x = (]"),
        err(
            "closing parenthesis ']' does not match opening parenthesis '('",
            1,
            6
        )
    );
    assert_eq!(
        error("x = [1,\n2)"),
        err(
            "closing parenthesis ')' does not match opening parenthesis '[' on line 1",
            2,
            2
        )
    );
    let deep = format!("x = {}{}", "(".repeat(200), ")".repeat(200));
    assert!(tokenize(&deep).error.is_none());
    let too_deep = format!("x = {}{}", "(".repeat(201), ")".repeat(201));
    assert_eq!(error(&too_deep), err("too many nested parentheses", 1, 205));
    let lexed = tokenize("f(a,\n  [b");
    let e = lexed.error.expect("eof");
    assert_eq!(e.code, LexErrorCode::Eof);
    assert!(!e.overrides_parser_errors);
    assert_eq!(lexed.open_brackets.len(), 2);
    assert_eq!(lexed.open_brackets[1].kind, LSqb);
    assert_eq!(lexed.open_brackets[0].range, TextRange::new(1, 2));
}

#[test]
fn indentation_errors() {
    assert_eq!(
        error("if x:\n  a\n b\n"),
        err("unindent does not match any outer indentation level", 3, 3)
    );
    assert_eq!(
        error("if x:\n\ta\n        b\n"),
        err("inconsistent use of tabs and spaces in indentation", 3, 1)
    );
    assert_eq!(
        error("if 1:\n        x\n\ty\n"),
        err("inconsistent use of tabs and spaces in indentation", 3, 1)
    );
    assert_eq!(
        error("if 1:\n  \tx\n\t  y\n"),
        err("inconsistent use of tabs and spaces in indentation", 3, 1)
    );
    let mut deep = Text::from("if 1:\n");
    for i in 0..100 {
        deep += &format!("{}if 1:\n", " ".repeat(i + 1));
    }
    deep += &" ".repeat(102);
    deep += "x\n";
    assert_eq!(error(&deep), err("too many levels of indentation", 101, 1));
    let codes = [
        ("if x:\n  a\n b\n", LexErrorCode::Dedent),
        ("if x:\n\ta\n        b\n", LexErrorCode::TabSpace),
    ];
    for (source, code) in codes {
        let e = tokenize(source).error.expect("error");
        assert_eq!(e.code, code);
        assert!(!e.overrides_parser_errors);
    }
}

#[test]
fn character_errors() {
    assert_eq!(
        error("x = 1 €"),
        err("invalid character '€' (U+20AC)", 1, 7)
    );
    assert_eq!(
        error("a€b = 1"),
        err("invalid character '€' (U+20AC)", 1, 2)
    );
    assert_eq!(
        error("a \x01 b"),
        err("invalid non-printable character U+0001", 1, 3)
    );
    assert_eq!(
        error("x = 1 \u{200b}"),
        err("invalid non-printable character U+200B", 1, 7)
    );
    assert_eq!(
        error("a = 1\\ b"),
        err(
            "unexpected character after line continuation character",
            1,
            7
        )
    );
    assert_eq!(
        error("x = 1 + \\"),
        err("unexpected EOF while parsing", 1, 10)
    );
    assert_eq!(
        error("x=1\n  \\\n"),
        err("unexpected EOF while parsing", 2, 4)
    );
    let e = tokenize("a $ b").error.expect("error");
    assert_eq!(e.code, LexErrorCode::ErrorToken);
    assert_eq!(e.error.message, "invalid syntax");
    assert_eq!(e.error.range, TextRange::new(2, 3));
}

#[test]
fn operators() {
    assert_eq!(
        kinds("a **= b // c -> d := e ... f != g <<= h >>= i @= j"),
        [
            Name,
            DoubleStarEqual,
            Name,
            DoubleSlash,
            Name,
            RArrow,
            Name,
            ColonEqual,
            Name,
            Ellipsis,
            Name,
            NotEqual,
            Name,
            LeftShiftEqual,
            Name,
            RightShiftEqual,
            Name,
            AtEqual,
            Name,
            Newline,
            EndOfFile
        ]
    );
}

#[test]
fn expressions() {
    let source = "f'{a +\n b}'";
    let lexed = tokenize_expression(source, TextRange::new(3, 9));
    assert!(lexed.error.is_none());
    let got: Vec<(TokenKind, TextRange)> = lexed.tokens.iter().map(|t| (t.kind, t.range)).collect();
    assert_eq!(
        got,
        [
            (Name, TextRange::new(3, 4)),
            (Plus, TextRange::new(5, 6)),
            (Name, TextRange::new(8, 9)),
            (EndOfFile, TextRange::new(9, 9))
        ]
    );
}

/// Lexes every stdlib file; only files CPython itself rejects may fail.
/// Run with `cargo test -p frontend stdlib_lexes -- --ignored`.
#[test]
#[ignore]
fn stdlib_lexes() {
    let root = std::path::Path::new("/root/.pyenv/versions/3.11.7/lib/python3.11");
    let mut stack = vec![root.to_path_buf()];
    let (mut files, mut failures) = (0, Vec::new());
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("site-packages") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "py") {
                let Ok(bytes) = std::fs::read(&path) else {
                    continue;
                };
                files += 1;
                let (file, decode_error) =
                    crate::source::SourceFile::decode(path.display().to_string(), &bytes);
                let error = decode_error.or_else(|| tokenize(&file.text).error.map(|e| e.error));
                if let Some(e) = error {
                    failures.push(e.short(&file));
                }
            }
        }
    }
    failures.sort();
    for f in &failures {
        eprintln!("{f}");
    }
    eprintln!("{files} files, {} lexer errors", failures.len());
    // The files CPython rejects too: bad_coding*, badsyntax_*, py2 grammar tests...
    assert!(
        failures.iter().all(|f| f.contains("bad")
            || f.contains("lib2to3/tests/data")
            || f.contains("tokenizedata")),
        "{failures:#?}"
    );
}

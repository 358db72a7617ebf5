//! Why a program cannot be compiled natively (yet): a construct and where it is.

use frontend::ast::TextRange;
use frontend::SourceFile;

/// A construct outside the native subset, or a type that cannot be represented.
/// Until the CPython fallback exists, this is reported as an error that names the
/// construct and points at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported {
    pub message: String,
    pub range: TextRange,
}

impl Unsupported {
    pub fn new(message: impl Into<String>, range: TextRange) -> Self {
        Unsupported {
            message: message.into(),
            range,
        }
    }

    /// As a frontend diagnostic, so it renders like a syntax error.
    pub fn to_diagnostic(&self) -> frontend::SyntaxError {
        frontend::SyntaxError::new(
            frontend::ErrorKind::SyntaxError,
            format!(
                "not supported by krait's native compiler yet: {}",
                self.message
            ),
            self.range,
        )
    }

    pub fn render(&self, file: &SourceFile, color: bool) -> String {
        let rendered = self.to_diagnostic().render(file, color);
        rendered.replacen("error: SyntaxError: ", "error: ", 1)
    }
}

pub type Result<T> = std::result::Result<T, Unsupported>;

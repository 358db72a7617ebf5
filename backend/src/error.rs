//! What can go wrong in the backend, as one error type the driver reports.
//!
//! Only `Unsupported` is the user's business (a construct the code generator cannot
//! handle yet, rendered like a syntax error). Everything else is krait's fault or the
//! machine's: an internal error names the function it happened in, so an LLVM verifier
//! failure is never shown raw.

use std::fmt;

#[derive(Debug)]
pub enum Error {
    /// A construct outside what code generation supports, with its source range.
    Unsupported(typeinfer::Unsupported),
    /// A bug in krait: invalid IR, a verifier failure, a missing runtime symbol.
    Internal { function: String, message: String },
    /// LLVM could not set up the target or emit code.
    Llvm(String),
    /// Writing the object, the runtime library or the executable failed.
    Io(String),
    /// The system C compiler failed to link the executable.
    Link(String),
}

impl Error {
    pub fn internal(function: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Internal {
            function: function.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Unsupported(u) => write!(
                f,
                "not supported by krait's native compiler yet: {}",
                u.message
            ),
            Error::Internal { function, message } => write!(
                f,
                "internal compiler error in function '{function}': {message} (please report this)"
            ),
            Error::Llvm(m) => write!(f, "LLVM error: {m}"),
            Error::Io(m) => write!(f, "{m}"),
            Error::Link(m) => write!(f, "linking failed: {m}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<typeinfer::Unsupported> for Error {
    fn from(u: typeinfer::Unsupported) -> Self {
        Error::Unsupported(u)
    }
}

pub type Result<T> = std::result::Result<T, Error>;

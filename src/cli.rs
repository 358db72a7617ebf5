//! The command line, declared with clap.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "krait",
    about = "An ahead-of-time compiler from Python to native code"
)]
#[command(disable_version_flag = true)]
pub struct Cli {
    /// Print krait's version and the LLVM version it was built with.
    #[arg(short = 'V', long = "version")]
    pub version: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Parse files; print nothing when all parse, a diagnostic per failing file otherwise.
    Parse {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        format: FormatArgs,
    },
    /// Check files: parse them and build their symbol tables.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        format: FormatArgs,
    },
    /// Print the AST exactly as Python's `ast.dump(ast.parse(source))` does.
    DumpAst {
        file: PathBuf,
        /// Include positions, as `ast.dump(..., include_attributes=True)`.
        #[arg(long)]
        attributes: bool,
        #[command(flatten)]
        format: FormatArgs,
    },
    /// Print the symbol tables as CPython's `symtable` module reports them.
    DumpScopes {
        file: PathBuf,
        #[command(flatten)]
        format: FormatArgs,
    },
    /// Print each function's control-flow graph, as lowered (before inference).
    DumpCfg {
        file: PathBuf,
        /// Print Graphviz instead of text.
        #[arg(long)]
        dot: bool,
        #[command(flatten)]
        format: FormatArgs,
    },
    /// Print every function specialisation with its parameter, local and return types.
    DumpTypes {
        file: PathBuf,
        #[command(flatten)]
        format: FormatArgs,
    },
}

#[derive(clap::Args, Debug, Clone, Copy)]
pub struct FormatArgs {
    /// How diagnostics are printed.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageFormat {
    /// Source excerpt with the error underlined.
    Human,
    /// One line per error: `file:line:column: Kind: message`.
    Short,
}

//! The command line, declared with clap.

use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
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
    /// Compile a program to a native executable (or to LLVM IR, assembly, an object).
    Build {
        file: PathBuf,
        /// Where to write the result (default: the file's name without `.py`, in the
        /// current directory, plus `.ll`, `.s` or `.o` with --emit); `-` is stdout.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// What to produce instead of an executable.
        #[arg(long, value_enum)]
        emit: Option<EmitKind>,
        #[command(flatten)]
        build: BuildArgs,
        #[command(flatten)]
        format: FormatArgs,
    },
    /// Compile a program (or reuse its cached executable) and run it with ARGS.
    Run {
        #[command(flatten)]
        build: BuildArgs,
        #[command(flatten)]
        format: FormatArgs,
        file: PathBuf,
        /// Arguments for the program (sys.argv[1:]).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<OsString>,
    },
}

/// Options shared by `build` and `run`.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct BuildArgs {
    /// Optimisation level, 0 to 3.
    #[arg(short = 'O', value_name = "N", default_value_t = 2,
          value_parser = clap::value_parser!(u8).range(0..=3))]
    pub opt_level: u8,
    /// Neither read nor write the artefact cache (`__pycache__/NAME.krait-*`).
    #[arg(long)]
    pub no_cache: bool,
}

/// What `krait build --emit` writes.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmitKind {
    /// Optimised LLVM IR (text).
    LlvmIr,
    /// Assembly for this machine.
    Asm,
    /// An object file for this machine.
    Obj,
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

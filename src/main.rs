//! The `krait` command: parses the command line and runs the requested stage.
//!
//! Exit codes: 0 success, 1 a diagnostic was reported (e.g. a syntax error),
//! 2 a usage or I/O error.

mod cache;
mod carets;
mod cli;
mod commands;
mod driver;

use clap::Parser;
use std::process::ExitCode;

/// The compiler allocates many small AST nodes; mimalloc makes parsing the
/// standard library about a fifth faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    if cli.version {
        println!("{}", commands::version_text());
        return ExitCode::SUCCESS;
    }
    match cli.command {
        Some(command) => commands::run(command),
        None => {
            eprintln!("krait: no command given; try `krait --help`");
            ExitCode::from(2)
        }
    }
}

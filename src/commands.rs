//! The implementation of each subcommand.

use crate::cli::{Command, FormatArgs, MessageFormat};
use frontend::scopes::SymbolTable;
use frontend::{SourceFile, SyntaxError};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

/// `krait --version`: krait's version and the LLVM it is linked with.
pub fn version_text() -> String {
    let (major, minor, patch) = backend::llvm_version();
    format!(
        "krait {} (LLVM {major}.{minor}.{patch})",
        env!("CARGO_PKG_VERSION")
    )
}

pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Parse { files, format } => check_files(&files, format, false),
        Command::Check { files, format } => check_files(&files, format, true),
        Command::DumpAst {
            file,
            attributes,
            format,
        } => with_module(&file, format, |source, module| {
            frontend::dump::dump_module(module, &source.lines, attributes)
        }),
        Command::DumpCfg { file, dot, format } => {
            with_program(&file, format, false, |source, program| {
                if dot {
                    typeinfer::print::cfg_dot(program)
                } else {
                    typeinfer::print::cfg_text(program, &source.lines)
                }
            })
        }
        Command::DumpTypes { file, format } => with_program(&file, format, true, |_, program| {
            typeinfer::print::types_text(program)
        }),
        Command::Build {
            file,
            output,
            emit,
            build,
            format,
        } => crate::driver::build(&file, output, emit, build, format),
        Command::Run {
            build,
            format,
            file,
            args,
        } => crate::driver::run(&file, &args, build, format),
        Command::DumpScopes { file, format } => {
            let mut failure = None;
            let code = with_module(&file, format, |source, module| {
                match SymbolTable::build(module, source) {
                    Ok(table) => table.dump(),
                    Err(error) => {
                        failure = Some((source.clone(), error));
                        String::new()
                    }
                }
            });
            match failure {
                Some((source, error)) => {
                    report(&source, &error, format);
                    ExitCode::from(1)
                }
                None => code,
            }
        }
    }
}

/// Runs the middle end on one file (lowering only, or with inference) and prints
/// what `show` makes of the program.
fn with_program(
    path: &Path,
    format: FormatArgs,
    infer: bool,
    show: impl FnOnce(&SourceFile, &typeinfer::ir::Program) -> String,
) -> ExitCode {
    let mut failure = None;
    let code = with_module(path, format, |source, module| {
        let result = SymbolTable::build(module, source)
            .map_err(|e| (e, false))
            .and_then(|scopes| {
                let lowered = typeinfer::lower::lower_module(module, &scopes, source);
                let program = if infer {
                    lowered.and_then(|p| typeinfer::specialise(&p))
                } else {
                    lowered
                };
                program.map_err(|u| (u.to_diagnostic(), true))
            });
        match result {
            Ok(program) => show(source, &program),
            Err(error) => {
                failure = Some((source.clone(), error));
                String::new()
            }
        }
    });
    match failure {
        Some((source, (error, unsupported))) => {
            if unsupported && format.message_format == MessageFormat::Human {
                let text = error.render(&source, std::io::stderr().is_terminal());
                eprint!("{}", text.replacen("error: SyntaxError: ", "error: ", 1));
            } else {
                report(&source, &error, format);
            }
            ExitCode::from(1)
        }
        None => code,
    }
}

/// Reads a file, or reports why it cannot be read.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| {
        eprintln!("krait: cannot read {}: {e}", path.display());
        ExitCode::from(2)
    })
}

pub(crate) fn report(file: &SourceFile, error: &SyntaxError, format: FormatArgs) {
    let text = match format.message_format {
        MessageFormat::Short => error.short(file) + "\n",
        MessageFormat::Human => error.render(file, std::io::stderr().is_terminal()),
    };
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// Parses one file and prints what `show` makes of its AST.
fn with_module(
    path: &Path,
    format: FormatArgs,
    show: impl FnOnce(&SourceFile, &frontend::ast::Module) -> String,
) -> ExitCode {
    let bytes = match read(path) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let (source, result) = frontend::parse_bytes(&path.display().to_string(), &bytes);
    match result {
        Ok(module) => {
            let text = show(&source, &module);
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(text.as_bytes());
            if !text.is_empty() && !text.ends_with('\n') {
                let _ = out.write_all(b"\n");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            report(&source, &error, format);
            ExitCode::from(1)
        }
    }
}

/// `krait parse` (silent on success) and `krait check` (one `FILE: ok` line per good
/// file); both print one diagnostic per bad file, in the order the files were given.
/// Files are processed on all cores: each is independent.
fn check_files(paths: &[std::path::PathBuf], format: FormatArgs, scopes: bool) -> ExitCode {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut outcomes: Vec<Option<FileOutcome>> = (0..paths.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                // Big stacks, so the parser runs in place on these threads.
                std::thread::Builder::new()
                    .stack_size(frontend::parser::PARSER_STACK_BYTES)
                    .spawn_scoped(scope, || {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(path) = paths.get(i) else { break };
                            done.push((i, check_one(path, scopes)));
                        }
                        done
                    })
            })
            .collect();
        for handle in handles.into_iter().flatten() {
            for (i, outcome) in handle.join().unwrap_or_default() {
                outcomes[i] = Some(outcome);
            }
        }
    });
    // Files no worker finished (no thread could be started, or one died) are
    // checked here, one by one.
    for (i, outcome) in outcomes.iter_mut().enumerate() {
        if outcome.is_none() {
            *outcome = Some(check_one(&paths[i], scopes));
        }
    }
    let mut worst = 0u8;
    for (path, outcome) in paths.iter().zip(outcomes) {
        match outcome {
            Some(FileOutcome::Ok) if scopes => println!("{}: ok", path.display()),
            Some(FileOutcome::Ok) => {}
            Some(FileOutcome::Unreadable(message)) => {
                eprintln!("krait: cannot read {}: {message}", path.display());
                worst = 2;
            }
            Some(FileOutcome::Error(source, error)) => {
                report(&source, &error, format);
                worst = worst.max(1);
            }
            None => unreachable!("every file was checked"),
        }
    }
    ExitCode::from(worst)
}

enum FileOutcome {
    Ok,
    Unreadable(String),
    Error(Box<SourceFile>, SyntaxError),
}

fn check_one(path: &Path, scopes: bool) -> FileOutcome {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return FileOutcome::Unreadable(e.to_string()),
    };
    let (source, result) = frontend::parse_bytes(&path.display().to_string(), &bytes);
    let result = result.and_then(|module| {
        if scopes {
            SymbolTable::build(&module, &source).map(|_| ())
        } else {
            Ok(())
        }
    });
    match result {
        Ok(()) => FileOutcome::Ok,
        Err(error) => FileOutcome::Error(Box::new(source), error),
    }
}

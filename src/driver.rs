//! `krait build` and `krait run`: the stages end to end.
//!
//! source -> frontend (parse, scopes) -> typeinfer (lower, infer) -> backend (LLVM
//! IR, optimisation, object) -> `cc` (link with the C runtime) -> executable, with
//! the executable cached per `cache`. Code outside the native subset is reported as
//! a diagnostic (exit 1), never a panic; internal and I/O errors exit 2.

use crate::cache::{self, Cache, KeyHasher};
use crate::cli::{BuildArgs, EmitKind, FormatArgs};
use crate::commands::{read, report};
use backend::{Emit, OptLevel, SourceInfo};
use frontend::scopes::SymbolTable;
use frontend::SourceFile;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A program through the frontend and the middle end, or the exit code of the
/// diagnostic that stopped it (already printed).
struct Analysed {
    bytes: Vec<u8>,
    source: SourceFile,
    module: frontend::ast::Module,
    program: typeinfer::ir::Program,
}

fn analyse(path: &Path, format: FormatArgs) -> Result<Analysed, ExitCode> {
    let bytes = read(path)?;
    let (source, parsed) = frontend::parse_bytes(&path.display().to_string(), &bytes);
    let module = parsed.map_err(|e| {
        report(&source, &e, format);
        ExitCode::from(1)
    })?;
    let scopes = SymbolTable::build(&module, &source).map_err(|e| {
        report(&source, &e, format);
        ExitCode::from(1)
    })?;
    frontend::compile_checks::check(&module).map_err(|e| {
        report(&source, &e, format);
        ExitCode::from(1)
    })?;
    let program = typeinfer::compile(&module, &scopes, &source).map_err(|u| {
        report_unsupported(&source, &u, format);
        ExitCode::from(1)
    })?;
    Ok(Analysed {
        bytes,
        source,
        module,
        program,
    })
}

fn report_unsupported(source: &SourceFile, u: &typeinfer::Unsupported, format: FormatArgs) {
    match format.message_format {
        crate::cli::MessageFormat::Human => {
            eprint!("{}", u.render(source, std::io::stderr().is_terminal()))
        }
        crate::cli::MessageFormat::Short => report(source, &u.to_diagnostic(), format),
    }
}

fn report_backend(source: &SourceFile, error: backend::Error, format: FormatArgs) -> ExitCode {
    match error {
        backend::Error::Unsupported(u) => {
            report_unsupported(source, &u, format);
            ExitCode::from(1)
        }
        other => {
            eprintln!("krait: {other}");
            ExitCode::from(2)
        }
    }
}

fn compile(
    analysed: &Analysed,
    level: OptLevel,
    emit: Emit,
    format: FormatArgs,
) -> Result<Vec<u8>, ExitCode> {
    let lines = &analysed.source.lines;
    let line_of = |offset: u32| lines.line(offset);
    let name = traceback_name(&analysed.source.name);
    let carets = |range| crate::carets::caret_line(&analysed.source, range);
    let warnings = syntax_warnings(analysed, &name);
    let info = SourceInfo {
        name: &name,
        line_of: &line_of,
        carets: &carets,
        warnings: &warnings,
    };
    backend::compile(&analysed.program, &info, level, emit)
        .map_err(|e| report_backend(&analysed.source, e, format))
}

/// CPython's compile-time SyntaxWarnings as python3 prints them on stderr:
/// `FILE:LINE: SyntaxWarning: MESSAGE` and the stripped source line.
fn syntax_warnings(analysed: &Analysed, name: &str) -> String {
    let source = &analysed.source;
    let mut text = String::new();
    for (range, message) in frontend::compile_checks::syntax_warnings(&analysed.module) {
        let line = source.lines.line(range.start);
        let start = source.lines.line_start(line) as usize;
        let rest = source.text.get(start..).unwrap_or("");
        let code = rest.lines().next().unwrap_or("").trim();
        text.push_str(&format!(
            "{name}:{line}: SyntaxWarning: {message}\n  {code}\n"
        ));
    }
    text
}

/// The file name tracebacks print: python3 makes the script's path absolute
/// (without resolving symbolic links), so krait does too.
fn traceback_name(path: &str) -> String {
    std::path::absolute(path)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| path.to_string())
}

/// Compiles and links `analysed` into `output`; the runtime library is written to
/// `runtime_dir`.
fn link_executable(
    analysed: &Analysed,
    level: OptLevel,
    runtime_dir: &Path,
    output: &Path,
    format: FormatArgs,
) -> Result<(), ExitCode> {
    let object = compile(analysed, level, Emit::Object, format)?;
    let fail = |e: backend::Error| {
        eprintln!("krait: {e}");
        ExitCode::from(2)
    };
    let runtime = backend::link::install_runtime(runtime_dir, backend::link::RUNTIME_LIBRARY)
        .map_err(fail)?;
    let object_path = output.with_extension(format!("{}.o", std::process::id()));
    std::fs::write(&object_path, &object).map_err(|e| {
        eprintln!("krait: cannot write {}: {e}", object_path.display());
        ExitCode::from(2)
    })?;
    let linked = backend::link::link(
        &object_path,
        &runtime,
        backend::link::RUNTIME_LINK_LIBS,
        output,
    );
    let _ = std::fs::remove_file(&object_path);
    linked.map_err(fail)
}

/// Everything the executable depends on, hashed (see `cache`).
fn cache_key(analysed: &Analysed, level: OptLevel) -> u128 {
    let (major, minor, patch) = backend::llvm_version();
    KeyHasher::new()
        .field(&analysed.bytes)
        .field(traceback_name(&analysed.source.name).as_bytes())
        .field(env!("CARGO_PKG_VERSION").as_bytes())
        .field(format!("LLVM {major}.{minor}.{patch}").as_bytes())
        .field(backend::target::description().as_bytes())
        .field(&[level.level()])
        .field(backend::link::RUNTIME_LIBRARY)
        .field(compiler_identity().as_bytes())
        .finish()
}

/// The krait binary itself (size and modification time): a rebuilt compiler of the
/// same version may generate different code, so its artefacts are not reused.
fn compiler_identity() -> String {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            format!("{} {modified}", m.len())
        })
        .unwrap_or_default()
}

/// The executable for `path`: from the cache when it is there, else built (and
/// cached unless `no_cache`, in which case it goes to `scratch`).
fn executable(
    path: &Path,
    args: BuildArgs,
    format: FormatArgs,
    scratch: &Path,
) -> Result<PathBuf, ExitCode> {
    let level = OptLevel::new(args.opt_level).unwrap_or_default();
    let analysed = analyse(path, format)?;
    if args.no_cache {
        let output = scratch.join("program");
        link_executable(&analysed, level, scratch, &output, format)?;
        return Ok(output);
    }
    let cache = Cache::for_source(path, level.level());
    let key = cache_key(&analysed, level);
    if let Some(hit) = cache.lookup(key) {
        if cache::logging() {
            eprintln!("krait: cache hit: {}", hit.display());
        }
        return Ok(hit);
    }
    if cache::logging() {
        eprintln!("krait: cache miss: {}", cache.artefact(key).display());
    }
    if std::fs::create_dir_all(cache.dir()).is_err() {
        // Like python3 with an unwritable __pycache__: run without caching.
        let output = scratch.join("program");
        link_executable(&analysed, level, scratch, &output, format)?;
        return Ok(output);
    }
    let temp = cache.temp(key);
    if let Err(code) = link_executable(&analysed, level, cache.dir(), &temp, format) {
        let _ = std::fs::remove_file(&temp);
        return Err(code);
    }
    cache.commit(&temp, key).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        eprintln!("krait: cannot write {}: {e}", cache.artefact(key).display());
        ExitCode::from(2)
    })
}

/// A private directory for one invocation's files, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> std::io::Result<Scratch> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!("krait-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch() -> Result<Scratch, ExitCode> {
    Scratch::new().map_err(|e| {
        eprintln!("krait: cannot create a temporary directory: {e}");
        ExitCode::from(2)
    })
}

/// `krait build FILE [-o OUT] [-O N] [--emit KIND] [--no-cache]`.
pub fn build(
    path: &Path,
    output: Option<PathBuf>,
    emit: Option<EmitKind>,
    args: BuildArgs,
    format: FormatArgs,
) -> ExitCode {
    let stem = path
        .file_stem()
        .map(|s| s.to_os_string())
        .unwrap_or_else(|| OsString::from("program"));
    let default_output = |ext: &str| {
        let mut name = stem.clone();
        if !ext.is_empty() {
            name.push(".");
            name.push(ext);
        }
        PathBuf::from(name)
    };
    let result = match emit {
        Some(kind) => {
            let (emit, ext) = match kind {
                EmitKind::LlvmIr => (Emit::LlvmIr, "ll"),
                EmitKind::Asm => (Emit::Asm, "s"),
                EmitKind::Obj => (Emit::Object, "o"),
            };
            let level = OptLevel::new(args.opt_level).unwrap_or_default();
            analyse(path, format)
                .and_then(|analysed| compile(&analysed, level, emit, format))
                .and_then(|bytes| {
                    write_output(&output.unwrap_or_else(|| default_output(ext)), &bytes)
                })
        }
        None => {
            let output = output.unwrap_or_else(|| {
                // A source without `.py` must not be overwritten by its executable.
                let plain = default_output("");
                if std::path::absolute(&plain).ok() == std::path::absolute(path).ok() {
                    default_output("bin")
                } else {
                    plain
                }
            });
            scratch().and_then(|scratch| {
                let exe = executable(path, args, format, &scratch.0)?;
                copy_executable(&exe, &output)
            })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

fn write_output(output: &Path, bytes: &[u8]) -> Result<(), ExitCode> {
    let written = if output == Path::new("-") {
        std::io::stdout().lock().write_all(bytes)
    } else {
        std::fs::write(output, bytes)
    };
    written.map_err(|e| {
        eprintln!("krait: cannot write {}: {e}", output.display());
        ExitCode::from(2)
    })
}

/// Copies through a temporary name and renames, so `output` is never half-written.
fn copy_executable(exe: &Path, output: &Path) -> Result<(), ExitCode> {
    let temp = output.with_extension(format!("krait-{}.tmp", std::process::id()));
    std::fs::copy(exe, &temp)
        .and_then(|_| std::fs::rename(&temp, output))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            eprintln!("krait: cannot write {}: {e}", output.display());
            ExitCode::from(2)
        })
}

/// `krait run FILE [ARGS...]`: the program's exit code is krait's.
pub fn run(
    path: &Path,
    program_args: &[OsString],
    args: BuildArgs,
    format: FormatArgs,
) -> ExitCode {
    let scratch = match scratch() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let exe = match executable(path, args, format, &scratch.0) {
        Ok(exe) => exe,
        Err(code) => return code,
    };
    let mut command = std::process::Command::new(&exe);
    command.args(program_args);
    // sys.argv[0] is the script's path, as python3 gives it.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::arg0(&mut command, path);
    match command.status() {
        Ok(status) => exit_code_of(status),
        Err(e) => {
            eprintln!("krait: cannot run {}: {e}", exe.display());
            ExitCode::from(2)
        }
    }
}

/// The exit code of the program; a signal becomes 128 + its number, as shells do.
fn exit_code_of(status: std::process::ExitStatus) -> ExitCode {
    if let Some(code) = status.code() {
        return ExitCode::from(code as u8);
    }
    #[cfg(unix)]
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return ExitCode::from((128 + signal) as u8);
    }
    ExitCode::from(1)
}

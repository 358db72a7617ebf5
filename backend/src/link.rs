//! Linking an executable with the system C compiler: the program's object, the C
//! runtime (a static library embedded in krait, written next to the artefacts once)
//! and the runtime's own libraries (GMP, the Boehm GC, libm).

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Writes the runtime library to `dir` unless an identical copy is already there;
/// written to a temporary name and renamed, so a parallel build never links a torn
/// file.
pub fn install_runtime(dir: &Path, library: &[u8]) -> Result<PathBuf> {
    let path = dir.join("libkrait_runtime.a");
    if std::fs::read(&path).is_ok_and(|existing| existing == library) {
        return Ok(path);
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::Io(format!("cannot create {}: {e}", dir.display())))?;
    let temp = dir.join(format!("libkrait_runtime.a.{}.tmp", std::process::id()));
    std::fs::write(&temp, library)
        .map_err(|e| Error::Io(format!("cannot write {}: {e}", temp.display())))?;
    std::fs::rename(&temp, &path)
        .map_err(|e| Error::Io(format!("cannot write {}: {e}", path.display())))?;
    Ok(path)
}

/// `cc object runtime -l<libs> -o output`.
pub fn link(object: &Path, runtime: &Path, libs: &[&str], output: &Path) -> Result<()> {
    let compiler = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let mut command = Command::new(&compiler);
    command.arg(object).arg(runtime);
    for lib in libs {
        command.arg(format!("-l{lib}"));
    }
    command.arg("-o").arg(output);
    let result = command
        .output()
        .map_err(|e| Error::Link(format!("cannot run {compiler}: {e}")))?;
    if result.status.success() {
        Ok(())
    } else {
        Err(Error::Link(format!(
            "{compiler} failed ({}):\n{}",
            result.status,
            String::from_utf8_lossy(&result.stderr).trim_end()
        )))
    }
}

/// The C runtime as a static library, embedded in krait so that it links programs
/// wherever it is installed.
pub use runtime_c::STATIC_LIB as RUNTIME_LIBRARY;

/// The libraries the runtime itself needs (`-l` names).
pub use runtime_c::LINK_LIBS as RUNTIME_LINK_LIBS;

//! The native artefact cache, as CPython's `__pycache__/*.pyc` (DESIGN.md).
//!
//! An executable built from `dir/prog.py` is kept as
//! `dir/__pycache__/prog.krait-<version>.O<n>.<key>` (or under `$KRAIT_CACHE_DIR`,
//! where the name also carries a hash of the source's path, since one directory then
//! serves many sources). The key is a 128-bit hash of everything the executable
//! depends on: the source bytes, the name tracebacks print, krait's version, the LLVM
//! version, the target (triple, CPU, features), the optimisation level and the C
//! runtime library. Putting the key in the name makes a lookup one `stat` and makes
//! a stale artefact impossible to pick up; files are written under a temporary name
//! and renamed into place, so a crash or a parallel build never leaves a torn file.
//! Older artefacts of the same source and level are removed when a new one lands.
//!
//! `KRAIT_LOG=cache` prints `krait: cache hit: PATH` or `krait: cache miss: PATH`
//! to stderr, so tests can observe that a second run compiled nothing.

use std::path::{Path, PathBuf};

/// FNV-1a over 128 bits: deterministic across runs and platforms, dependency-free,
/// and wide enough that accidental collisions between cache keys do not happen.
#[derive(Clone)]
pub struct KeyHasher(u128);

impl KeyHasher {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;

    pub fn new() -> Self {
        KeyHasher(Self::OFFSET)
    }

    /// Adds a field; the length prefix keeps ("ab", "c") and ("a", "bc") apart.
    pub fn field(&mut self, bytes: &[u8]) -> &mut Self {
        self.bytes(&(bytes.len() as u64).to_le_bytes());
        self.bytes(bytes);
        self
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= *b as u128;
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    pub fn finish(&self) -> u128 {
        self.0
    }
}

/// Where the artefacts of one source file live.
pub struct Cache {
    dir: PathBuf,
    /// `prog.krait-0.1.0.O2`: the name before the key.
    prefix: String,
}

impl Cache {
    pub fn for_source(source: &Path, opt_level: u8) -> Cache {
        let stem = source
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "program".to_string());
        let version = env!("CARGO_PKG_VERSION");
        match std::env::var_os("KRAIT_CACHE_DIR").filter(|d| !d.is_empty()) {
            Some(dir) => {
                let absolute = std::path::absolute(source).unwrap_or_else(|_| source.to_path_buf());
                let path_hash = KeyHasher::new()
                    .field(absolute.to_string_lossy().as_bytes())
                    .finish() as u32;
                Cache {
                    dir: PathBuf::from(dir),
                    prefix: format!("{stem}-{path_hash:08x}.krait-{version}.O{opt_level}"),
                }
            }
            None => {
                let parent = source.parent().unwrap_or(Path::new(""));
                Cache {
                    dir: parent.join("__pycache__"),
                    prefix: format!("{stem}.krait-{version}.O{opt_level}"),
                }
            }
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn artefact(&self, key: u128) -> PathBuf {
        self.dir.join(format!("{}.{key:032x}", self.prefix))
    }

    /// The cached executable for `key`, if there is one.
    pub fn lookup(&self, key: u128) -> Option<PathBuf> {
        let path = self.artefact(key);
        path.is_file().then_some(path)
    }

    /// A private name to build into before `commit`.
    pub fn temp(&self, key: u128) -> PathBuf {
        self.dir.join(format!(
            "{}.{key:032x}.{}.tmp",
            self.prefix,
            std::process::id()
        ))
    }

    /// Moves a finished build into place and removes older artefacts of the same
    /// source and level (best effort: a failure there costs only disk space).
    pub fn commit(&self, temp: &Path, key: u128) -> std::io::Result<PathBuf> {
        let path = self.artefact(key);
        std::fs::rename(temp, &path)?;
        if let Ok(entries) = std::fs::read_dir(&self.dir) {
            let keep = path.file_name().map(|n| n.to_owned());
            for entry in entries.flatten() {
                let name = entry.file_name();
                let text = name.to_string_lossy();
                let stale = text.starts_with(&format!("{}.", self.prefix))
                    && !text.ends_with(".tmp")
                    && Some(&name) != keep.as_ref();
                if stale {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
        Ok(path)
    }
}

/// True when `KRAIT_LOG` asks for cache events.
pub fn logging() -> bool {
    std::env::var("KRAIT_LOG").is_ok_and(|v| v.split(',').any(|w| w.trim() == "cache"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_delimited() {
        let a = KeyHasher::new().field(b"ab").field(b"c").finish();
        let b = KeyHasher::new().field(b"a").field(b"bc").finish();
        assert_ne!(a, b);
        assert_eq!(a, KeyHasher::new().field(b"ab").field(b"c").finish());
    }
}

//! The native artefact cache: a second `krait run` of an unchanged program compiles
//! nothing (observed with `KRAIT_LOG=cache`), a changed source or level rebuilds,
//! `--no-cache` leaves no files, and without `KRAIT_CACHE_DIR` artefacts go to
//! `__pycache__` next to the source, as CPython's `.pyc` files do.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn krait(args: &[&str], cache: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_krait"));
    command.args(args).env("KRAIT_LOG", "cache");
    match cache {
        Some(dir) => command.env("KRAIT_CACHE_DIR", dir),
        None => command.env_remove("KRAIT_CACHE_DIR"),
    };
    command.output().expect("run the krait binary")
}

fn scratch(test: &str) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cache-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch directory");
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn artefacts(dir: &Path, prefix: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(prefix) && !n.starts_with("libkrait"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn second_run_is_a_cache_hit_and_changes_rebuild() {
    let dir = scratch("hit");
    let cache = dir.join("cache");
    let file = dir.join("prog.py");
    std::fs::write(&file, "print(1 + 2)\n").unwrap();
    let file = file.to_str().unwrap();

    let first = krait(&["run", "-O1", file], Some(&cache));
    assert_eq!(String::from_utf8_lossy(&first.stdout), "3\n");
    assert!(stderr(&first).contains("cache miss"), "{}", stderr(&first));

    let second = krait(&["run", "-O1", file], Some(&cache));
    assert_eq!(String::from_utf8_lossy(&second.stdout), "3\n");
    assert!(stderr(&second).contains("cache hit"), "{}", stderr(&second));
    assert!(!stderr(&second).contains("cache miss"));

    // Another optimisation level is another artefact.
    let other_level = krait(&["run", "-O0", file], Some(&cache));
    assert!(stderr(&other_level).contains("cache miss"));

    // A changed source is rebuilt, and replaces its old artefact.
    std::fs::write(file, "print(2 + 3)\n").unwrap();
    let changed = krait(&["run", "-O1", file], Some(&cache));
    assert_eq!(String::from_utf8_lossy(&changed.stdout), "5\n");
    assert!(stderr(&changed).contains("cache miss"));
    let o1: Vec<String> = artefacts(&cache, "prog-")
        .into_iter()
        .filter(|n| n.contains(".O1."))
        .collect();
    assert_eq!(o1.len(), 1, "{o1:?}");
    assert!(!o1[0].ends_with(".tmp"));
}

#[test]
fn no_cache_writes_nothing() {
    let dir = scratch("none");
    let cache = dir.join("cache");
    let file = dir.join("prog.py");
    std::fs::write(&file, "print('x')\n").unwrap();
    let out = krait(
        &["run", "--no-cache", "-O0", file.to_str().unwrap()],
        Some(&cache),
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "x\n");
    assert!(!stderr(&out).contains("cache"), "{}", stderr(&out));
    assert!(!cache.exists());
    assert!(!dir.join("__pycache__").exists());
}

#[test]
fn default_location_is_pycache_next_to_the_source() {
    let dir = scratch("pycache");
    let file = dir.join("mod.py");
    std::fs::write(&file, "print(7)\n").unwrap();
    let out = krait(&["run", "-O0", file.to_str().unwrap()], None);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "7\n");
    let names = artefacts(&dir.join("__pycache__"), "mod.krait-");
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].starts_with(&format!("mod.krait-{}.O0.", env!("CARGO_PKG_VERSION"))));
    let again = krait(&["run", "-O0", file.to_str().unwrap()], None);
    assert!(stderr(&again).contains("cache hit"));
}

//! Differential fuzzing of code generation: random arithmetic programs
//! (backend/tests/arith_gen.py, seeded, so failures reproduce) run by python3 and by
//! `krait run` at -O0 and -O2 must print the same thing and fail the same way.
//! Set KRAIT_FUZZ_SEEDS=N for a longer run.

use std::path::Path;
use std::process::Command;

const GENERATOR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/backend/tests/arith_gen.py");

fn python() -> String {
    std::env::var("KRAIT_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

fn last_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .last()
        .unwrap_or("")
        .to_string()
}

#[test]
fn random_arithmetic_matches_python() {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("arith-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let seeds: u32 = std::env::var("KRAIT_FUZZ_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(12);
    let mut failures = Vec::new();
    for seed in 0..seeds {
        let program = Command::new(python())
            .arg(GENERATOR)
            .arg(seed.to_string())
            .output()
            .unwrap();
        assert!(program.status.success(), "generator failed");
        let file = dir.join(format!("seed{seed}.py"));
        std::fs::write(&file, &program.stdout).unwrap();
        let expected = Command::new(python()).arg(&file).output().unwrap();
        let level = if seed % 2 == 0 { "-O0" } else { "-O2" };
        let got = Command::new(env!("CARGO_BIN_EXE_krait"))
            .args(["run", level, "--no-cache"])
            .arg(&file)
            .output()
            .unwrap();
        let same = got.stdout == expected.stdout
            && got.status.code() == expected.status.code()
            && last_line(&got.stderr) == last_line(&expected.stderr);
        if !same {
            failures.push(format!(
                "seed {seed} ({level}): python {:?} / krait {:?}\n{}",
                last_line(&expected.stderr),
                last_line(&got.stderr),
                String::from_utf8_lossy(&program.stdout)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

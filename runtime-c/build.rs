//! Compiles the C runtime into a static library with the system C compiler.

fn main() {
    let sources = ["src/kr_version.c"];
    for s in sources {
        println!("cargo:rerun-if-changed={s}");
    }
    println!("cargo:rerun-if-changed=include/krait.h");
    cc::Build::new()
        .files(sources)
        .include("include")
        .flag_if_supported("-std=c11")
        .warnings(true)
        .compile("krait_runtime");
}

//! Compiles the C runtime into a static library with the system C compiler and links
//! it with its two C dependencies, GMP (big ints) and the Boehm GC.

fn main() {
    let sources = ["src/kr_gc.c", "src/kr_exc.c", "src/kr_int.c"];
    for s in sources {
        println!("cargo:rerun-if-changed={s}");
    }
    println!("cargo:rerun-if-changed=include/krait.h");
    cc::Build::new()
        .files(sources)
        .include("include")
        .std("c11")
        .define("KR_VERSION", format!("\"{}\"", env!("CARGO_PKG_VERSION")).as_str())
        // Bit-identical floats: never contract a*b+c into an FMA.
        .flag("-ffp-contract=off")
        .warnings(true)
        .extra_warnings(true)
        .compile("krait_runtime");
    println!("cargo:rustc-link-lib=gmp");
    println!("cargo:rustc-link-lib=gc");
}

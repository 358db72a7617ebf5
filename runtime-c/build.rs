//! Compiles the C runtime into a static library with the system C compiler and links
//! it with its C dependencies, GMP (big ints), the Boehm GC and libm. The library is
//! also embedded in the crate (`STATIC_LIB`) for linking compiled programs.

fn main() {
    let sources = [
        "src/kr_gc.c",
        "src/kr_exc.c",
        "src/kr_int.c",
        "src/kr_float.c",
        "src/kr_str.c",
        "src/kr_math.c",
        "src/kr_sys.c",
        "src/kr_unicode.c",
        "src/kr_unicode_tables.c",
        "src/kr_io.c",
        "src/kr_traceback.c",
        "src/kr_argv.c",
        "src/kr_tdesc.c",
        "src/kr_slice.c",
        "src/kr_list.c",
        "src/kr_sort.c",
        "src/kr_tuple.c",
        "src/kr_dict.c",
        "src/kr_set.c",
        "src/kr_str_ops.c",
        "src/kr_format.c",
        "src/kr_number.c",
        "src/kr_builtins.c",
        "src/kr_str_methods.c",
        "src/kr_unicode_case.c",
        "src/kr_dyn.c",
        "src/kr_percent.c",
        "src/kr_range.c",
    ];
    for s in sources {
        println!("cargo:rerun-if-changed={s}");
    }
    println!("cargo:rerun-if-changed=include/krait.h");
    println!("cargo:rerun-if-changed=src/kr_unicode.h");
    println!("cargo:rerun-if-changed=src/kr_sort.h");
    cc::Build::new()
        .files(sources)
        .include("include")
        .std("c11")
        // Programs link this library whatever profile krait itself was built with.
        .opt_level(2)
        .define(
            "KR_VERSION",
            format!("\"{}\"", env!("CARGO_PKG_VERSION")).as_str(),
        )
        // Bit-identical floats: never contract a*b+c into an FMA.
        .flag("-ffp-contract=off")
        .warnings(true)
        .extra_warnings(true)
        .compile("krait_runtime");
    println!("cargo:rustc-link-lib=gmp");
    println!("cargo:rustc-link-lib=gc");
    println!("cargo:rustc-link-lib=m");
}

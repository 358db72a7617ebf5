//! krait's C runtime (C11, one file per object kind, public header `include/krait.h`,
//! prefix `kr_`). `build.rs` compiles it into a static library linked with GMP and
//! the Boehm GC.
//!
//! What exists: memory (`kr_gc.c`), the current exception (`kr_exc.c`) and its
//! traceback (`kr_traceback.c`), exact ints (`kr_int.c`), floats (`kr_float.c`),
//! strings (`kr_str.c`, with `kr_unicode.c`), print (`kr_io.c`) and the command line
//! (`kr_argv.c`), with the value and error conventions that generated code follows
//! (see the header). `ffi` declares them for Rust so they can be tested against
//! python3.

pub mod ffi;

/// The runtime as a static library (`libkrait_runtime.a`), embedded so that the krait
/// binary can link compiled programs wherever it is installed: write it to a file and
/// pass it to the linker, followed by `-l` for each of [`LINK_LIBS`].
pub static STATIC_LIB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/libkrait_runtime.a"));

/// The system libraries the runtime needs, in link order (after the runtime).
pub const LINK_LIBS: &[&str] = &["gmp", "gc", "m"];

/// The version string compiled into the C runtime.
pub fn runtime_version() -> &'static str {
    // SAFETY: kr_runtime_version returns a pointer to a static NUL-terminated string.
    unsafe { std::ffi::CStr::from_ptr(ffi::kr_runtime_version()) }
        .to_str()
        .unwrap_or("?")
}

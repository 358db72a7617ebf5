//! krait's C runtime (C11, one file per object kind, public header `include/krait.h`,
//! prefix `kr_`). `build.rs` compiles it into a static library linked with GMP and
//! the Boehm GC.
//!
//! What exists: memory (`kr_gc.c`), the current-exception state (`kr_exc.c`) and
//! exact ints (`kr_int.c`), with the value and error conventions that generated code
//! will follow (see the header). `ffi` declares them for Rust so they can be tested
//! against python3 before the compiler emits calls to them.

pub mod ffi;

/// The version string compiled into the C runtime.
pub fn runtime_version() -> &'static str {
    // SAFETY: kr_runtime_version returns a pointer to a static NUL-terminated string.
    unsafe { std::ffi::CStr::from_ptr(ffi::kr_runtime_version()) }
        .to_str()
        .unwrap_or("?")
}

//! krait's C runtime (C11, one file per object kind, public header `include/krait.h`,
//! prefix `kr_`). The `build.rs` compiles it into a static library.
//!
//! Only the version symbol exists so far; object layouts, the GC binding, ints, strings
//! and containers arrive with native compilation.

extern "C" {
    fn kr_runtime_version() -> *const std::ffi::c_char;
}

/// The version string compiled into the C runtime.
pub fn runtime_version() -> &'static str {
    // SAFETY: kr_runtime_version returns a pointer to a static NUL-terminated string.
    unsafe { std::ffi::CStr::from_ptr(kr_runtime_version()) }
        .to_str()
        .unwrap_or("?")
}

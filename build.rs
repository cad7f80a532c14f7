//! Links the unwinder from libgcc_eh.a instead of libgcc_s.so on Linux/glibc.
//!
//! Why: libgcc_s's load-time constructor (__cpu_indicator_init) runs CPUID dozens of
//! times, and in a virtual machine each CPUID traps to the hypervisor: measured, it was
//! a quarter of a refused `check`'s whole run. Listed here, the archive comes after the
//! Rust libraries and before std's own `-lgcc_s` on the link line, so it resolves the
//! `_Unwind_*` symbols and `--as-needed` drops libgcc_s. Unwinding works the same.
fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let static_crt = std::env::var("CARGO_CFG_TARGET_FEATURE")
        .unwrap_or_default()
        .split(',')
        .any(|f| f == "crt-static");
    if os == "linux" && env == "gnu" && !static_crt {
        println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}

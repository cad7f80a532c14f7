//! Links the unwinder from libgcc_eh.a instead of libgcc_s.so on Linux/glibc.
//!
//! Why: libgcc_s's load-time constructor (__cpu_indicator_init) runs CPUID dozens of
//! times, and in a virtual machine each CPUID traps to the hypervisor: measured, it was
//! a quarter of a refused `check`'s whole run. Listed here, the archive comes after the
//! Rust libraries and before std's own `-lgcc_s` on the link line, so it resolves the
//! `_Unwind_*` symbols and `--as-needed` drops libgcc_s. Unwinding works the same.
//!
//! Packs relative relocations (DT_RELR) when the C library supports them (glibc 2.36+):
//! the dynamic loader then reads a 4 KiB table instead of a 540 KiB one at every start.
//! Only for a native build whose glibc has the `GLIBC_ABI_DT_RELR` version, because
//! the linker would otherwise produce a binary that glibc 2.35 refuses to load.
fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let static_crt = std::env::var("CARGO_CFG_TARGET_FEATURE")
        .unwrap_or_default()
        .split(',')
        .any(|f| f == "crt-static");
    if os == "linux" && env == "gnu" && !static_crt {
        println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
        if std::env::var_os("CONNDOCTOR_PIE").is_some() {
            if libc_has_relr() {
                println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
            }
        } else {
            println!("cargo:rustc-link-arg-bins=-no-pie");
        }
    }
    println!("cargo:rerun-if-env-changed=CONNDOCTOR_PIE");
    println!("cargo:rerun-if-changed=build.rs");
}

fn libc_has_relr() -> bool {
    if std::env::var("HOST") != std::env::var("TARGET") {
        return false;
    }
    let dirs = [
        "/lib/x86_64-linux-gnu",
        "/lib/aarch64-linux-gnu",
        "/lib64",
        "/usr/lib64",
        "/lib",
        "/usr/lib",
    ];
    dirs.iter().any(|d| {
        std::fs::read(format!("{d}/libc.so.6"))
            .is_ok_and(|b| b.windows(17).any(|w| w == b"GLIBC_ABI_DT_RELR"))
    })
}

//! The `gouji` binary: the allocator and the process settings, then the command line.

use std::process::ExitCode;

// glibc's allocator took a fifth of a batch's instructions (callgrind, examples/phases); mimalloc
// does the same work in a fraction and does not contend between worker threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    no_huge_pages();
    gouji::cli::main()
}

/// Transparent huge pages make the kernel zero 2 MiB at each first touch of a worker's or polars'
/// heap: a tenth of a batch's time went to `clear_page` (perf), and the summaries' first polars
/// call took 40–70 ms instead of 10. Our heaps are small and short-lived, so ordinary pages are
/// faster. mimalloc is built not to ask for them (its `no_thp` feature, which also covers the
/// allocations made before `main`); this covers a kernel that gives them unasked ("always").
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE only sets a flag on this process; it touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

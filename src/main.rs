use std::process::ExitCode;

// glibc's allocator took a fifth of a batch's instructions (callgrind, examples/phases); mimalloc
// does the same work in a fraction and does not contend between worker threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    gouji::cli::main()
}

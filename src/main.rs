use std::process::ExitCode;

fn main() -> ExitCode {
    gouji::cli::main()
}

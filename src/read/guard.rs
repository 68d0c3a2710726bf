//! Third-party parsers (pdf_oxide, calamine) run on hostile input: a panic in one is the file's
//! damage, reported as such, never a crash of gouji's and never printed as one.

use std::cell::Cell;
use std::panic::UnwindSafe;
use std::sync::Once;

thread_local! {
    static IN_PARSER: Cell<bool> = const { Cell::new(false) };
}

/// Runs third-party parsing code on hostile input: a panic in it becomes an `Err` (reported as a
/// corrupt file or page), and is not also printed as a crash, which it is not.
pub(crate) fn guarded<T>(f: impl FnOnce() -> T + UnwindSafe) -> std::thread::Result<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_PARSER.with(Cell::get) {
                previous(info);
            }
        }));
    });
    IN_PARSER.with(|p| p.set(true));
    let out = std::panic::catch_unwind(f);
    IN_PARSER.with(|p| p.set(false));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_the_parser_is_an_error_and_the_guard_is_lifted_after() {
        assert!(guarded(|| -> u8 { panic!("damaged object header") }).is_err());
        assert!(!IN_PARSER.with(Cell::get));
        assert_eq!(guarded(|| 7).ok(), Some(7));
    }
}

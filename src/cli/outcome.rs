//! The one place where how a subcommand ended becomes an exit status
//! (ARCHITECTURE.md: 0 works, 1 a failure was diagnosed, 2 bad input, 3 internal;
//! 128+N when a batch was stopped by signal N).
//!
//! Subcommands return an [`Outcome`] (the library's type); only `main` converts it.
//! The library's reports say `is_ok()`, never a number.

use std::process::ExitCode;

pub use conndoctor::Outcome;

pub fn code(o: Outcome) -> u8 {
    match o {
        Outcome::Ok => 0,
        Outcome::Problem => 1,
        Outcome::BadInput => 2,
        Outcome::Internal => 3,
        // The shell's convention for "ended by signal N", which scripts test for.
        Outcome::Interrupted(sig) => u8::try_from(128 + sig).unwrap_or(3),
    }
}

pub fn exit_code(o: Outcome) -> ExitCode {
    ExitCode::from(code(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_statuses() {
        assert_eq!(
            [
                Outcome::Ok,
                Outcome::Problem,
                Outcome::BadInput,
                Outcome::Internal
            ]
            .map(code),
            [0, 1, 2, 3]
        );
        assert_eq!(code(Outcome::Interrupted(2)), 130);
        assert_eq!(code(Outcome::Interrupted(15)), 143);
        assert_eq!(Outcome::verdict(true), Outcome::Ok);
        assert_eq!(Outcome::verdict(false), Outcome::Problem);
    }
}

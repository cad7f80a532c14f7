//! How a subcommand ended, and the one place that turns it into an exit status
//! (ARCHITECTURE.md: 0 works, 1 a failure was diagnosed, 2 bad input, 3 internal;
//! 128+N when a batch was stopped by signal N).
//!
//! Subcommands return an [`Outcome`]; only `main` converts it. The library's reports
//! say `is_ok()`, never a number.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub enum Outcome {
    /// Everything checked works (or the command did what was asked).
    Ok,
    /// A failure was diagnosed; the report says what and why.
    Problem,
    /// The input could not be used; the message has been printed.
    BadInput,
    /// conndoctor itself failed; the message has been printed.
    Internal,
    /// Stopped by this signal (SIGINT, SIGTERM) after printing what was done.
    Interrupted(i32),
}

impl Outcome {
    /// `Ok` when `ok`, else `Problem`: the verdict of a report.
    pub fn verdict(ok: bool) -> Self {
        if ok { Outcome::Ok } else { Outcome::Problem }
    }

    pub fn code(self) -> u8 {
        match self {
            Outcome::Ok => 0,
            Outcome::Problem => 1,
            Outcome::BadInput => 2,
            Outcome::Internal => 3,
            // The shell's convention for "ended by signal N", which scripts test for.
            Outcome::Interrupted(sig) => u8::try_from(128 + sig).unwrap_or(3),
        }
    }
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> Self {
        ExitCode::from(o.code())
    }
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
            .map(Outcome::code),
            [0, 1, 2, 3]
        );
        assert_eq!(Outcome::Interrupted(2).code(), 130);
        assert_eq!(Outcome::Interrupted(15).code(), 143);
        assert_eq!(Outcome::verdict(true), Outcome::Ok);
        assert_eq!(Outcome::verdict(false), Outcome::Problem);
    }
}

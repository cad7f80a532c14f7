//! How a command ended, as data. The command line (the `conndoctor` binary) is the
//! one place that turns it into an exit status; the library never picks a number.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub enum Outcome {
    /// Everything checked works (or the command did what was asked).
    Ok,
    /// A failure was diagnosed; the report says what and why.
    Problem,
    /// The input could not be used; the message has been given.
    BadInput,
    /// conndoctor itself failed; the message has been given.
    Internal,
    /// Stopped by this signal (SIGINT, SIGTERM) after giving what was done.
    Interrupted(i32),
}

impl Outcome {
    /// `Ok` when `ok`, else `Problem`: the verdict of a report.
    pub fn verdict(ok: bool) -> Self {
        if ok { Outcome::Ok } else { Outcome::Problem }
    }
}

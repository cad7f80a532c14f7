//! The `conndoctor` command line: the only crate that knows clap, environment
//! variables, the terminal, standard output and exit statuses. Everything it runs is
//! in the library (crates/conndoctor).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}

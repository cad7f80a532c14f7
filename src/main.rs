fn main() -> std::process::ExitCode {
    conndoctor::cli::main()
}

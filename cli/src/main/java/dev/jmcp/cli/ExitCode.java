package dev.jmcp.cli;

/** The CLI's exit codes. */
final class ExitCode {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;
    static final int BUG = 4;

    private ExitCode() {
    }
}

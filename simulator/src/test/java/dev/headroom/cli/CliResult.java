package dev.headroom.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The exit code and output of one command line, run in this JVM with captured streams. */
record CliResult(int code, String out, String err) {

    /** Runs the command line {@code args} and captures its exit code and output. */
    static CliResult of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliResult(code, out.toString(), err.toString());
    }
}

package fr.ais.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line rewritten in place while a connector runs, only on an interactive terminal (a
 * script or a log gets the one-line summary alone).
 */
final class ProgressLine {

    private final PrintStream out;
    private final String what;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private boolean shown;

    private ProgressLine(PrintStream out, String what, boolean interactive) {
        this.out = out;
        this.what = what;
        this.interactive = interactive;
    }

    static ProgressLine onConsole(PrintStream out, String what) {
        return new ProgressLine(out, what, System.console() != null);
    }

    /** {@code done} input records committed so far. */
    void records(long done) {
        if (!interactive) {
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "\r%s: %,d records committed, %,.0f records/s   ", what, done,
                seconds > 0 ? done / seconds : 0.0);
        out.flush();
        shown = true;
    }

    /** Clears the line before the summary. */
    void end() {
        if (shown) {
            out.print("\r" + " ".repeat(80) + "\r");
            out.flush();
        }
    }
}

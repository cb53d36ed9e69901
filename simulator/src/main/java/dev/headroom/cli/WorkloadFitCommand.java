package dev.headroom.cli;

import dev.headroom.workload.InputFormatException;
import dev.headroom.workload.LogColumns;
import dev.headroom.workload.NumberTimeUnit;
import dev.headroom.workload.QuantileTable;
import dev.headroom.workload.RequestLog;
import dev.headroom.workload.RequestLogReader;
import dev.headroom.workload.TraceFit;
import dev.headroom.workload.TraceFitter;
import dev.headroom.workload.WindowBurstiness;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code headroom workload fit LOG.csv}: prints the token-size quantiles and the burstiness of
 * arrivals of a request log, and optionally writes the quantiles as a token-size table that a
 * scenario can use in place of the bundled one.
 *
 * <p>Exit codes: 0 on success, 2 on bad input (a missing, unreadable or non-UTF-8 log, a
 * folder, a malformed row, a {@code --write} path that cannot be written), 1 on any other
 * failure to read.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Derive token-size quantiles and arrival burstiness from a request log in "
                + "CSV with a timestamp and prompt and generated token counts per request.")
public final class WorkloadFitCommand implements Callable<Integer> {

    /** Exit code on success. */
    public static final int EXIT_OK = 0;
    /** Exit code when reading the log fails for a reason other than the input. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code on bad input. */
    public static final int EXIT_BAD_INPUT = 2;

    /** The start of every error line, as the other commands print it. */
    private static final String PREFIX = "headroom: ";
    private static final Logger LOG = LoggerFactory.getLogger(WorkloadFitCommand.class);
    private static final double[] PRINTED_PROBABILITIES =
        {0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1};

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG.csv",
            description = "Request log: a header line, then one request per line.")
    private Path log;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Also write the quantiles to FILE as a token-size table.")
    private String tableText;

    /** The {@code --write} path, or {@code null} without the option. Messages quote the text. */
    private Path tableFile;

    @Option(names = "--comment", paramLabel = "TEXT",
            description = "A provenance line (source, licence) for the written table; repeatable.")
    private List<String> comments = new ArrayList<>();

    @Option(names = "--timestamp-column", paramLabel = "NAME",
            description = "Header of the arrival time column (default: detected).")
    private String timestampColumn;

    @Option(names = "--timestamp-unit", paramLabel = "UNIT", defaultValue = "s",
            description = "Unit of timestamps written as plain numbers: s, ms, us or ns"
                    + " (default: s). Date-times are read as such whatever the unit.")
    private String timestampUnit;

    @Option(names = "--tokens-in-column", paramLabel = "NAME",
            description = "Header of the prompt tokens column (default: detected).")
    private String tokensInColumn;

    @Option(names = "--tokens-out-column", paramLabel = "NAME",
            description = "Header of the generated tokens column (default: detected).")
    private String tokensOutColumn;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        TraceFit fit;
        if (Files.isDirectory(log)) {
            err.println(PREFIX + log + ": is a folder, not a file; give the path of a CSV"
                    + " request log");
            return EXIT_BAD_INPUT;
        }
        Optional<String> writeProblem = checkWritePath();
        if (writeProblem.isPresent()) {
            err.println(PREFIX + "--write " + writeProblem.get());
            return EXIT_BAD_INPUT;
        }
        if (writesOverLog()) {
            err.println(PREFIX + tableText + ": is the request log itself, and --write would"
                    + " replace it; give --write another path");
            return EXIT_BAD_INPUT;
        }
        Optional<NumberTimeUnit> unit = NumberTimeUnit.ofSymbol(timestampUnit);
        if (unit.isEmpty()) {
            err.println(PREFIX + "--timestamp-unit: invalid value '" + timestampUnit
                    + "'; use s, ms, us or ns");
            return EXIT_BAD_INPUT;
        }
        try {
            LogColumns columns = new LogColumns(timestampColumn, tokensInColumn, tokensOutColumn);
            RequestLog requests = new RequestLogReader(columns, unit.get()).read(log);
            fit = new TraceFitter().fit(requests, comments);
        } catch (NoSuchFileException e) {
            err.println(PREFIX + log + ": file not found; check the path of the CSV request"
                    + " log");
            return EXIT_BAD_INPUT;
        } catch (AccessDeniedException e) {
            err.println(PREFIX + log + ": permission denied; check the file's permissions");
            return EXIT_BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println(PREFIX + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (IOException e) {
            LOG.debug("Reading request log {} failed", log, e);
            err.println(PREFIX + "Failed to read request log " + log + ": " + e.getMessage()
                    + "; rerun with --verbose for the stack trace.");
            return EXIT_FAILURE;
        }
        print(fit, spec.commandLine().getOut());
        warnOfMaxGap(fit, err);
        warnOfZeroTokens(fit, err);
        return tableFile == null ? EXIT_OK : writeTable(fit, err);
    }

    /**
     * Warns when one gap between arrivals is more than half the log's span. A stray timestamp,
     * such as a default 1970-01-01 or a row from another year, makes such a gap, and then the
     * rate and burstiness figures describe the gap while the quantiles stay right.
     */
    private static void warnOfMaxGap(TraceFit fit, PrintWriter err) {
        if (fit.requests() >= 3 && fit.maxGapSeconds() > fit.spanSeconds() / 2) {
            err.printf(Locale.ROOT, "%swarning: one gap between arrivals is %.1f s of the log's"
                    + " %.1f s span, so the rate and burstiness above describe that gap; check the"
                    + " timestamps for a stray value%n", PREFIX, fit.maxGapSeconds(),
                    fit.spanSeconds());
            err.flush();
        }
    }

    /**
     * Warns when every token count in one direction is 0, which is when the log's mean is 0
     * because counts are never negative. A table fitted from such a log makes every request bill
     * nothing in that direction. It is a warning, not an error, because a log of embedding
     * requests, which generate no tokens, is right to have it.
     */
    private static void warnOfZeroTokens(TraceFit fit, PrintWriter err) {
        if (fit.meanTokensIn() == 0) {
            err.println(PREFIX + "warning: every prompt token count in the log is 0, so runs"
                    + " that use the fitted table bill no input tokens; check that the prompt"
                    + " tokens column holds counts, or name it with --tokens-in-column");
        }
        if (fit.meanTokensOut() == 0) {
            err.println(PREFIX + "warning: every generated token count in the log is 0, so"
                    + " runs that use the fitted table bill no output tokens; check that the"
                    + " generated tokens column holds counts, or name it with"
                    + " --tokens-out-column");
        }
        err.flush();
    }

    /**
     * Sets {@link #tableFile} from {@code --write} and returns the problem with the path that
     * shows before the fit: an empty path, an invalid path, a folder, or a parent folder that
     * is missing or is a file.
     */
    private Optional<String> checkWritePath() {
        if (tableText == null) {
            return Optional.empty();
        }
        if (tableText.isBlank()) {
            return Optional.of("is empty; give --write the path of a file for the token-size"
                    + " table, such as token-sizes.csv");
        }
        try {
            tableFile = Path.of(tableText);
        } catch (InvalidPathException e) {
            return Optional.of("'" + tableText + "' is not a valid path (" + e.getReason()
                    + "); give --write the path of a file, such as token-sizes.csv");
        }
        if (Files.isDirectory(tableFile)) {
            return Optional.of(tableText + ": is a folder, not a file; give --write the path of"
                    + " a file, such as " + tableFile.resolve("token-sizes.csv"));
        }
        if (tableText.endsWith("/") || tableText.endsWith(File.separator)) {
            // Path drops a trailing separator, so the table would be written as a file there.
            return Optional.of(tableText + ": ends with '/', so it names a folder; give --write"
                    + " the path of a file, such as " + tableFile.resolve("token-sizes.csv"));
        }
        return checkWriteFolder();
    }

    /** Returns the problem with the folder that is to contain the {@code --write} file. */
    private Optional<String> checkWriteFolder() {
        Path folder = tableFile.toAbsolutePath().getParent();
        if (folder == null || Files.isDirectory(folder)) {
            return Optional.empty();
        }
        if (Files.exists(folder)) {
            return Optional.of(tableText + ": " + folder + " is a file, not a folder; give"
                    + " --write the path of a file in an existing folder");
        }
        return Optional.of(tableText + ": folder " + folder + " not found; create it, or give"
                + " --write the path of a file in an existing folder");
    }

    private boolean writesOverLog() {
        try {
            return tableFile != null && Files.exists(tableFile) && Files.exists(log)
                    && Files.isSameFile(tableFile, log);
        } catch (IOException unreadable) {
            LOG.debug("Comparing {} with {} failed", tableFile, log, unreadable);
            return false;
        }
    }

    private int writeTable(TraceFit fit, PrintWriter err) {
        try (Writer writer = Files.newBufferedWriter(tableFile, StandardCharsets.UTF_8)) {
            fit.tokenSizes().write(writer);
        } catch (IOException e) {
            LOG.debug("Writing token-size table {} failed", tableFile, e);
            err.println(PREFIX + "--write " + tableText + ": cannot write the token-size table ("
                    + OutputFolder.reason(e) + "); give --write the path of a writable file");
            return EXIT_BAD_INPUT;
        }
        spec.commandLine().getOut().println("Token-size table written to " + tableText);
        return EXIT_OK;
    }

    /** Prints the fit as plain text with fixed-width columns. */
    static void print(TraceFit fit, PrintWriter out) {
        out.printf(Locale.ROOT, "Request log: %s%n", fit.source());
        // A small proxy's log has a rate of a few hundredths of a request per second or less,
        // which three decimals hide, so the rate per day follows.
        out.printf(Locale.ROOT, "Requests: %d over %.1f s (%.3f per second, %.1f per day)%n",
                fit.requests(), fit.spanSeconds(), fit.meanRatePerSecond(),
                fit.meanRatePerSecond() * 86_400);
        out.printf(Locale.ROOT, "Inter-arrival coefficient of variation: %s"
                + " (1 for a Poisson process)%n", format(fit.interArrivalCv()));
        out.printf(Locale.ROOT, "%nRequests per window:%n%-8s %8s %12s %10s %12s%n",
                "window", "windows", "mean count", "count CV", "dispersion");
        for (WindowBurstiness window : fit.windows()) {
            out.printf(Locale.ROOT, "%-8s %8d %12s %10s %12s%n",
                    windowLabel(window.windowSeconds()), window.windows(),
                    format(window.meanCount()), format(window.countCv()),
                    format(window.dispersionIndex()));
        }
        out.printf(Locale.ROOT, "Runs send requests as a Poisson process within each hour"
                + " (dispersion 1), so burstiness below the hour is not simulated.%n");
        // A log shorter than two minutes has no 1 min dispersion to compare.
        boolean minuteMeasured = fit.windows().stream().anyMatch(window
                -> window.windowSeconds() == 60 && !Double.isNaN(window.dispersionIndex()));
        if (minuteMeasured) {
            out.printf(Locale.ROOT, "Where the 1 min dispersion is well above 1, per-minute"
                    + " quota results are optimistic.%n");
        }
        QuantileTable prompt = fit.tokenSizes().tokensIn();
        QuantileTable generated = fit.tokenSizes().tokensOut();
        out.printf(Locale.ROOT, "%nToken quantiles:%n%-8s %12s %12s%n",
                "p", "tokens in", "tokens out");
        for (double p : PRINTED_PROBABILITIES) {
            out.printf(Locale.ROOT, "%-8s %12.1f %12.1f%n",
                    Double.toString(p), prompt.quantile(p), generated.quantile(p));
        }
        out.printf(Locale.ROOT, "%-8s %12.1f %12.1f   (the log's)%n", "mean", fit.meanTokensIn(),
                fit.meanTokensOut());
        out.printf(Locale.ROOT, "%-8s %12.1f %12.1f   (the table's, which runs draw from)%n",
                "mean", prompt.mean(), generated.mean());
        out.flush();
    }

    private static String windowLabel(long seconds) {
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}

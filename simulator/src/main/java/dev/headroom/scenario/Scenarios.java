package dev.headroom.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads scenarios from files or from the bundled seed plan, and computes the canonical hash that
 * output files carry.
 *
 * <p>Loading reads the YAML node tree, so every value keeps its line and column, then maps it
 * onto the {@link Scenario} records. A file with problems throws one
 * {@link InvalidScenarioException} that lists all of them. Relative token-size files resolve
 * against the scenario file's folder.
 */
public final class Scenarios {

    /** Classpath location of the bundled copy of {@code scenarios/seed-plan.yaml}. */
    public static final String DEFAULT_RESOURCE = "/scenarios/seed-plan.yaml";

    /** Name under which problems of the bundled scenario are reported. */
    public static final String DEFAULT_NAME = "seed-plan.yaml (bundled)";

    /** The last date a scenario may name or a run may reach. */
    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    /**
     * The maximum size of a scenario file or of a token-size table, in bytes, which stops a
     * device such as {@code /dev/zero} from filling the heap.
     */
    static final int MAX_FILE_BYTES = 10 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(Scenarios.class);

    private Scenarios() {
    }

    /**
     * Loads and validates the scenario in {@code file} and the token-size table it names, if any.
     *
     * @throws InvalidScenarioException if the file or its table cannot be read or has problems
     */
    public static Scenario load(Path file) throws InvalidScenarioException {
        byte[] bytes;
        try {
            bytes = readAtMost(file, MAX_FILE_BYTES);
        } catch (NoSuchFileException e) {
            throw single(file.toString(), notFound(file));
        } catch (IOException e) {
            throw single(file.toString(), readFailure(file, e));
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw single(file.toString(), "file larger than 10 MiB; a scenario file takes a few"
                    + " kilobytes, so check the path");
        }
        String text = Utf8Text.decode(file.toString(), bytes);
        Scenario scenario = resolveFiles(parse(text, file.toString()),
                file.toAbsolutePath().getParent());
        TokenTableCheck.check(scenario, text, file.toString());
        LOG.debug("Loaded scenario {} from {}", scenario.name(), file);
        return scenario;
    }

    /**
     * Returns the message for a scenario file that does not exist. A relative path names the
     * current folder, since a path copied from the documentation is relative to the repository.
     */
    private static String notFound(Path file) {
        if (file.isAbsolute()) {
            return "file not found; check the path";
        }
        return "file not found; check the path, which is relative to the current folder "
                + Path.of("").toAbsolutePath();
    }

    /**
     * Returns the first {@code maxBytes + 1} bytes of {@code file}, or all of a shorter file, so
     * that a longer one shows by its length without being read whole.
     */
    static byte[] readAtMost(Path file, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(maxBytes + 1);
        }
    }

    /** Returns what to tell the user when {@code file} could not be read. */
    static String readFailure(Path file, IOException error) {
        if (Files.isDirectory(file)) {
            return "a folder, not a file; give the path of a scenario file";
        }
        if (error instanceof AccessDeniedException) {
            return "cannot read the file: permission denied; let the user who runs headroom"
                    + " read it";
        }
        String reason = error instanceof FileSystemException fileError
                && fileError.getReason() != null ? fileError.getReason() : error.getMessage();
        return "cannot read the file (" + reason + "); check that it is a readable UTF-8 text"
                + " file";
    }

    /** Loads the bundled seed plan, a copy of {@code scenarios/seed-plan.yaml}. */
    public static Scenario loadDefault() {
        try {
            return parse(defaultText(), DEFAULT_NAME);
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("the bundled seed plan is invalid:"
                    + System.lineSeparator() + e.getMessage(), e);
        }
    }

    /** Returns the text of the bundled seed plan. */
    public static String defaultText() {
        try (InputStream in = Scenarios.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE
                        + "; rebuild the simulator module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Parses and validates scenario text; {@code fileName} is only used in messages. Relative
     * token-size files are left as written.
     *
     * @throws InvalidScenarioException if the text has problems
     */
    public static Scenario parse(String yaml, String fileName) throws InvalidScenarioException {
        Problems problems = new Problems(fileName);
        YamlTextCheck.check(yaml, problems);
        problems.throwIfAny();
        Node root = compose(yaml, problems);
        problems.throwIfAny();
        if (!(root instanceof MappingNode mapping)) {
            Mark mark = root == null ? null : root.getStartMark();
            problems.add(mark, "", root == null
                    ? "empty scenario; write at least name, start_date, horizon, growth and plan"
                    : "wrong type: expected a mapping of fields at the top level; write one "
                    + "field per line, such as name: my-scenario");
            problems.throwIfAny();
        }
        Scenario scenario = ScenarioReader.read(Section.root(problems, (MappingNode) root));
        problems.reportEmptyValues();
        problems.throwIfAny();
        return scenario;
    }

    /**
     * Returns the SHA-256 of the scenario's canonical text, as 64 lowercase hex digits. Two
     * scenarios have the same hash exactly when every effective value is equal, whatever the
     * file's layout, comments or left-out defaults.
     */
    public static String canonicalHash(Scenario scenario) {
        return CanonicalForm.sha256(CanonicalForm.text(scenario));
    }

    /** Returns the smallest seed a scenario may have. */
    public static long minSeed() {
        return ScenarioReader.MIN_SEED;
    }

    /** Returns the longest horizon a scenario may have, in whole days. */
    public static long maxHorizonDays() {
        return ScenarioReader.MAX_HORIZON.toDays();
    }

    /**
     * Returns the longest horizon, in whole days, of a run that starts on {@code startDate}: it
     * must also end by {@link #LAST_DATE}.
     */
    public static long maxHorizonDays(LocalDate startDate) {
        long toLastDate = ChronoUnit.DAYS.between(startDate, LAST_DATE) + 1;
        return Math.min(maxHorizonDays(), toLastDate);
    }

    private static Node compose(String yaml, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        try {
            return YamlMerges.compose(yaml, options);
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : e.getContext() + ", ";
            problems.add(e.getProblemMark(), "", "invalid YAML: " + context + e.getProblem()
                    + "; fix the syntax at this position");
        } catch (YAMLException e) {
            if (!YamlLimits.locate(yaml, options, problems)) {
                problems.add((Mark) null, "", "invalid YAML: " + e.getMessage()
                        + "; fix the syntax");
            }
        }
        return null;
    }

    private static Scenario resolveFiles(Scenario scenario, Path folder) {
        if (scenario.workload().tokenSizes() instanceof TokenSizes.FromFile fromFile
                && !fromFile.file().isAbsolute() && folder != null) {
            Workload w = scenario.workload();
            Workload resolved = new Workload(w.requestRate(), w.profile(),
                    new TokenSizes.FromFile(folder.resolve(fromFile.file()).normalize()),
                    w.models(), w.requestDuration(), w.credits(), w.row());
            return new Scenario(scenario.name(), scenario.seed(), scenario.horizon(),
                    scenario.startDate(), scenario.growth(), scenario.churn(), resolved,
                    scenario.sheets(), scenario.balanceCacheTtl(), scenario.redis(),
                    scenario.sheetsArchive(),
                    scenario.admission(), scenario.dynamoDb(), scenario.postgres(),
                    scenario.sqliteEfs(), scenario.plan());
        }
        return scenario;
    }

    private static InvalidScenarioException single(String file, String message) {
        return new InvalidScenarioException(
                List.of(new ScenarioProblem(file, 1, 1, "", message)));
    }
}

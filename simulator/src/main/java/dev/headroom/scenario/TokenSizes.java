package dev.headroom.scenario;

import java.nio.file.Path;
import java.util.Objects;

/** The source of the tokens in and out of each request. */
public sealed interface TokenSizes
        permits TokenSizes.Bundled, TokenSizes.FromFile, TokenSizes.Fixed {

    /**
     * A quantile table bundled with Headroom.
     *
     * @param dataset the bundled table's name, such as {@code azure-conv-2023}, which is also
     *     the name the workload loads it by
     */
    record Bundled(String dataset) implements TokenSizes {
        public Bundled {
            Objects.requireNonNull(dataset, "dataset");
        }
    }

    /**
     * A quantile table in a file written by {@code headroom workload fit}.
     *
     * @param file the table, resolved against the scenario file's folder
     */
    record FromFile(Path file) implements TokenSizes {
        public FromFile {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * The same sizes for every request, for small scenarios with hand-computed results.
     *
     * @param tokensIn prompt tokens per request
     * @param tokensOut completion tokens per request
     */
    record Fixed(long tokensIn, long tokensOut) implements TokenSizes {
    }
}

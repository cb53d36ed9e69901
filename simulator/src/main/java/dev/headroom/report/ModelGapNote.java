package dev.headroom.report;

import dev.headroom.projection.Projections;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Builds the notes that the summary and {@code report.md} print for backends whose model leaves
 * out a limit or cost that could change the choice between options. The note is printed beside the
 * figures, because a reader comparing phases may never open the model documentation.
 */
public final class ModelGapNote {

    /** The note for a run with a PostgreSQL phase. */
    public static final String POSTGRES = "Note: the PostgreSQL model has no CPU or I/O limit, so"
            + " its latency and cost do not grow with load as a small RDS instance's would, and it"
            + " counts one connection per request in flight, with no pooling such as RDS Proxy;"
            + " docs/models.md lists what it leaves out.";

    /** The note for a run with a SQLite on EFS phase that sums the user's rows for a balance. */
    public static final String SQLITE_EFS = "Note: the SQLite on EFS model bills a balance sum as"
            + " if the user's rows lay together; rows that interleave with other users' can cost"
            + " several times more to read.";

    /** The note for a run with a DynamoDB phase that sums the user's items for each balance. */
    public static final String DYNAMODB_QUERY_SUM = "Note: a DynamoDB phase with balance_design:"
            + " query-sum pays for every item of the user still in the table on each balance"
            + " read, so its read cost and latency grow with those items; running-balance reads"
            + " one balance item instead. Run both designs before comparing DynamoDB's cost with"
            + " another backend's.";

    private ModelGapNote() {
    }

    /** Returns one note for each such backend that a phase of the run used. */
    public static List<String> lines(Projections projections) {
        Table capacity = projections.capacity();
        boolean postgres = false;
        boolean sqliteEfsQuerySum = false;
        boolean dynamoDbQuerySum = false;
        for (String backend : capacity.stringColumn("backend")) {
            postgres |= backend.startsWith("postgres");
            sqliteEfsQuerySum |= backend.startsWith("sqlite-efs")
                    && backend.endsWith("(query-sum)");
            dynamoDbQuerySum |= backend.startsWith("dynamodb") && backend.endsWith("(query-sum)");
        }
        List<String> lines = new ArrayList<>();
        if (postgres) {
            lines.add(POSTGRES);
        }
        if (sqliteEfsQuerySum) {
            lines.add(SQLITE_EFS);
        }
        if (dynamoDbQuerySum) {
            lines.add(DYNAMODB_QUERY_SUM);
        }
        return lines;
    }
}

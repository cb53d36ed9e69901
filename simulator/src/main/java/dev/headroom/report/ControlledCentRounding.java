package dev.headroom.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Controlled rounding of a matrix of exact costs in micro-dollars to whole cents whose rows and
 * columns add up to given targets. Each printed cell is its exact cost rounded down or up to the
 * cent, so a cell that is a whole number of cents prints exactly.
 *
 * <p>Choosing the cells to round up is an integer flow problem on a bipartite network. The
 * source sends each row the cents its target lacks over its cells rounded down. Each cell with a
 * remainder below the cent carries at most one cent from its row to its column. Each column
 * passes to the sink the cents its target lacks. The rounding exists if and only if the maximum
 * flow carries every row's cents, and augmenting paths build that flow one cent at a time.
 * Within a row, the search tries the cells with larger remainders first, so when several
 * roundings exist the result tends to round up the cells nearest the next cent, but it does not
 * minimise any rounding error.
 */
final class ControlledCentRounding {

    private static final long CENT = CentApportionment.CENT;

    private final int rows;
    private final int columns;
    /** Whether the cell is rounded up, which is one cent of flow along its edge. */
    private final boolean[][] roundedUp;
    /** Per row, the columns whose cells have a remainder, by decreasing remainder. */
    private final int[][] openColumns;
    /** Per column, the cents its target still lacks, the residual capacity to the sink. */
    private final long[] columnSpare;

    private ControlledCentRounding(int[][] openColumns, long[] columnSpare) {
        this.rows = openColumns.length;
        this.columns = columnSpare.length;
        this.roundedUp = new boolean[rows][columns];
        this.openColumns = openColumns;
        this.columnSpare = columnSpare;
    }

    /**
     * Returns {@code exactMicros}, a matrix of {@code rowTargets.length} rows and
     * {@code columnTargets.length} columns, rounded to whole cents whose rows add up to
     * {@code rowTargets} and whose columns add up to {@code columnTargets}, or an empty result if
     * no such rounding exists. The targets are in micro-dollars.
     */
    static Optional<long[][]> round(long[][] exactMicros, long[] rowTargets,
            long[] columnTargets) {
        int rows = rowTargets.length;
        int columns = columnTargets.length;
        long[][] printed = new long[rows][columns];
        long[] rowNeed = new long[rows];
        long[] columnSpare = new long[columns];
        int[][] openColumns = new int[rows][];
        for (int row = 0; row < rows; row++) {
            long floorSum = 0;
            List<Integer> open = new ArrayList<>();
            long[] remainders = new long[columns];
            for (int column = 0; column < columns; column++) {
                long exact = exactMicros[row][column];
                printed[row][column] = Math.floorDiv(exact, CENT) * CENT;
                remainders[column] = exact - printed[row][column];
                floorSum = Math.addExact(floorSum, printed[row][column]);
                columnSpare[column] =
                        Math.addExact(columnSpare[column], printed[row][column]);
                if (remainders[column] != 0) {
                    open.add(column);
                }
            }
            // A stable sort keeps the earlier column first among equal remainders.
            open.sort(Comparator.comparingLong((Integer column) -> remainders[column]).reversed());
            openColumns[row] = open.stream().mapToInt(Integer::intValue).toArray();
            rowNeed[row] = Math.subtractExact(rowTargets[row], floorSum);
        }
        for (int column = 0; column < columns; column++) {
            columnSpare[column] = Math.subtractExact(columnTargets[column], columnSpare[column]);
        }
        if (!wholeCents(rowNeed) || !wholeCents(columnSpare)
                || Arrays.stream(rowNeed).sum() != Arrays.stream(columnSpare).sum()) {
            return Optional.empty();
        }
        for (int column = 0; column < columns; column++) {
            columnSpare[column] /= CENT;
        }
        ControlledCentRounding flow = new ControlledCentRounding(openColumns, columnSpare);
        if (!flow.saturate(rowNeed)) {
            return Optional.empty();
        }
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                if (flow.roundedUp[row][column]) {
                    printed[row][column] += CENT;
                }
            }
        }
        return Optional.of(printed);
    }

    private static boolean wholeCents(long[] amounts) {
        return Arrays.stream(amounts).allMatch(amount -> amount >= 0 && amount % CENT == 0);
    }

    /**
     * Augments the flow until no augmenting path is left, and returns whether every row then
     * receives all the cents of {@code rowNeedMicros}.
     */
    private boolean saturate(long[] rowNeedMicros) {
        long[] rowNeed = new long[rows];
        for (int row = 0; row < rows; row++) {
            rowNeed[row] = rowNeedMicros[row] / CENT;
        }
        boolean augmented = true;
        while (augmented) {
            augmented = false;
            for (int row = 0; row < rows; row++) {
                while (rowNeed[row] > 0 && augmentFrom(row)) {
                    rowNeed[row]--;
                    augmented = true;
                }
            }
        }
        return Arrays.stream(rowNeed).allMatch(need -> need == 0);
    }

    /**
     * Searches breadth first for a path from {@code start} to a column with spare capacity that
     * alternates between cells rounded down and cells rounded up, and flips every cell on it.
     * The start row then gains a cent, the end column gains a cent, and every other row and
     * column on the path keeps its sum. Returns whether such a path exists.
     */
    private boolean augmentFrom(int start) {
        // The row through which the search reached each column, and the column through which
        // it reached each row, or -1 where it has not.
        int[] columnParent = new int[columns];
        int[] rowParent = new int[rows];
        Arrays.fill(columnParent, -1);
        Arrays.fill(rowParent, -1);
        boolean[] rowSeen = new boolean[rows];
        rowSeen[start] = true;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);

        while (!queue.isEmpty()) {
            int row = queue.poll();
            for (int column : openColumns[row]) {
                if (roundedUp[row][column] || columnParent[column] >= 0) {
                    continue;
                }
                columnParent[column] = row;
                if (columnSpare[column] > 0) {
                    flipPath(start, column, columnParent, rowParent);
                    return true;
                }

                // The column is full, so a row that rounds a cell of it up may give that cent
                // back and look for another column.
                for (int other = 0; other < rows; other++) {
                    if (!rowSeen[other] && roundedUp[other][column]) {
                        rowSeen[other] = true;
                        rowParent[other] = column;
                        queue.add(other);
                    }
                }
            }
        }
        return false;
    }

    private void flipPath(int start, int endColumn, int[] columnParent, int[] rowParent) {
        columnSpare[endColumn]--;
        int column = endColumn;
        while (true) {
            int row = columnParent[column];
            roundedUp[row][column] = true;
            if (row == start) {
                return;
            }
            column = rowParent[row];
            roundedUp[row][column] = false;
        }
    }
}

package dev.headroom.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.alg.interfaces.MaximumFlowAlgorithm.MaximumFlow;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * Controlled rounding of a matrix of exact costs in micro-dollars to whole cents whose rows and
 * columns add up to given targets. Each printed cell is its exact cost rounded down or up to the
 * cent, so a cell that is a whole number of cents prints exactly.
 *
 * <p>Choosing the cells to round up is an integer flow problem on a bipartite network. The
 * source sends each row the cents its target lacks over its cells rounded down. Each cell with a
 * remainder below the cent carries at most one cent from its row to its column. Each column
 * passes to the sink the cents its target lacks. The rounding exists if and only if the maximum
 * flow carries every row's cents. JGraphT's Edmonds-Karp implementation finds that flow, and
 * with integer capacities its flow is integral. Each row's cells enter the network by
 * decreasing remainder, which the breadth-first search tries first, so when several roundings
 * exist the result tends to round up the cells nearest the next cent, but it does not minimise
 * any rounding error.
 */
final class ControlledCentRounding {

    private static final long CENT = CentApportionment.CENT;

    private ControlledCentRounding() {
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
        boolean[][] roundedUp = maximumFlow(openColumns, rowNeed, columnSpare);
        if (roundedUp == null) {
            return Optional.empty();
        }
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                if (roundedUp[row][column]) {
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
     * Returns, per cell, whether the maximum flow rounds it up, or {@code null} if that flow
     * cannot carry every row's cents. The needs and spares are whole cents in micro-dollars.
     */
    private static boolean[][] maximumFlow(int[][] openColumns, long[] rowNeedMicros,
            long[] columnSpareMicros) {
        int rows = rowNeedMicros.length;
        int columns = columnSpareMicros.length;
        // Vertices: the source, the sink, then one per row and one per column.
        int source = 0;
        int sink = 1;
        Graph<Integer, DefaultWeightedEdge> network =
                new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int vertex = 0; vertex < 2 + rows + columns; vertex++) {
            network.addVertex(vertex);
        }
        long needed = 0;
        DefaultWeightedEdge[][] cells = new DefaultWeightedEdge[rows][columns];
        for (int row = 0; row < rows; row++) {
            long cents = rowNeedMicros[row] / CENT;
            needed += cents;
            addEdge(network, source, 2 + row, cents);
            for (int column : openColumns[row]) {
                cells[row][column] = addEdge(network, 2 + row, 2 + rows + column, 1);
            }
        }
        for (int column = 0; column < columns; column++) {
            addEdge(network, 2 + rows + column, sink, columnSpareMicros[column] / CENT);
        }
        MaximumFlow<DefaultWeightedEdge> flow =
                new EdmondsKarpMFImpl<>(network).getMaximumFlow(source, sink);
        if (Math.round(flow.getValue()) != needed) {
            return null;
        }
        boolean[][] roundedUp = new boolean[rows][columns];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                DefaultWeightedEdge cell = cells[row][column];
                roundedUp[row][column] =
                        cell != null && flow.getFlowMap().get(cell) > 0.5;
            }
        }
        return roundedUp;
    }

    private static DefaultWeightedEdge addEdge(Graph<Integer, DefaultWeightedEdge> network,
            int from, int to, long capacity) {
        DefaultWeightedEdge edge = network.addEdge(from, to);
        network.setEdgeWeight(edge, capacity);
        return edge;
    }
}

package dev.headroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.routing.CharSumRouter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Facts that the routing report's tables must show, each following from how it is built. */
class RoutingReportTest {

    @Test
    void capacityRowReadsPercentiles() {
        double[] fitted = new double[99];
        for (int i = 0; i < fitted.length; i++) {
            fitted[i] = i + 1;
        }
        // Over the values 1 to 99, the p-th percentile sits at position p x (99 + 1) / 100 = p,
        // so it is the value p itself, and the mean is (1 + 99) / 2 = 50.
        assertEquals("| r | 1 | 5 | 50 | 50.0 | 95 |" + System.lineSeparator(),
                RoutingReport.capacityRow("r", fitted));
    }

    @Test
    void movementIdealIsOneOverNewCount() {
        Map<String, String[]> rows = rows(RoutingReport.movementTable(), 2);
        // From 4 to 5 shards a key stays under the SHA-256 prefix only if its prefix has the same
        // remainder modulo 4 and 5. That is true of 4 of the 20 remainders modulo 20, so about
        // 0.8 of the keys move. Jump moves only the keys the new shard takes, about 1/5.
        double sha = Double.parseDouble(rows.get("sha256-prefix 4")[3]);
        double jump = Double.parseDouble(rows.get("jump 4")[3]);
        assertEquals("0.200", rows.get("jump 4")[4]);
        assertEquals("0.500", rows.get("ring 1")[4]);
        assertEquals("0.091", rows.get("slot-table 10")[4]);
        assertTrue(sha > 0.75, "sha256-prefix moved " + sha);
        assertTrue(sha < 0.85, "sha256-prefix moved " + sha);
        assertTrue(jump > 0.18, "jump moved " + jump);
        assertTrue(jump < 0.22, "jump moved " + jump);
    }

    @Test
    void hashingRoutersSpreadFiveShards() {
        Map<String, String[]> rows = rows(RoutingReport.spreadTable(), 2);
        for (String router : new String[] {"sha256-prefix", "jump", "slot-table", "rendezvous"}) {
            String[] row = rows.get(router + " 5");
            double pValue = Double.parseDouble(row[2]);
            double maxOverMean = Double.parseDouble(row[3]);
            // 10,000 emails over 5 shards: a mean of 2,000 with a binomial deviation of 40.
            assertTrue(pValue > 0.001, router + " p-value " + pValue);
            assertTrue(maxOverMean >= 1.0, router + " max / mean " + maxOverMean);
            assertTrue(maxOverMean <= 1.1, router + " max / mean " + maxOverMean);
        }
    }

    @Test
    void pinnedUsersCutCapacity() {
        Map<String, String[]> free = rows(RoutingReport.capacityTable(0), 1);
        Map<String, String[]> pinned = rows(RoutingReport.capacityTable(150), 1);
        // 150 users pinned to workbook 0 leave it 50 tabs. New users reach it one time in five,
        // so the 51st of them is turned away after about 150 + 51 x 5 = 405 users. With no
        // pinned users the first workbook fills only when all five are nearly full.
        for (String router : free.keySet()) {
            double freeMean = Double.parseDouble(free.get(router)[4]);
            double pinnedMean = Double.parseDouble(pinned.get(router)[4]);
            assertTrue(freeMean > 850, router + " mean " + freeMean);
            assertTrue(pinnedMean > 200, router + " mean with pinned users " + pinnedMean);
            assertTrue(pinnedMean < 450, router + " mean with pinned users " + pinnedMean);
        }
    }

    /** Returns the data rows of a Markdown table, keyed by their first cells. */
    private static Map<String, String[]> rows(String table, int keyCells) {
        Map<String, String[]> rows = new HashMap<>();
        for (String line : table.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[2].trim().matches("\\d+")) {
                continue;
            }
            String[] trimmed = new String[cells.length - 1];
            for (int i = 1; i < cells.length; i++) {
                trimmed[i - 1] = cells[i].trim();
            }
            rows.put(keyCells == 1 ? trimmed[0] : trimmed[0] + " " + trimmed[1], trimmed);
        }
        return rows;
    }

    @Test
    void charSumCasesNameWorkbooks() {
        String cases = RoutingReport.charSumCases();
        // m a r i a . l o p e z @ c o r p . c o m: 109 + 97 + 114 + 105 + 97 + 46 + 108 + 111
        // + 112 + 101 + 122 + 64 + 99 + 111 + 114 + 112 + 46 + 99 + 111 + 109 = 1,987, and
        // 1,987 = 5 x 397 + 2, so workbook 2. Its anagrams have the same sum.
        assertTrue(cases.contains("`maria.lopez@corp.com` -> workbook 2"), cases);
        assertTrue(cases.contains("`mario.lapez@corp.com` -> workbook 2"), cases);
        assertTrue(cases.contains("`amria.lopez@corp.com` -> workbook 2"), cases);
    }

    @Test
    void charSumCasesGiveLargestSum() {
        long largest = 0;
        for (String email : Emails.generate(10_000, 3)) {
            long sum = 0;
            for (char unit : email.toCharArray()) {
                sum += unit;
            }
            largest = Math.max(largest, sum);
        }
        String cases = RoutingReport.charSumCases();
        assertTrue(cases.contains("no shard above " + largest + " (the largest sum"), cases);
        // The bound holds for the sample only: forty z's alone sum to 40 x 122 = 4,880.
        String longAddress = "z".repeat(40) + "@gmail.com";
        assertTrue(new CharSumRouter(10_000).route(longAddress) > largest, longAddress);
        assertTrue(cases.contains("receives any of them"), cases);
        assertFalse(cases.contains("can ever receive"), cases);
    }
}

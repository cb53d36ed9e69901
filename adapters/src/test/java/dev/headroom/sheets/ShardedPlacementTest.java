package dev.headroom.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.ledger.Transaction;
import dev.headroom.routing.RouterKind;
import dev.headroom.routing.ShardRouter;
import dev.headroom.routing.StickyRouter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each router puts a user's tab in the workbook it picks, and only there. */
class ShardedPlacementTest {

    private static final int SHARDS = 3;
    private static final List<String> EMAILS = List.of("ann@example.com", "bob@example.com",
            "cid@example.org", "dan+llm@example.net", "eve@x.io", "fay@mail.example.com");

    @Test
    void everyRouterPlacesTabsWhereItRoutes() {
        try (EmulatorFixture emulator = EmulatorFixture.withHighQuotas()) {
            for (RouterKind kind : RouterKind.values()) {
                assertPlacement(emulator, kind.create(SHARDS), kind.configName());
            }
        }
    }

    @Test
    void stickyRouterKeepsPinnedUser() {
        try (EmulatorFixture emulator = EmulatorFixture.withHighQuotas()) {
            StickyRouter sticky = new StickyRouter(RouterKind.CHAR_SUM.create(SHARDS));
            int natural = sticky.route("zed@example.com");
            sticky.place("old@example.com", (natural + 1) % SHARDS);

            assertPlacement(emulator, sticky, "sticky");
        }
    }

    private static void assertPlacement(EmulatorFixture emulator, ShardRouter router,
            String name) {
        List<String> workbooks = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            workbooks.add(emulator.newWorkbook());
        }
        TabPerUserLedger ledger = TabPerUserLedger.sharded(emulator.connection(), workbooks,
                router, emulator.settings());
        List<String> emails = new ArrayList<>(EMAILS);
        emails.add("old@example.com");
        for (String email : emails) {
            ledger.record(Transaction.credit("c-" + email, email, Instant.EPOCH, 5));
        }
        for (String email : emails) {
            String title = TabTitles.forEmail(email);
            int shard = router.route(email);
            for (int i = 0; i < SHARDS; i++) {
                boolean present = emulator.tabTitles(workbooks.get(i)).contains(title);
                assertEquals(i == shard, present, name + ": " + email + " in workbook " + i);
            }
            assertEquals(5, ledger.balanceMicros(email), name + ": " + email);
        }
        assertTrue(ledger.countUsers() == emails.size(), name + " counts every user");
    }
}

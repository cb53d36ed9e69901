package dev.headroom.sheets;

import dev.headroom.ledger.UsageLedger;
import dev.headroom.ledger.UsageLedgerContract;
import dev.headroom.routing.RendezvousRouter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ledger contract on every Sheets ledger, through the real client against the emulator. */
class SheetsLedgerContractTests {

    private static final Logger LOG = LoggerFactory.getLogger(SheetsLedgerContractTests.class);

    private static EmulatorFixture emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = EmulatorFixture.withHighQuotas();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    /** Base of the four suites: a fresh workbook per test and the documented bound of one. */
    abstract static class SheetsContract extends UsageLedgerContract {

        /** Returns 1, because one ledger instance serializes the admissions of each user. */
        @Override
        protected int bestEffortMaxAdmitted() {
            return 1;
        }

        /** Logs the Sheets calls each test made, which group commit keeps low. */
        @AfterEach
        void logMetrics(TestInfo test) {
            LOG.info("{} {}: {}", getClass().getSimpleName(), test.getDisplayName(),
                    ledger.metrics().snapshot());
        }

        @Override
        protected Duration concurrencyTimeout() {
            return Duration.ofMinutes(5);
        }
    }

    @Nested
    class TabPerUser extends SheetsContract {
        @Override
        protected UsageLedger newLedger() {
            return TabPerUserLedger.singleWorkbook(emulator.connection(),
                    emulator.newWorkbook(), emulator.settings());
        }
    }

    @Nested
    class Sharded extends SheetsContract {
        @Override
        protected UsageLedger newLedger() {
            List<String> ids = List.of(emulator.newWorkbook(), emulator.newWorkbook(),
                    emulator.newWorkbook());
            return TabPerUserLedger.sharded(emulator.connection(), ids, new RendezvousRouter(3),
                    emulator.settings());
        }
    }

    @Nested
    class SharedLog extends SheetsContract {
        @Override
        protected UsageLedger newLedger() {
            return new SharedLogLedger(emulator.connection(), emulator.newWorkbook(),
                    emulator.settings());
        }
    }

    @Nested
    class Archiving extends SheetsContract {
        @Override
        protected UsageLedger newLedger() {
            return new ArchivingSheetsLedger(emulator.connection(), emulator.newWorkbook(),
                    emulator.settings());
        }
    }
}

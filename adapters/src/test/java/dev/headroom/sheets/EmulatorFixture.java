package dev.headroom.sheets;

import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.GridProperties;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.SpreadsheetProperties;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.headroom.retry.RetryPolicy;
import dev.headroom.retry.Sleeper;
import dev.headroom.sheets.emulator.EmulatorConfig;
import dev.headroom.sheets.emulator.SheetsEmulator;
import dev.headroom.sheets.limits.QuotaLimits;
import dev.headroom.sheets.limits.WindowKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process Sheets emulator on 127.0.0.1 with a simulated clock, a client for it, and the
 * ledger settings whose retry sleeper advances that clock instead of sleeping.
 */
final class EmulatorFixture implements AutoCloseable {

    private static final int HIGH_QUOTA = 10_000_000;

    private final AtomicLong clockMillis = new AtomicLong(1_767_225_600_000L);
    private final SheetsEmulator emulator;
    private final SheetsConnection connection;

    private EmulatorFixture(EmulatorConfig config) {
        try {
            emulator = SheetsEmulator.start(config.withClock(clockMillis::get));
        } catch (IOException e) {
            throw new UncheckedIOException("the Sheets emulator failed to start", e);
        }
        connection = SheetsClients.emulator(URI.create(emulator.rootUrl()), "proxy");
    }

    /** Starts an emulator with quotas no test reaches. */
    static EmulatorFixture withHighQuotas() {
        return new EmulatorFixture(highQuotas());
    }

    /** Starts an emulator with Google's quotas: 60 reads and 60 writes a minute per user. */
    static EmulatorFixture withGoogleQuotas() {
        return new EmulatorFixture(EmulatorConfig.defaults());
    }

    /** Starts an emulator with quotas no test reaches and a cell limit per workbook. */
    static EmulatorFixture withCellLimit(long cells) {
        return new EmulatorFixture(highQuotas().withCellLimit(cells));
    }

    /**
     * Starts an emulator with quotas no test reaches and a lower limit of characters per cell,
     * so that it rejects rows that the ledger's own check of Google's limit lets through.
     */
    static EmulatorFixture withCharacterLimit(int characters) {
        return new EmulatorFixture(highQuotas().withCharacterLimit(characters));
    }

    /** Starts an emulator with quotas no test reaches that rejects larger request bodies. */
    static EmulatorFixture withMaxRequestBytes(int bytes) {
        return new EmulatorFixture(highQuotas().withMaxRequestBytes(bytes));
    }

    private static EmulatorConfig highQuotas() {
        QuotaLimits high = new QuotaLimits(HIGH_QUOTA, HIGH_QUOTA, HIGH_QUOTA, HIGH_QUOTA);
        return EmulatorConfig.defaults().withQuotas(high, WindowKind.FIXED);
    }

    SheetsConnection connection() {
        return connection;
    }

    /** Returns the emulator's root URL, such as {@code http://127.0.0.1:PORT/}. */
    String rootUrl() {
        return emulator.rootUrl();
    }

    /** Returns ledger settings whose retries and cache follow the emulator's clock. */
    SheetsLedgerSettings settings() {
        return settings(delay -> { });
    }

    /**
     * Returns ledger settings like {@link #settings()} whose retry waits first call
     * {@code beforeWait}, which may block to hold a retrying call.
     */
    SheetsLedgerSettings settings(Sleeper beforeWait) {
        SplittableRandom jitter = new SplittableRandom(7);
        RetryPolicy retries = SheetsLedgerSettings.googleRetryPolicy(RetryPolicy.builder()
                .sleeper(delay -> {
                    beforeWait.sleep(delay);
                    clockMillis.addAndGet(delay.toMillis());
                })
                .nanoClock(() -> clockMillis.get() * 1_000_000)
                .uniform(jitter::nextDouble));
        return SheetsLedgerSettings.defaults().withRetryPolicy(retries)
                .withCache(SheetsLedgerSettings.DEFAULT_CACHE_TTL,
                        () -> clockMillis.get() * 1_000_000);
    }

    long nowMillis() {
        return clockMillis.get();
    }

    /** Moves the clock of the emulator and of {@link #settings()} forward. */
    void advanceMillis(long millis) {
        clockMillis.addAndGet(millis);
    }

    /** Creates an empty workbook and returns its id. */
    String newWorkbook() {
        try {
            Spreadsheet created = connection.sheets().spreadsheets().create(new Spreadsheet()
                    .setProperties(new SpreadsheetProperties().setTitle("ledger"))).execute();
            return created.getSpreadsheetId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a tab with a grid of {@code rows} by {@code columns}. */
    void addTab(String spreadsheetId, String title, int rows, int columns) {
        SheetProperties properties = new SheetProperties().setTitle(title).setGridProperties(
                new GridProperties().setRowCount(rows).setColumnCount(columns));
        Request add = new Request().setAddSheet(new AddSheetRequest().setProperties(properties));
        try {
            connection.sheets().spreadsheets().batchUpdate(spreadsheetId,
                    new BatchUpdateSpreadsheetRequest().setRequests(List.of(add))).execute();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> tabTitles(String spreadsheetId) {
        try {
            List<String> titles = new ArrayList<>();
            connection.sheets().spreadsheets().get(spreadsheetId).execute().getSheets()
                    .forEach(sheet -> titles.add(sheet.getProperties().getTitle()));
            return titles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<List<Object>> values(String spreadsheetId, String range) {
        try {
            ValueRange values = connection.sheets().spreadsheets().values()
                    .get(spreadsheetId, range).execute();
            return values.getValues() == null ? List.of() : values.getValues();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}

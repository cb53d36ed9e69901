package dev.headroom.sheets.emulator;

import dev.headroom.sheets.limits.CellCharacterLimit;
import dev.headroom.sheets.limits.GridBudget;
import dev.headroom.sheets.limits.QuotaLimits;
import dev.headroom.sheets.limits.WindowKind;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Settings of one emulator: where it listens, its limits and its clock. Every limit defaults
 * to Google's documented value; {@link #defaults()} returns them, and the {@code with} methods
 * return changed copies.
 *
 * @param bindAddress the address to listen on; loopback ({@code 127.0.0.1}) by default
 * @param port the TCP port, or 0 to pick a free one
 * @param cellLimit the maximum cells per workbook, counted over every tab's grid
 * @param characterLimit the maximum characters in one cell
 * @param maxRequestBytes the largest request body accepted, in bytes, after gzip decoding
 * @param quotaLimits the per-minute read and write quotas
 * @param windowKind whether quota windows are fixed clock minutes or slide
 * @param clockMillis the clock that quota windows follow, in milliseconds
 * @param projectNumber the project number named in quota errors
 * @param workerThreads the number of threads that serve requests, at least 1
 */
public record EmulatorConfig(String bindAddress, int port, long cellLimit,
        CellCharacterLimit characterLimit, int maxRequestBytes, QuotaLimits quotaLimits,
        WindowKind windowKind, LongSupplier clockMillis, long projectNumber, int workerThreads) {

    /** The loopback address the emulator binds by default. */
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * Google's largest request body, 10,485,760 bytes, rejected with HTTP 400 and
     * {@code Request payload size exceeds the limit: 10485760 bytes.} (talendcomp_tGoogleSheet
     * issue 1, 2018-06, https://github.com/jlolling/talendcomp_tGoogleSheet/issues/1, read
     * 2026-12). Google's usage-limits page recommends at most 2 MB and documents no hard limit.
     */
    public static final int GOOGLE_MAX_REQUEST_BYTES = 10_485_760;

    public EmulatorConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(characterLimit, "characterLimit");
        Objects.requireNonNull(quotaLimits, "quotaLimits");
        Objects.requireNonNull(windowKind, "windowKind");
        Objects.requireNonNull(clockMillis, "clockMillis");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (cellLimit < 1) {
            throw new IllegalArgumentException("cellLimit must be positive, got " + cellLimit);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive, got "
                    + maxRequestBytes);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1, got "
                    + workerThreads);
        }
    }

    /**
     * Returns Google's limits on 127.0.0.1 with a free port, fixed quota windows and the wall
     * clock.
     */
    public static EmulatorConfig defaults() {
        return new EmulatorConfig(LOOPBACK, 0, GridBudget.GOOGLE_CELL_LIMIT,
                CellCharacterLimit.GOOGLE_DEFAULT, GOOGLE_MAX_REQUEST_BYTES,
                QuotaLimits.GOOGLE_DEFAULTS, WindowKind.FIXED, System::currentTimeMillis,
                100_000_000_000L, 4);
    }

    /** Returns a copy that listens on the given address. */
    public EmulatorConfig withBindAddress(String address) {
        return new EmulatorConfig(address, port, cellLimit, characterLimit, maxRequestBytes,
                quotaLimits, windowKind, clockMillis, projectNumber, workerThreads);
    }

    /** Returns a copy that listens on the given port, 0 for a free one. */
    public EmulatorConfig withPort(int newPort) {
        return new EmulatorConfig(bindAddress, newPort, cellLimit, characterLimit,
                maxRequestBytes, quotaLimits, windowKind, clockMillis, projectNumber,
                workerThreads);
    }

    /** Returns a copy with the given cell limit per workbook. */
    public EmulatorConfig withCellLimit(long cells) {
        return new EmulatorConfig(bindAddress, port, cells, characterLimit, maxRequestBytes,
                quotaLimits, windowKind, clockMillis, projectNumber, workerThreads);
    }

    /** Returns a copy with the given maximum characters per cell. */
    public EmulatorConfig withCharacterLimit(int characters) {
        return new EmulatorConfig(bindAddress, port, cellLimit,
                new CellCharacterLimit(characters), maxRequestBytes, quotaLimits, windowKind,
                clockMillis, projectNumber, workerThreads);
    }

    /** Returns a copy with the given largest request body, in bytes. */
    public EmulatorConfig withMaxRequestBytes(int bytes) {
        return new EmulatorConfig(bindAddress, port, cellLimit, characterLimit, bytes,
                quotaLimits, windowKind, clockMillis, projectNumber, workerThreads);
    }

    /** Returns a copy with the given quotas and window kind. */
    public EmulatorConfig withQuotas(QuotaLimits limits, WindowKind kind) {
        return new EmulatorConfig(bindAddress, port, cellLimit, characterLimit, maxRequestBytes,
                limits, kind, clockMillis, projectNumber, workerThreads);
    }

    /** Returns a copy whose quota windows follow the given clock, in milliseconds. */
    public EmulatorConfig withClock(LongSupplier clock) {
        return new EmulatorConfig(bindAddress, port, cellLimit, characterLimit, maxRequestBytes,
                quotaLimits, windowKind, clock, projectNumber, workerThreads);
    }
}

package dev.headroom.model.dynamodb;

import static dev.headroom.model.Billing.productOver;

import dev.headroom.engine.SimTime;
import dev.headroom.model.HostingCost;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hosting bill of the DynamoDB model in exact micro-dollars: request units, table storage,
 * S3 archive storage and PUTs, and DAX node hours.
 *
 * <p>Each component is billed as {@code floor(cumulative quantity x price)}, and the cost of an
 * interval is the difference of the cumulative bill at its ends, so the costs of consecutive
 * intervals add up exactly to the cost of their union. A month is one twelfth of a 365-day year
 * (730 hours), and a GB is 2^30 bytes.
 * NOTE: the free storage allowance is applied to the bytes stored at each instant, where AWS
 * applies it to a month's average.
 */
final class DynamoDbBill {

    private static final BigInteger GB_MONTH_BYTE_MILLIS =
            BigInteger.valueOf(1L << 30).multiply(BigInteger.valueOf(SimTime.YEAR / 12));
    private static final long MILLION = 1_000_000L;

    private final DynamoDbParams params;
    private final long startMillis;
    private final StorageIntegral table;
    private final StorageIntegral archive;
    private final TreeMap<Long, HostingCost> checkpoints = new TreeMap<>();
    private long writeUnits;
    private long readHalfUnits;
    private long archivePuts;

    DynamoDbBill(DynamoDbParams params, long startMillis) {
        this.params = params;
        this.startMillis = startMillis;
        this.table = new StorageIntegral(params.prices().freeStorageBytes(), startMillis);
        this.archive = new StorageIntegral(0, startMillis);
        this.checkpoints.put(startMillis, HostingCost.NONE);
    }

    StorageIntegral table() {
        return table;
    }

    StorageIntegral archive() {
        return archive;
    }

    void addWriteUnits(long units) {
        writeUnits += units;
    }

    void addReadHalfUnits(long halfUnits) {
        readHalfUnits += halfUnits;
    }

    void addArchivePut() {
        archivePuts++;
    }

    long writeUnits() {
        return writeUnits;
    }

    long readHalfUnits() {
        return readHalfUnits;
    }

    /**
     * Returns the bill accrued up to {@code to} and records it as a checkpoint. The storage must
     * already be integrated up to {@code to}; request units counted so far are billed here.
     */
    HostingCost cumulativeTo(long to) {
        Map.Entry<Long, HostingCost> last = checkpoints.lastEntry();
        if (to <= last.getKey()) {
            return lookup(to);
        }
        HostingCost total = requestCost()
                .plus(DynamoDbModel.TABLE_STORAGE,
                        storageMicros(table, params.prices().storageMicrosPerGbMonth()))
                .plus(archiveCost())
                .plus(daxCost(to));
        checkpoints.put(to, total);
        return total;
    }

    /** Returns the bill at an earlier interval end, or no cost at or before the start. */
    HostingCost lookup(long at) {
        if (at <= startMillis) {
            return HostingCost.NONE;
        }
        HostingCost value = checkpoints.get(at);
        if (value == null) {
            throw new IllegalArgumentException("cost asked from or to " + at + " ms, which is"
                    + " not the end of an earlier interval; ask for consecutive intervals");
        }
        return value;
    }

    private HostingCost requestCost() {
        long writes = productOver(writeUnits, params.prices().writeMicrosPerMillionUnits(),
                MILLION);
        long reads = productOver(readHalfUnits, params.prices().readMicrosPerMillionUnits(),
                2 * MILLION);
        return HostingCost.of(DynamoDbModel.WRITE_UNITS, writes)
                .plus(DynamoDbModel.READ_UNITS, reads);
    }

    /**
     * Returns the S3 archive's storage and PUTs, or no cost when the phase does not archive to
     * S3 and they cost nothing. A table taken over from an archiving phase still pays for them.
     */
    private HostingCost archiveCost() {
        long storage = storageMicros(archive, params.archive().storageMicrosPerGbMonth());
        long puts = productOver(archivePuts, params.archive().putMicrosPerThousand(), 1_000);
        if (!params.archive().movesToS3() && storage == 0 && puts == 0) {
            return HostingCost.NONE;
        }
        return HostingCost.of(DynamoDbModel.ARCHIVE_STORAGE, storage)
                .plus(DynamoDbModel.ARCHIVE_PUTS, puts);
    }

    /**
     * Returns {@code a * b / divisor}, rounded down, through a wide product: a run's request
     * units times a price may exceed a {@code long} even when the quotient does not.
     */
    private static long storageMicros(StorageIntegral storage, long microsPerGbMonth) {
        return storage.billableByteMillis().multiply(BigInteger.valueOf(microsPerGbMonth))
                .divide(GB_MONTH_BYTE_MILLIS).longValueExact();
    }

    private HostingCost daxCost(long to) {
        if (params.dax().nodeCount() == 0) {
            return HostingCost.NONE;
        }
        return HostingCost.of(DynamoDbModel.DAX_NODES, params.dax().nodeMicros(startMillis, to));
    }
}

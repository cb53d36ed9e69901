package dev.headroom.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's capacity-unit arithmetic, exact and in integers: item sizes, write units, read
 * units (counted in halves, so an eventually consistent 4 KB read is 1) and Query pages.
 *
 * <p>Rules and their sources, all read 2026-12. A write rounds the item up to the next 1 KB.
 * A GetItem rounds the item up to the next 4 KB. A Query treats the items it returns as one
 * read: DynamoDB sums their sizes and rounds the total up to the next 4 KB. Source:
 * "DynamoDB read and write operations", Amazon DynamoDB Developer Guide,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 *
 * <p>One Query call reads at most 1 MB of items and returns the rest on later pages. Source:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Other.html
 *
 * <p>Each partition serves at most 1,000 write units and 3,000 read units per second, in
 * on-demand mode too. Source:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput-scenarios.html
 *
 * <p>An item, attribute names included, is at most 400 KB. Source:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html
 *
 * <p>A kilobyte here is 1,024 bytes and a megabyte 1,048,576 bytes, as dynalite counts them.
 */
public final class CapacityUnits {

    /** Bytes covered by one write unit. */
    public static final long WRITE_BLOCK_BYTES = 1_024;

    /** Bytes covered by one strongly consistent read unit. */
    public static final long READ_BLOCK_BYTES = 4_096;

    /** Maximum summed item bytes that one Query call reads before it returns a page. */
    public static final long QUERY_PAGE_MAX_BYTES = 1_048_576;

    /** Maximum size of one item, attribute names included, in bytes. */
    public static final long ITEM_MAX_BYTES = 409_600;

    /** Maximum write units per second that one partition serves. */
    public static final long PARTITION_MAX_WRITE_UNITS_PER_SECOND = 1_000;

    /** Maximum read units per second that one partition serves. */
    public static final long PARTITION_MAX_READ_UNITS_PER_SECOND = 3_000;

    private CapacityUnits() {
    }

    /** Returns the size of an item as DynamoDB counts it, in bytes (rules in ItemSize). */
    public static long itemBytes(Map<String, AttributeValue> item) {
        return ItemSize.itemBytes(item);
    }

    /**
     * Returns the write units of writing an item of {@code itemBytes}: one per started 1 KB,
     * at least one, doubled for a transactional write. For an update or a delete, pass the
     * larger of the item's sizes before and after the write.
     */
    public static long writeUnits(long itemBytes, WriteMode mode) {
        requireSize(itemBytes);
        return Math.max(1, blocks(itemBytes, WRITE_BLOCK_BYTES)) * mode.unitsPerBlock();
    }

    /**
     * Returns the half read units of a GetItem that reads {@code itemBytes}: one started 4 KB
     * block at least, so a read of a missing item (size 0) costs as much as a 4 KB item.
     */
    public static long getItemReadHalfUnits(long itemBytes, ReadConsistency consistency) {
        requireSize(itemBytes);
        return pageReadHalfUnits(itemBytes, consistency);
    }

    /**
     * Returns the half read units of one Query page whose items sum to {@code pageBytes}.
     *
     * <p>NOTE: an empty page is charged one 4 KB block, as a read of a missing item is. The
     * guide does not state this case, and dynalite 4.0.0 reports zero units for it.
     */
    public static long pageReadHalfUnits(long pageBytes, ReadConsistency consistency) {
        if (pageBytes < 0) {
            throw new IllegalArgumentException(
                    "invalid page size " + pageBytes + " bytes: give zero or more bytes");
        }
        return Math.max(1, blocks(pageBytes, READ_BLOCK_BYTES)) * consistency.halfUnitsPerBlock();
    }

    /**
     * Returns the cost of a Query that reads items of the given sizes in key order and follows
     * every page. A page takes items while their sum stays within 1 MB, and the next item
     * starts a new page.
     */
    public static QueryCharge query(long[] itemSizes, ReadConsistency consistency) {
        long pages = 1;
        long pageBytes = 0;
        long totalBytes = 0;
        long halfUnits = 0;
        for (long size : itemSizes) {
            requireSize(size);
            if (pageBytes + size > QUERY_PAGE_MAX_BYTES) {
                halfUnits += pageReadHalfUnits(pageBytes, consistency);
                pages++;
                pageBytes = 0;
            }
            pageBytes += size;
            totalBytes += size;
        }
        halfUnits += pageReadHalfUnits(pageBytes, consistency);
        return new QueryCharge(pages, totalBytes, halfUnits);
    }

    /**
     * Returns the cost of a Query over {@code itemCount} items of {@code itemBytes} each, in
     * constant time; equal to {@link #query(long[], ReadConsistency)} on the same sizes.
     */
    public static QueryCharge queryUniform(
            long itemCount, long itemBytes, ReadConsistency consistency) {
        if (itemCount < 0) {
            throw new IllegalArgumentException(
                    "invalid item count " + itemCount + ": give zero or more items");
        }
        requireSize(itemBytes);
        if (itemCount == 0 || itemBytes == 0) {
            return new QueryCharge(1, 0, pageReadHalfUnits(0, consistency));
        }
        long itemsPerPage = QUERY_PAGE_MAX_BYTES / itemBytes;
        long fullPages = itemCount / itemsPerPage;
        long lastPageItems = itemCount % itemsPerPage;
        long halfUnits = fullPages * pageReadHalfUnits(itemsPerPage * itemBytes, consistency);
        long pages = fullPages;
        if (lastPageItems > 0) {
            halfUnits += pageReadHalfUnits(lastPageItems * itemBytes, consistency);
            pages++;
        }
        return new QueryCharge(pages, itemCount * itemBytes, halfUnits);
    }

    /** Converts half read units to the read units DynamoDB reports, such as 0.5 or 12.0. */
    public static double toUnits(long halfUnits) {
        return halfUnits / 2.0;
    }

    /**
     * Converts read units as DynamoDB reports them to half units.
     *
     * @throws IllegalArgumentException if the value is not a non-negative multiple of 0.5
     */
    public static long toHalfUnits(double units) {
        double halves = units * 2.0;
        if (units < 0 || halves != Math.rint(halves)) {
            throw new IllegalArgumentException("read units " + units
                    + " are not a non-negative multiple of 0.5");
        }
        return (long) halves;
    }

    private static long blocks(long bytes, long blockBytes) {
        return (bytes + blockBytes - 1) / blockBytes;
    }

    private static void requireSize(long itemBytes) {
        if (itemBytes < 0 || itemBytes > ITEM_MAX_BYTES) {
            throw new IllegalArgumentException("invalid item size " + itemBytes
                    + " bytes: DynamoDB items are 0 to " + ITEM_MAX_BYTES + " bytes (400 KB)");
        }
    }
}

package dev.headroom.dynamodb;

/**
 * Read cost of a Query that follows every page to the end.
 *
 * @param pages Query calls needed, each returning at most 1 MB of items (at least one call)
 * @param itemBytes summed size of every item read, in bytes
 * @param readHalfUnits read units consumed over all pages, counted in halves of a unit
 */
public record QueryCharge(long pages, long itemBytes, long readHalfUnits) {

    /** Returns the read units consumed, as DynamoDB reports them (a multiple of 0.5). */
    public double readUnits() {
        return CapacityUnits.toUnits(readHalfUnits);
    }
}

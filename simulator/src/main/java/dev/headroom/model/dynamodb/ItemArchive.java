package dev.headroom.model.dynamodb;

import java.util.Arrays;

/**
 * Counts each user's log items by write-time bucket, so that items older than the retention
 * age can leave the table in bucket steps. State is one ring of counters per user: an item
 * written in bucket {@code k} leaves when bucket {@code k + R + 1} begins, where {@code R} is
 * the retention in whole buckets, so it has then been stored for at least the retention age.
 */
final class ItemArchive {

    /** Receives the items of one user that one bucket step archives. */
    interface Sink {
        void archived(int user, int items);
    }

    private final long bucketMillis;
    private final int ring;
    private long currentBucket;
    private int users;
    private int[] counts = new int[0];
    private int[] archivedItems = new int[0];

    ItemArchive(ArchiveParams params, long startMillis) {
        this.bucketMillis = params.bucketMillis();
        this.ring = params.retentionBuckets() + 1;
        this.currentBucket = Math.floorDiv(startMillis, bucketMillis);
    }

    /** Counts one item of {@code user} written in the current bucket. */
    void add(int user) {
        ensureUser(user);
        counts[user * ring + slot(currentBucket)]++;
    }

    /** Returns the simulated time at which the next bucket begins. */
    long nextBoundaryMillis() {
        return (currentBucket + 1) * bucketMillis;
    }

    /** Moves to the next bucket and hands each user's items that leave the table to the sink. */
    void step(Sink sink) {
        currentBucket++;
        int slot = slot(currentBucket);
        for (int user = 0; user < users; user++) {
            int index = user * ring + slot;
            int items = counts[index];
            if (items > 0) {
                counts[index] = 0;
                archivedItems[user] += items;
                sink.archived(user, items);
            }
        }
    }

    /** Returns the items of {@code user} archived so far. */
    int archivedItems(int user) {
        return user < archivedItems.length ? archivedItems[user] : 0;
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) ring);
    }

    private void ensureUser(int user) {
        if (user < users) {
            return;
        }
        users = user + 1;
        if (user < archivedItems.length) {
            return;
        }
        int capacity = Math.max(users, Math.max(64, archivedItems.length * 2));
        counts = Arrays.copyOf(counts, Math.multiplyExact(capacity, ring));
        archivedItems = Arrays.copyOf(archivedItems, capacity);
    }
}

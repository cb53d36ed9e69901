package dev.headroom.model.dynamodb;

import java.util.Arrays;

/**
 * Counts each user's log items by write-time bucket, so that items older than the retention
 * age can leave the table in bucket steps. State is one ring of counters per user: an item
 * written in bucket {@code k} ages out when bucket {@code k + R + 1} begins, where {@code R} is
 * the retention in whole buckets, so it has then been stored for at least the retention age.
 */
final class ItemArchive {

    /** Receives the items of one user that one bucket step ages out. */
    interface Sink {
        void aged(int user, int items);
    }

    private final long bucketMillis;
    private final int ring;
    private long currentBucket;
    private int users;
    private int[] counts = new int[0];

    ItemArchive(ArchiveParams params, long startMillis) {
        this.bucketMillis = params.bucketMillis();
        this.ring = params.retentionBuckets() + 1;
        this.currentBucket = Math.floorDiv(startMillis, bucketMillis);
    }

    /** Counts {@code items} items of {@code user} written in the current bucket. */
    void add(int user, long items) {
        ensureUser(user);
        int index = user * ring + slot(currentBucket);
        counts[index] = Math.addExact(counts[index], Math.toIntExact(items));
    }

    /** Returns the simulated time at which the next bucket begins. */
    long nextBoundaryMillis() {
        return (currentBucket + 1) * bucketMillis;
    }

    /** Moves to the next bucket and hands each user's items that age out to the sink. */
    void step(Sink sink) {
        currentBucket++;
        int slot = slot(currentBucket);
        for (int user = 0; user < users; user++) {
            int index = user * ring + slot;
            int items = counts[index];
            if (items > 0) {
                counts[index] = 0;
                sink.aged(user, items);
            }
        }
    }

    /**
     * Copies the counts of {@code previous}, which must have the same bucket width, retention
     * and current bucket, so each item keeps its write-time bucket.
     *
     * @throws IllegalArgumentException if the two differ in bucket width, retention or bucket
     */
    void takeOver(ItemArchive previous) {
        if (previous.bucketMillis != bucketMillis || previous.ring != ring
                || previous.currentBucket != currentBucket) {
            throw new IllegalArgumentException("cannot take over item ages counted in "
                    + previous.ring + " buckets of " + previous.bucketMillis + " ms at bucket "
                    + previous.currentBucket + " with " + ring + " buckets of " + bucketMillis
                    + " ms at bucket " + currentBucket + "; use the same retention and bucket");
        }
        users = previous.users;
        counts = previous.counts.clone();
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) ring);
    }

    private void ensureUser(int user) {
        if (user < users) {
            return;
        }
        users = user + 1;
        if ((long) users * ring <= counts.length) {
            return;
        }
        int capacity = Math.max(users, Math.max(64, counts.length / ring * 2));
        counts = Arrays.copyOf(counts, Math.multiplyExact(capacity, ring));
    }
}

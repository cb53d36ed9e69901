package dev.headroom.model;

/**
 * Cumulative balance reads of a cache in front of a backend's store.
 *
 * @param hits reads that a fresh cache entry served, with no store call
 * @param misses reads that found no fresh entry and went to the store
 */
public record CacheCount(long hits, long misses) {

    /** The count of a backend without a cache. */
    public static final CacheCount NONE = new CacheCount(0, 0);
}

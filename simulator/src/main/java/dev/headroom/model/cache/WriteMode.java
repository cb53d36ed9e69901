package dev.headroom.model.cache;

/** The change that an appended row makes to the user's cache entry once Sheets stored it. */
public enum WriteMode {
    /** Deletes the entry, so the next balance read goes to Sheets. */
    INVALIDATE,
    /** Writes the new balance into the entry, which stays fresh for another TTL. */
    UPDATE
}

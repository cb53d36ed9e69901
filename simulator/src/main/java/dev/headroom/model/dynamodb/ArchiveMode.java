package dev.headroom.model.dynamodb;

/** What happens to a log item once it is older than the archive's retention age. */
public enum ArchiveMode {

    /**
     * The item stays in the table, and the model only counts it as aged, so that a later phase
     * that archives can take over the table with each item's age.
     */
    TRACK_AGES,

    /** The item leaves the table by TTL and is copied to S3. */
    MOVE_TO_S3
}

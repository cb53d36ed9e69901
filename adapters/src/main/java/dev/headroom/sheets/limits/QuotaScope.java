package dev.headroom.sheets.limits;

/** The caller set a quota counts: the whole project, or one user of the project. */
public enum QuotaScope {
    /** Every call made with the project's credentials, by any identity. */
    PROJECT,
    /** The calls of one identity; Google counts a service account as one user. */
    USER
}

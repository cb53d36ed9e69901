package dev.headroom.model.sheets;

/**
 * The identity that makes each Sheets API call, which sets how the per-user quotas apply.
 * Google counts the calls of a service account as one user (Sheets API usage limits,
 * https://developers.google.com/workspace/sheets/api/limits, copy of 2026-04-23).
 */
public enum CallerIdentity {
    /** The plan's proxy: every call comes from one service account, so one user's quota. */
    SERVICE_ACCOUNT,
    /** Each end user's calls come from that user's own identity, with a quota of their own. */
    END_USER;

    /** Returns the quota identity of a call made for the user with {@code email}. */
    String callerOf(String email) {
        return this == SERVICE_ACCOUNT ? "service-account" : email;
    }
}

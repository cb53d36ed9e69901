package dev.headroom.sheets.limits;

/**
 * The four per-minute request quotas of the Sheets API, with the names Google gives them in a
 * 429 response: the limit id ({@code quota_limit}), the metric id ({@code quota_metric}) and
 * the display names quoted in the message. Sources: Sheets API usage limits,
 * https://developers.google.com/workspace/sheets/api/limits (copy of 2026-04-23), and the
 * message texts in gargle issue 160, https://github.com/r-lib/gargle/issues/160 (2020-12).
 */
public enum Quota {
    /** Reads by the whole project. */
    READ_REQUESTS_PER_MINUTE(RequestKind.READ, QuotaScope.PROJECT,
            "ReadRequestsPerMinute", "Read requests per minute"),
    /** Reads by one user of the project. */
    READ_REQUESTS_PER_MINUTE_PER_USER(RequestKind.READ, QuotaScope.USER,
            "ReadRequestsPerMinutePerUser", "Read requests per minute per user"),
    /** Writes by the whole project. */
    WRITE_REQUESTS_PER_MINUTE(RequestKind.WRITE, QuotaScope.PROJECT,
            "WriteRequestsPerMinute", "Write requests per minute"),
    /** Writes by one user of the project. */
    WRITE_REQUESTS_PER_MINUTE_PER_USER(RequestKind.WRITE, QuotaScope.USER,
            "WriteRequestsPerMinutePerUser", "Write requests per minute per user");

    private final RequestKind requestKind;
    private final QuotaScope scope;
    private final String limitName;
    private final String limitDisplayName;

    Quota(RequestKind requestKind, QuotaScope scope, String limitName, String limitDisplayName) {
        this.requestKind = requestKind;
        this.scope = scope;
        this.limitName = limitName;
        this.limitDisplayName = limitDisplayName;
    }

    /** Returns the quota that counts calls of this kind in this scope. */
    public static Quota of(RequestKind kind, QuotaScope scope) {
        if (kind == RequestKind.READ) {
            return scope == QuotaScope.PROJECT
                    ? READ_REQUESTS_PER_MINUTE : READ_REQUESTS_PER_MINUTE_PER_USER;
        }
        return scope == QuotaScope.PROJECT
                ? WRITE_REQUESTS_PER_MINUTE : WRITE_REQUESTS_PER_MINUTE_PER_USER;
    }

    /** Returns the kind of call this quota counts. */
    public RequestKind requestKind() {
        return requestKind;
    }

    /** Returns whether the quota counts the whole project or one user. */
    public QuotaScope scope() {
        return scope;
    }

    /** Returns Google's limit id, such as {@code WriteRequestsPerMinutePerUser}. */
    public String limitName() {
        return limitName;
    }

    /** Returns the limit's display name, such as {@code Write requests per minute per user}. */
    public String limitDisplayName() {
        return limitDisplayName;
    }

    /** Returns Google's metric id, such as {@code sheets.googleapis.com/write_requests}. */
    public String metricName() {
        return requestKind == RequestKind.READ
                ? "sheets.googleapis.com/read_requests" : "sheets.googleapis.com/write_requests";
    }

    /** Returns the metric's display name, {@code Read requests} or {@code Write requests}. */
    public String metricDisplayName() {
        return requestKind == RequestKind.READ ? "Read requests" : "Write requests";
    }
}

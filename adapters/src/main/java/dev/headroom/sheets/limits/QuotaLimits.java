package dev.headroom.sheets.limits;

/**
 * Per-minute request limits of one Google Cloud project, in requests per minute.
 *
 * @param readPerProject reads per minute by the whole project
 * @param readPerUser reads per minute by one user of the project
 * @param writePerProject writes per minute by the whole project
 * @param writePerUser writes per minute by one user of the project
 */
public record QuotaLimits(int readPerProject, int readPerUser, int writePerProject,
        int writePerUser) {

    /**
     * Google's defaults: 300 reads and 300 writes per minute per project, 60 of each per minute
     * per user per project (Sheets API usage limits,
     * https://developers.google.com/workspace/sheets/api/limits, copy of 2026-04-23).
     */
    public static final QuotaLimits GOOGLE_DEFAULTS = new QuotaLimits(300, 60, 300, 60);

    public QuotaLimits {
        requirePositive(readPerProject, "readPerProject");
        requirePositive(readPerUser, "readPerUser");
        requirePositive(writePerProject, "writePerProject");
        requirePositive(writePerUser, "writePerUser");
    }

    /** Returns the limit of one quota, in requests per minute. */
    public int limit(Quota quota) {
        switch (quota) {
            case READ_REQUESTS_PER_MINUTE:
                return readPerProject;
            case READ_REQUESTS_PER_MINUTE_PER_USER:
                return readPerUser;
            case WRITE_REQUESTS_PER_MINUTE:
                return writePerProject;
            default:
                return writePerUser;
        }
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 request per minute, got "
                    + value);
        }
    }
}

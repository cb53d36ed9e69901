package dev.headroom.scenario;

/**
 * Sheets API request quotas, each refilled every minute.
 *
 * @param readsPerMinutePerProject read requests per minute for the whole project
 * @param readsPerMinutePerUser read requests per minute per user per project
 * @param writesPerMinutePerProject write requests per minute for the whole project
 * @param writesPerMinutePerUser write requests per minute per user per project
 */
public record SheetsQuotas(
        int readsPerMinutePerProject,
        int readsPerMinutePerUser,
        int writesPerMinutePerProject,
        int writesPerMinutePerUser) {
}

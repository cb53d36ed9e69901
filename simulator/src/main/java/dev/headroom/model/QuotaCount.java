package dev.headroom.model;

/**
 * A cumulative count of throttled attempts for one quota.
 *
 * @param quota the quota's name, as Google or AWS names it, such as
 *     {@code WriteRequestsPerMinutePerUser}
 * @param throttles attempts rejected by this quota since the start of the run
 */
public record QuotaCount(String quota, long throttles) {
}

package dev.headroom.sheets.emulator;

import dev.headroom.sheets.limits.Quota;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Google's HTTP 429 error for an exhausted per-minute quota: status
 * {@code RESOURCE_EXHAUSTED}, a message naming the quota metric and limit, an ErrorInfo with
 * reason {@code RATE_LIMIT_EXCEEDED} and the quota's ids, and a Help link. The shape follows
 * responses quoted in ballerina-library issue 5735 (2023-11,
 * https://github.com/ballerina-platform/ballerina-library/issues/5735) and gargle issue 160
 * (2020-12, https://github.com/r-lib/gargle/issues/160), both read 2026-12.
 */
final class QuotaErrors {

    private static final String SERVICE = "sheets.googleapis.com";

    private QuotaErrors() {
    }

    /** Returns the 429 error for a call rejected by {@code quota} with the given limit. */
    static ApiException exhausted(Quota quota, int limitValue, long projectNumber) {
        String message = "Quota exceeded for quota metric '" + quota.metricDisplayName()
                + "' and limit '" + quota.limitDisplayName() + "' of service '" + SERVICE
                + "' for consumer 'project_number:" + projectNumber + "'.";
        return new ApiException(429, "RESOURCE_EXHAUSTED", null, message,
                List.of(errorInfo(quota, limitValue, projectNumber), help()));
    }

    private static Map<String, Object> errorInfo(Quota quota, int limitValue,
            long projectNumber) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("quota_location", "global");
        metadata.put("service", SERVICE);
        metadata.put("quota_limit_value", Integer.toString(limitValue));
        metadata.put("quota_limit", quota.limitName());
        metadata.put("consumer", "projects/" + projectNumber);
        metadata.put("quota_metric", quota.metricName());

        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", "RATE_LIMIT_EXCEEDED");
        info.put("domain", "googleapis.com");
        info.put("metadata", metadata);
        return info;
    }

    private static Map<String, Object> help() {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("description", "Request a higher quota limit.");
        link.put("url", "https://cloud.google.com/docs/quota#requesting_higher_quota");

        Map<String, Object> help = new LinkedHashMap<>();
        help.put("@type", "type.googleapis.com/google.rpc.Help");
        help.put("links", List.of(link));
        return help;
    }
}

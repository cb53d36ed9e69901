package dev.headroom.sheets.limits;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of asking the quota windows for one call: granted, or rejected by one quota.
 * Instances are shared constants, so a decision costs no allocation.
 */
public final class QuotaDecision {

    /** The call passes and has been counted. */
    public static final QuotaDecision GRANTED = new QuotaDecision(null);

    private static final Map<Quota, QuotaDecision> REJECTIONS = new EnumMap<>(Quota.class);

    static {
        for (Quota quota : Quota.values()) {
            REJECTIONS.put(quota, new QuotaDecision(quota));
        }
    }

    private final Quota rejectedBy;

    private QuotaDecision(Quota rejectedBy) {
        this.rejectedBy = rejectedBy;
    }

    /** Returns the decision that the given quota rejected the call. */
    public static QuotaDecision rejected(Quota quota) {
        return REJECTIONS.get(quota);
    }

    /** Returns whether the call passes. */
    public boolean granted() {
        return rejectedBy == null;
    }

    /** Returns the quota that rejected the call, or empty when it was granted. */
    public Optional<Quota> rejectedBy() {
        return Optional.ofNullable(rejectedBy);
    }

    @Override
    public String toString() {
        return rejectedBy == null ? "granted" : "rejected by " + rejectedBy.limitName();
    }
}

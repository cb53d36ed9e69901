package dev.headroom.sheets.limits;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Sheets API's per-minute read and write quotas of one project, per project and per user
 * per project. A call passes only if both its project quota and its user's quota have room;
 * a granted call counts against both, and a rejected call counts against neither.
 *
 * <p>Source: Sheets API usage limits, https://developers.google.com/workspace/sheets/api/limits
 * (copy of 2026-04-23): 300 requests per minute per project and 60 per minute per user per
 * project, for reads and for writes, "refilled every minute". Calls by a service account count
 * as one user.
 *
 * <p>NOTE: Google does not say whether a window is a fixed clock minute or slides; the default
 * is {@link WindowKind#FIXED}. Nor does it say which quota a response names when both are
 * exhausted; this class names the per-user quota.
 *
 * <p>Thread-safe: every public method is synchronized. Memory grows with the number of
 * distinct identities seen.
 */
public final class QuotaWindows {

    private final QuotaLimits limits;
    private final WindowKind windowKind;
    private final Map<RequestKind, MinuteWindow> projectWindows = new EnumMap<>(RequestKind.class);
    private final Map<RequestKind, Map<String, MinuteWindow>> userWindows =
            new EnumMap<>(RequestKind.class);

    /** Creates quota windows with Google's default limits and fixed windows. */
    public QuotaWindows() {
        this(QuotaLimits.GOOGLE_DEFAULTS, WindowKind.FIXED);
    }

    public QuotaWindows(QuotaLimits limits, WindowKind windowKind) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.windowKind = Objects.requireNonNull(windowKind, "windowKind");
        for (RequestKind kind : RequestKind.values()) {
            int projectLimit = limits.limit(Quota.of(kind, QuotaScope.PROJECT));
            projectWindows.put(kind, MinuteWindow.create(windowKind, projectLimit));
            userWindows.put(kind, new HashMap<>());
        }
    }

    /** Returns the configured limits. */
    public QuotaLimits limits() {
        return limits;
    }

    /** Returns how the windows move. */
    public WindowKind windowKind() {
        return windowKind;
    }

    /**
     * Decides whether one call passes at {@code nowMillis} and, if it does, counts it.
     *
     * @param identity the user making the call, such as a service account's email
     * @param kind whether the call reads or writes
     * @param nowMillis the caller's current time, in milliseconds
     * @return {@link QuotaDecision#GRANTED}, or the decision naming the quota that rejected it
     */
    public synchronized QuotaDecision tryAcquire(String identity, RequestKind kind,
            long nowMillis) {
        MinuteWindow user = userWindow(identity, kind);
        MinuteWindow project = projectWindows.get(kind);
        if (!user.hasRoom(nowMillis)) {
            return QuotaDecision.rejected(Quota.of(kind, QuotaScope.USER));
        }
        if (!project.hasRoom(nowMillis)) {
            return QuotaDecision.rejected(Quota.of(kind, QuotaScope.PROJECT));
        }
        user.record(nowMillis);
        project.record(nowMillis);
        return QuotaDecision.GRANTED;
    }

    /**
     * Returns the earliest time, at or after {@code nowMillis}, at which a call of this kind by
     * this identity would pass, assuming no other call is made before then.
     */
    public synchronized long nextGrantMillis(String identity, RequestKind kind, long nowMillis) {
        long userTime = userWindow(identity, kind).nextRoomMillis(nowMillis);
        long projectTime = projectWindows.get(kind).nextRoomMillis(nowMillis);
        return Math.max(userTime, projectTime);
    }

    private MinuteWindow userWindow(String identity, RequestKind kind) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(kind, "kind");
        int userLimit = limits.limit(Quota.of(kind, QuotaScope.USER));
        return userWindows.get(kind)
                .computeIfAbsent(identity, id -> MinuteWindow.create(windowKind, userLimit));
    }
}

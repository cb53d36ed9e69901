package dev.headroom.model.sheets;

import dev.headroom.model.CallOutcome;
import dev.headroom.model.QuotaCount;
import dev.headroom.model.latency.LatencyModel;
import dev.headroom.sheets.limits.GoogleBackoff;
import dev.headroom.sheets.limits.Quota;
import dev.headroom.sheets.limits.QuotaDecision;
import dev.headroom.sheets.limits.QuotaWindows;
import dev.headroom.sheets.limits.RequestKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Makes one Sheets API call against the project's quota windows, retrying throttled attempts
 * with Google's backoff. Each attempt takes quota at its own simulated time: the first at the
 * call's time, each retry after the previous attempt's latency and the backoff wait. An
 * attempt's latency comes from the read or the write latency model, by the call's kind.
 *
 * <p>The quota windows count a time earlier than one they have seen as that later time, so a
 * retry pushed into the next minute takes from that minute's quota, and so do calls that arrive
 * before it in simulated time.
 */
final class QuotaCaller {

    private final QuotaWindows windows;
    private final GoogleBackoff backoff;
    private final RandomGenerator jitter;
    private final LatencyModel readLatency;
    private final LatencyModel writeLatency;
    private final Map<Quota, Long> throttles = new EnumMap<>(Quota.class);

    QuotaCaller(QuotaWindows windows, GoogleBackoff backoff, RandomGenerator jitter,
            LatencyModel readLatency, LatencyModel writeLatency) {
        this.windows = windows;
        this.backoff = backoff;
        this.jitter = jitter;
        this.readLatency = readLatency;
        this.writeLatency = writeLatency;
        for (Quota quota : Quota.values()) {
            throttles.put(quota, 0L);
        }
    }

    /**
     * Makes a call of {@code kind} by {@code identity} at {@code now} that touches {@code rows}
     * rows. Returns {@code OK} with the requests, throttled attempts and latency (backoff waits
     * included), or {@code THROTTLED} naming the last quota when the retries ran out.
     */
    CallOutcome call(String identity, RequestKind kind, long now, long rows) {
        LatencyModel latency = kind == RequestKind.READ ? readLatency : writeLatency;
        long time = now;
        int retries = 0;
        while (true) {
            QuotaDecision decision = windows.tryAcquire(identity, kind, time);
            long attemptMillis = latency.sampleMillis(rows);
            if (decision.granted()) {
                return new CallOutcome(CallOutcome.Status.OK, retries + 1, retries,
                        time + attemptMillis - now, null);
            }
            Quota quota = decision.rejectedBy().orElseThrow();
            throttles.merge(quota, 1L, Long::sum);
            if (!backoff.allowsRetry(retries)) {
                return new CallOutcome(CallOutcome.Status.THROTTLED, retries + 1, retries + 1,
                        time + attemptMillis - now, quota.limitName());
            }
            time += attemptMillis + backoff.delayMillis(retries, jitter::nextInt);
            retries++;
        }
    }

    /** Returns throttled attempts since the start, one entry per quota in a fixed order. */
    List<QuotaCount> throttlesByQuota() {
        List<QuotaCount> counts = new ArrayList<>();
        for (Map.Entry<Quota, Long> entry : throttles.entrySet()) {
            counts.add(new QuotaCount(entry.getKey().limitName(), entry.getValue()));
        }
        return counts;
    }
}

package dev.headroom.model.credit;

/**
 * Settings of credit admission.
 *
 * @param design how a request's start is checked against the balance
 * @param cacheTtlMillis how long a balance read stays in the cache, in simulated milliseconds,
 *     used by {@link AdmissionDesign#CACHED_CHECK} only (the scaling plan uses 30,000)
 */
public record AdmissionParams(AdmissionDesign design, long cacheTtlMillis) {

    /** The scaling plan's design: a cached check with a 30 s cache. */
    public static final AdmissionParams PLAN = new AdmissionParams(
            AdmissionDesign.CACHED_CHECK, 30_000L);

    public AdmissionParams {
        if (design == null) {
            throw new IllegalArgumentException("admission design is missing");
        }
        if (cacheTtlMillis < 0) {
            throw new IllegalArgumentException("cache TTL is " + cacheTtlMillis
                    + " ms; it must be zero or more");
        }
    }
}

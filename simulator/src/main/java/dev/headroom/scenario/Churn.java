package dev.headroom.scenario;

/**
 * Users who leave: each month this fraction of the active users stops sending requests.
 *
 * @param monthlyRate the fraction in {@code [0, 1)}; zero means no churn
 */
public record Churn(double monthlyRate) {

    /** No churn. */
    public static final Churn NONE = new Churn(0.0);
}

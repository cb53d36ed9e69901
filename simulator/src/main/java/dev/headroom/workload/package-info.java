/**
 * The synthetic workload: how many users are active at each simulated instant, when each of them
 * sends a chat request, and what each request costs and how long it runs.
 *
 * <p>Users. A {@link dev.headroom.workload.GrowthCurve} gives the number of active users as a
 * function of simulated time; the curves are non-decreasing. With {@link
 * dev.headroom.workload.Churn}, each user leaves after an exponentially distributed lifetime, their
 * ledger rows stay where they are, and a new user signs up at the same instant, so the active
 * count keeps following the curve while the total number of sign-ups grows faster.
 *
 * <p>Requests. Each user's mean rate in requests per day is drawn once, at sign-up, from a
 * {@link dev.headroom.workload.RateDistribution}. Arrivals are a Poisson process whose intensity
 * is that rate times a 24-hour profile and a weekday profile, each normalized to mean 1 (see
 * {@link dev.headroom.workload.ArrivalProfile}). Each request draws a model, its token counts from
 * an empirical {@link dev.headroom.workload.TokenSizeTable}, its exact cost in micro-dollars and
 * its duration.
 *
 * <p>Every draw comes from a {@link dev.headroom.engine.RandomStream} that the caller passes in;
 * {@link dev.headroom.workload.Workload} names the streams it uses. Nothing here reads the wall
 * clock. {@link dev.headroom.workload.TraceFitter} derives token-size quantiles and arrival
 * burstiness from a real request log.
 */
package dev.headroom.workload;

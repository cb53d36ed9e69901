/**
 * One simulation run of a scenario: {@link dev.headroom.run.RunSetups} maps the scenario onto
 * the workload, the backend models and the plan, and {@link dev.headroom.run.SimulationRun}
 * drives every sign-up and request through credit admission and the live phase's model.
 *
 * <p>The run closes one {@link dev.headroom.run.DayRecord} per simulated day, with its calls,
 * failures, latency and costs, and returns them in a {@link dev.headroom.run.RunResult}. Every
 * random draw comes from the scenario's seed, so a scenario and seed give the same result.
 */
package dev.headroom.run;

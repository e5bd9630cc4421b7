/**
 * The end-to-end harness (docs/benchmarks.md): one JVM, the service's embedded broker, the service's
 * classes. This package holds the entry points the scripts run and their options:
 * {@link io.dossierpulse.perf.E2eBenchmark} (benchmarks/run-e2e.sh),
 * {@link io.dossierpulse.perf.LatencyBenchmark} (run-latency.sh) and
 * {@link io.dossierpulse.perf.RecoveryBenchmark} (run-recovery.sh).
 *
 * <ul>
 *   <li>{@code stage}: what is measured, one stage at a time: the throughput stages (consume, floor,
 *       full, peer) and their runner, the latency rate stage, the recovery stages and the service child;
 *   <li>{@code load}: what is written to the input topic: preloads, live traffic;
 *   <li>{@code probe}: what watches a running system: visibility and SLA probes, CPU, stacks, memory;
 *   <li>{@code report}: what is printed and drawn: summaries, charts, output checksums.
 * </ul>
 */
package io.dossierpulse.perf;

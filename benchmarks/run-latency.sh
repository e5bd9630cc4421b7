#!/usr/bin/env bash
# Latency under a steady offered load, on the end-to-end harness of docs/benchmarks.md: one JVM with
# an embedded broker and the production topology, live generated traffic at each offered rate in
# turn; the time to a store lookup, to the published counters, and from an SLA deadline to its
# announcement. Percentiles also go to benchmarks/target/latency-<run>.csv.
#
#   benchmarks/run-latency.sh                              # 5,000 then 20,000 events/s, 60 s each
#   benchmarks/run-latency.sh --rates 2000 --seconds 20    # a short check
#   benchmarks/run-latency.sh --help                       # every option
#
# run-e2e.sh builds the service when needed, compiles the harness and runs this entry point with
# --repo and the arguments given here. The last lines of the output are one LATENCY line per rate.
E2E_MAIN=io.dossierpulse.perf.LatencyBenchmark exec "$(dirname "$0")/run-e2e.sh" "$@"

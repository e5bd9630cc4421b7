#!/usr/bin/env bash
# Recovery and memory with N open dossiers: the packaged service runs as a child process against an
# embedded broker, is killed with SIGKILL and restarted, once on its kept state directory and once on
# a deleted one.
#
#   benchmarks/run-recovery.sh --open 1000000     # 1 million open dossiers (the default)
#   benchmarks/run-recovery.sh --open 10m --service-jar /path/to/quarkus-run.jar
#   benchmarks/run-recovery.sh --help             # every option
#
# run-e2e.sh builds the service when needed, compiles the harness and runs this entry point with
# --repo and the arguments given here. The last line of the output is the RECOVERY line.
E2E_MAIN=io.dossierpulse.perf.RecoveryBenchmark exec "$(dirname "$0")/run-e2e.sh" "$@"

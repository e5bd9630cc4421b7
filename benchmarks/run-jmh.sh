#!/usr/bin/env bash
# Builds the JMH uber-jar and runs the domain benchmarks with the GC profiler (B/op).
#
#   benchmarks/run-jmh.sh                         # everything, defaults below
#   benchmarks/run-jmh.sh TransitionBenchmark     # a regex selects benchmarks
#   benchmarks/run-jmh.sh -p limit=3d Due         # any other JMH option is passed through
#   JMH_OPTS="-f 2 -wi 5 -w 2s -i 10 -r 2s" benchmarks/run-jmh.sh   # longer, steadier run
#   SKIP_BUILD=1 benchmarks/run-jmh.sh            # reuse benchmarks/target/benchmarks.jar
#
# The defaults suit a small, shared machine (2 cores): one fork, short iterations, about
# 10 seconds per benchmark and parameter set. JMH refuses an option given twice, so change
# the defaults through JMH_OPTS rather than by repeating them.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
jar="$bench_dir/target/benchmarks.jar"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    cd "$repo_dir"
    # Offline first (nothing to download once the dependencies are cached); Maven runs at a lower
    # priority so that it does not disturb other work on the machine.
    if ! nice -n 10 ./mvnw -o -q -B -f benchmarks/pom.xml package 2>/dev/null; then
        nice -n 10 ./mvnw -q -B -f benchmarks/pom.xml package
    fi
fi

defaults=(${JMH_OPTS:--f 1 -wi 3 -w 1s -i 5 -r 1s})
result="$bench_dir/target/jmh-result-$(date +%Y%m%d-%H%M%S).json"

java -jar "$jar" "${defaults[@]}" -prof gc -rf json -rff "$result" "$@"
echo "JSON results: $result"

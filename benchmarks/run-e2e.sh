#!/usr/bin/env bash
# End-to-end throughput on one machine against Kafka's own floor (see docs/benchmarks.md).
#
#   benchmarks/run-e2e.sh --events 2000000       # preload 2 million events, run the four stages
#   benchmarks/run-e2e.sh                         # 10 million (the default)
#   benchmarks/run-e2e.sh --preset hanoi-year     # 26 million, about a year of Hanoi
#   benchmarks/run-e2e.sh --help                  # every option
#
# Steps: (1) build the service with Maven when target/classes is missing or older than the sources,
# and write its dependency classpath when missing or older than pom.xml; (2) compile the harness in
# benchmarks/e2e/src with javac into benchmarks/target/e2e-classes; (3) run it in one JVM: the
# embedded broker, the preload and the stages (consume, floor, full, peer). Output also goes to
# benchmarks/target/e2e-run-<timestamp>.log; the last line is the RESULT line:
#   RESULT full_eps= floor_eps= peer_eps= consume_eps= full_vs_floor= sla_events= sla_checksum= counters_checksum=
#
# The harness: entry points in io.dossierpulse.perf (E2eBenchmark, LatencyBenchmark, RecoveryBenchmark);
# stages, load, probes and reports in its sub-packages stage, load, probe and report.
#
# Environment:
#   E2E_CLASSES=DIR          compiled service classes to use instead of target/classes (no build)
#   E2E_CLASSPATH_FILE=FILE  a file holding the dependency classpath (colon-separated jars)
#   E2E_JAVA_OPTS="..."      JVM options instead of the defaults below
#   E2E_MAIN=CLASS           the harness entry point, io.dossierpulse.perf.E2eBenchmark by default
#                            (run-latency.sh and run-recovery.sh set it)
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
cd "$repo_dir"

classes="${E2E_CLASSES:-$repo_dir/target/classes}"
cp_file="${E2E_CLASSPATH_FILE:-$repo_dir/target/e2e-classpath.txt}"
stamp="$repo_dir/target/e2e-build.stamp"

# (1) The service and its dependencies, only when needed.
if [[ -z "${E2E_CLASSES:-}" ]]; then
    if [[ ! -f "$classes/io/dossierpulse/streams/DossierTopology.class" || ! -f "$stamp" ]] \
        || [[ -n "$(find src/main pom.xml -newer "$stamp" -print -quit)" ]]; then
        echo "building the service: ./mvnw -q -B -DskipTests package" >&2
        ./mvnw -q -B -DskipTests package
        touch "$stamp"
    fi
fi
if [[ -z "${E2E_CLASSPATH_FILE:-}" ]]; then
    if [[ ! -f "$cp_file" || pom.xml -nt "$cp_file" ]]; then
        echo "writing the dependency classpath to $cp_file" >&2
        ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
    fi
fi
if [[ ! -f "$classes/io/dossierpulse/streams/DossierTopology.class" ]]; then
    echo "no service classes in $classes" >&2
    exit 1
fi
[[ -s "$cp_file" ]] || { echo "no classpath in $cp_file" >&2; exit 1; }
deps="$(tr -d '\n' < "$cp_file")"

# (2) The harness: a few files, compiled every time (a couple of seconds).
out="$bench_dir/target/e2e-classes"
rm -rf "$out"
mkdir -p "$out"
javac --release 17 -Xlint:all,-classfile -d "$out" -cp "$classes:$deps" \
    $(find "$bench_dir/e2e/src" -name '*.java')

# (3) Run. A fixed 2 GB heap: the broker, the generator's open dossiers (under 70,000 plans), the
# producer buffer (32 MB), the consumers' fetch buffers and the Kafka Streams record cache fit with
# room to spare, and a heap that does not resize keeps GC behaviour the same from stage to stage
# (each stage prints its GC pauses and heap high-water mark). RocksDB's memory is native, outside
# the heap. The JBoss log manager is the service's logging back end (SLF4J goes to it).
java_opts=(${E2E_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseG1GC})
log="$bench_dir/target/e2e-run-$(date +%Y%m%d-%H%M%S).log"
commit="$(git -C "$repo_dir" describe --always --dirty 2>/dev/null || echo unknown)"
java "${java_opts[@]}" \
    -Djava.awt.headless=true \
    -De2e.classes="$classes" -De2e.commit="$commit" \
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "$out:$classes:$deps" \
    "${E2E_MAIN:-io.dossierpulse.perf.E2eBenchmark}" --repo "$repo_dir" "$@" 2>&1 | tee "$log"

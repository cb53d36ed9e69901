#!/usr/bin/env bash
# Runs the JMH suite and writes benchmarks/report/: JMH's JSON, a Markdown table of every score
# with its ratio to the baseline measured in the same run, and the routing report.
#   benchmarks/run.sh short   # about five minutes; what CI runs
#   benchmarks/run.sh full    # the settings annotated on each benchmark (about half an hour)
# Extra arguments go to every JMH call, for example -p shards=5.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-short}"
shift || true
jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  mvn -B -q -DskipTests package
fi
report=benchmarks/report
mkdir -p "$report"
# Nanosecond benchmarks need a few seconds of warm-up before the JIT settles. The slow ones
# (a database read, a simulated year) settle within their first second, but a PostgreSQL read
# varies from one second to the next, so they are measured over 2 s iterations.
fast='RouterBenchmark|EngineBenchmark'
slow='BalanceBenchmark|SeedPlanBenchmark'
case "$mode" in
  short)
    fast_settings=(-f 1 -wi 3 -w 1s -i 3 -r 1s)
    slow_settings=(-f 1 -wi 1 -w 2s -i 2 -r 2s)
    ;;
  full)
    fast_settings=()
    slow_settings=()
    ;;
  *) echo "unknown mode '$mode'; use 'short' or 'full'" >&2; exit 2 ;;
esac
java -jar "$jar" "$fast" "${fast_settings[@]}" -rf json -rff "$report/jmh-fast.json" "$@" \
  | tee "$report/jmh-fast.log"
java -jar "$jar" "$slow" "${slow_settings[@]}" -rf json -rff "$report/jmh-slow.json" "$@" \
  | tee "$report/jmh-slow.log"
java -cp "$jar" dev.headroom.bench.JmhReport "$report/README.md" \
  "$report/jmh-fast.json" "$report/jmh-slow.json"
java -cp "$jar" dev.headroom.bench.RoutingReport "$report/routing.md" > /dev/null
echo "wrote $report/README.md, $report/routing.md and the JMH JSON files"

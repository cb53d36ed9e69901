#!/usr/bin/env bash
# Runs the JMH suite and writes benchmarks/report/: JMH's JSON, a Markdown table of every score
# with its ratio to the baseline measured in the same run, and the routing report.
#   benchmarks/run.sh short   # about five minutes: one fork, one warm-up and two measured seconds
#   benchmarks/run.sh full    # the annotated settings of each benchmark (about half an hour)
# Extra arguments go to JMH, for example a benchmark name pattern.
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
case "$mode" in
  short) settings=(-f 1 -wi 1 -i 2 -w 1s -r 1s) ;;
  full) settings=() ;;
  *) echo "unknown mode '$mode'; use 'short' or 'full'" >&2; exit 2 ;;
esac
java -jar "$jar" "${settings[@]}" -rf json -rff "$report/jmh.json" "$@" | tee "$report/jmh.log"
java -cp "$jar" dev.headroom.bench.JmhReport "$report/jmh.json" "$report/README.md"
java -cp "$jar" dev.headroom.bench.RoutingReport "$report/routing.md" > /dev/null
echo "wrote $report/README.md, $report/routing.md and $report/jmh.json"

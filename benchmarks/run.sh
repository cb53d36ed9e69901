#!/usr/bin/env bash
# Runs the JMH suite and writes benchmarks/report/: JMH's JSON, a Markdown table of every score
# with its ratio to the baseline measured in the same run, and the routing report.
#   benchmarks/run.sh short   # about five minutes; what CI runs
#   benchmarks/run.sh full    # the settings annotated on each benchmark (about eight minutes)
# Extra arguments go to every JMH call, for example -p shards=5.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-short}"
shift || true
case "$mode" in
  short|full) ;;
  *) echo "unknown mode '$mode'; use 'short' or 'full'" >&2; exit 2 ;;
esac
jar=benchmarks/target/benchmarks.jar
# Rebuild when the jar is missing or any source is newer, so an edited router is measured.
if [ ! -f "$jar" ] || [ -n "$(find pom.xml adapters simulator benchmarks -path '*/target' -prune \
    -o -type f -newer "$jar" -print -quit)" ]; then
  echo "building $jar (mvn -B -q -DskipTests package)..." >&2
  mvn -B -q -DskipTests package
fi
report=benchmarks/report
mkdir -p "$report"
# Nanosecond benchmarks need a few seconds of warm-up before the JIT settles. The slow ones
# (a database read, a simulated year) settle within their first second, but a PostgreSQL read
# varies from one second to the next, so they are measured over 2 s iterations.
fast='RouterBenchmark|EngineBenchmark'
slow='BalanceBenchmark|SeedPlanBenchmark'
# JMH refuses an option given twice, so a setting passed as an extra argument replaces the
# mode's. JMH 1.37 takes -p once per parameter, so an extra -p replaces only the mode's -p
# of the same parameter.
# Three measured iterations at least: JMH reports no error for two or fewer.
keep_unless_given() {
  local -n out=$1
  shift 1
  out=()
  while [ "$#" -gt 0 ] && [ "$1" != -- ]; do
    local option="$1" value="$2" given=no i
    shift 2
    for ((i = 0; i < ${#extra[@]}; i++)); do
      [ "${extra[i]}" = "$option" ] || continue
      if [ "$option" != -p ] || [[ "${extra[i + 1]:-}" == "${value%%=*}="* ]]; then
        given=yes
      fi
    done
    [ "$given" = no ] && out+=("$option" "$value")
  done
  return 0
}
extra=("$@")
if [ "$mode" = short ]; then
  keep_unless_given fast_settings -f 1 -wi 3 -w 1s -i 3 -r 1s
  # The short pass reads balances at 10 and 100,000 rows only, the two ends the running-balance
  # target compares; the full pass adds 1,000.
  keep_unless_given slow_settings -f 1 -wi 1 -w 2s -i 3 -r 2s -p rows=10,100000
else
  fast_settings=()
  slow_settings=()
fi
java -jar "$jar" "$fast" "${fast_settings[@]}" -rf json -rff "$report/jmh-fast.json" "$@" \
  | tee "$report/jmh-fast.log"
java -jar "$jar" "$slow" "${slow_settings[@]}" -rf json -rff "$report/jmh-slow.json" "$@" \
  | tee "$report/jmh-slow.log"
java -cp "$jar" dev.headroom.bench.JmhReport "$report/README.md" \
  "$report/jmh-fast.json" "$report/jmh-slow.json"
java -cp "$jar" dev.headroom.bench.RoutingReport "$report/routing.md" > /dev/null
echo "wrote $report/README.md, $report/routing.md and the JMH JSON files"
# JMH exits 0 when a benchmark throws and leaves it out of the JSON, so the report lacks its row.
if grep -q '<failure>' "$report/jmh-fast.log" "$report/jmh-slow.log"; then
  echo "some benchmarks failed and are missing from the report; see $report/jmh-*.log" >&2
  exit 1
fi

#!/usr/bin/env bash
# The console fan-out benchmark, one command: builds what it needs (without tests) and runs alert-service in-process
# against an embedded KRaft broker and an embedded PostgreSQL, with N SSE consoles connected; prints p50/p95/p99
# push latency (publish to dust.warning -> event received by the console) and writes JSON to bench/fanout/target/.
#   bench/fanout/run.sh                      # 1,000 consoles, 40 warnings
#   bench/fanout/run.sh --clients 200 --warnings 10
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/jdk.sh
use_jdk_21_or_newer
if [[ "${FANOUT_SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -q -ntp -pl bench/fanout -am package -DskipTests
fi
exec "$JAVA_HOME/bin/java" -Xmx2g -Djdk.httpclient.keepalive.timeout=600 \
  -cp "bench/fanout/target/classes:$(cat bench/fanout/target/runtime-classpath.txt)" \
  dustwatch.fanout.FanoutBench --out bench/fanout/target "$@"

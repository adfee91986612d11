#!/usr/bin/env bash
# The chaos suite, one command: builds what it needs (without tests), starts a fresh local stack and runs every
# scenario (or those given with --scenarios), printing the accounting table. Options: see --help.
#   bench/chaos/run.sh --port-offset 7000 --data-dir /tmp/chaos --report docs/chaos-latest.md
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/jdk.sh
use_jdk_21_or_newer
if [[ "${CHAOS_SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -q -ntp -pl bench/chaos -am package -DskipTests
fi
exec "$JAVA_HOME/bin/java" -Ddustwatch.stack.ready-timeout-seconds=600 -cp "bench/chaos/target/classes:$(cat bench/chaos/target/runtime-classpath.txt)" \
  dustwatch.chaos.ChaosSuite --home "$PWD" "$@"

#!/usr/bin/env bash
# The national-scale benchmark, one command: builds what it needs (without tests), starts a fresh local stack at the
# port offset (default 5570) and measures every stage side by side. Options: see --help.
#   bench/scale/run.sh --seconds 30 --label after
#   bench/scale/run.sh --seconds 300 --overload --label sustain
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/jdk.sh
use_jdk_21_or_newer
if [[ "${SCALE_SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -q -ntp -pl bench/scale -am package -DskipTests
fi
# the services as the container image runs them (C2 compiler, a larger heap), not with the local stack's start-up
# options (C1 only, 384 MiB): DUSTWATCH_SERVICE_JVM_OPTIONS replaces them (deploy ServiceProcess)
export DUSTWATCH_SERVICE_JVM_OPTIONS="${DUSTWATCH_SERVICE_JVM_OPTIONS:--Xms256m -Xmx768m -XX:+UseSerialGC}"
exec "$JAVA_HOME/bin/java" -Djava.awt.headless=true -Ddustwatch.stack.ready-timeout-seconds=600 \
  -cp "bench/scale/target/classes:$(cat bench/scale/target/runtime-classpath.txt)" dustwatch.scale.ScaleBench --home "$PWD" "$@"

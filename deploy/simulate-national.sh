#!/usr/bin/env bash
# The national-mode simulator against a running stack (deploy/run-local.sh): 43,000 generated enterprises, one
# REALTIME message each every 10 s, push-back honoured (Retry-After), a live progress line. Options: --help.
#   deploy/simulate-national.sh --port-offset 0 --enterprises 43000 --rate-factor 0.5
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/jdk.sh
use_jdk_21_or_newer
if [[ "${SIMULATOR_SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -q -ntp -pl deploy -am package -DskipTests
fi
exec "$JAVA_HOME/bin/java" -cp "deploy/target/classes:$(cat deploy/target/runtime-classpath.txt 2>/dev/null || true)" \
  dustwatch.deploy.simulator.NationalSimulator "$@"

#!/usr/bin/env bash
# Runs the whole dustwatch system locally on embedded defaults: a KRaft Kafka broker, PostgreSQL
# (DATABASE_URL if set, else embedded binaries), Keycloak with the dustwatch realm, the five services and
# the city-node simulator. Ctrl-C stops everything. Options: see `deploy/run-local.sh --help`.
set -euo pipefail
cd "$(dirname "$0")/.."

# a 21+ JDK for the build, the services and Keycloak
source deploy/jdk.sh
if ! use_jdk_21_or_newer; then
  echo "run-local: needs a JDK 21 or newer (set JAVA_HOME)" >&2; exit 1
fi

# Maven's own libraries use sun.misc.Unsafe; JDK 24+ warns about it at every start
if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

for arg in "$@"; do
  case "$arg" in -h|--help|-V|--version) skip_build=1 ;; esac
done
# DUSTWATCH_SKIP_BUILD=1: run what was built last (the launcher test, which runs inside the build)
if [ -n "${DUSTWATCH_SKIP_BUILD:-}" ] && [ -f deploy/target/runtime-classpath.txt ]; then
  skip_build=1
fi
if [ -z "${skip_build:-}" ] || [ ! -f deploy/target/runtime-classpath.txt ]; then
  echo "run-local: building (mvn package, tests skipped)…"
  mvn -q -B package -DskipTests
fi
launcher=("$JAVA_HOME/bin/java" -Xmx256m -cp "deploy/target/classes:$(cat deploy/target/runtime-classpath.txt)"
  dustwatch.deploy.LocalStack "$@")
if ! command -v setsid > /dev/null; then
  exec "${launcher[@]}"
fi
# The launcher runs in a session of its own, so Ctrl-C in this terminal reaches no part of the stack directly
# (PostgreSQL would otherwise get it first and stop under the services); it is passed on as SIGTERM and the
# launcher stops the parts in order: services, then broker, database and Keycloak. Like a service manager,
# this script returns only when the launcher (which waits for every part) has exited, with its exit code:
# 0 when everything stopped on its own, 1 when a part had to be killed or the start failed.
setsid "${launcher[@]}" &
pid=$!
trap 'kill -TERM "$pid" 2> /dev/null' INT TERM HUP
status=0
while true; do
  # `wait` returns early (>128) when a trapped signal arrives; `|| status=$?` keeps set -e from ending the
  # script there, while the launcher is still stopping the parts
  wait "$pid" && status=0 || status=$?
  kill -0 "$pid" 2> /dev/null || break
done
exit "$status"

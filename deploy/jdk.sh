# Sourced by deploy/run-local.sh and .ci/run: picks a JDK 21 or newer for the build, the services and
# Keycloak 26 when JAVA_HOME is unset or older (these machines default to Java 17, with Temurin 25 beside it).

# the feature version of a java binary, e.g. 25; empty when it cannot run
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

# exports JAVA_HOME as a 21+ JDK; returns 1 when there is none
use_jdk_21_or_newer() {
  if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java" || true)" -lt 21 ] 2>/dev/null; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 \
                     /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
      if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
    done
  fi
  [ -n "${JAVA_HOME:-}" ] && [ "$(java_major "$JAVA_HOME/bin/java" || true)" -ge 21 ] 2>/dev/null
}

#!/usr/bin/env bash
# Starts the whole system on its embedded default: Kafka (KRaft) broker, MongoDB-wire store, the four services,
# topics and demo data. Needs only a JDK 17+; Maven comes through the wrapper. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests install
./mvnw -B -q -pl local-stack dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java ${JAVA_OPTS:--Xmx2g} -cp "local-stack/target/classes:$(cat local-stack/target/classpath.txt)" \
  fr.grd.mes.localstack.LocalStack "$@"

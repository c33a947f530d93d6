#!/usr/bin/env bash
# The fault run: N cases (default 1000; 10000 for the full run) while every service process is SIGKILLed once
# and restarted and the Kafka broker is restarted once; prints the figures and exits non-zero if anything was
# lost or billed twice.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests install
./mvnw -B -q -pl tools dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -cp "tools/target/classes:$(cat tools/target/classpath.txt)" fr.grd.mes.tools.faultrun.FaultRun "${1:-1000}"

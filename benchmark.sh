#!/usr/bin/env bash
# The benchmark of the whole pipeline against its ingredients (Kafka-only and composite bounds), in one run.
#   ./benchmark.sh [seconds=30] [concurrent clients=16]      writes docs/benchmark.png
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests install
./mvnw -B -q -pl tools dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
# jars only on the class path (no classes directory): the JDK's ahead-of-time cache (a variant can train and use one)
# refuses a class path with a non-empty directory
jar=tools/target/benchmark-classes.jar
jar cf "$jar" -C tools/target/classes .
exec java -Xmx3g ${BENCH_JAVA_OPTS:-} -cp "$jar:$(cat tools/target/classpath.txt)" fr.grd.mes.tools.benchmark.Benchmark "$@"

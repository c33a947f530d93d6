#!/usr/bin/env bash
# Mints a JWT signed by the local stack's development key, e.g.
#   export TOKEN=$(./mint-token.sh SUPPLIER FOURN-ALPHA)     # a supplier: its own data only
#   export OPS=$(./mint-token.sh OPERATOR)                   # the distributor's desk
#   export TECH=$(./mint-token.sh TECHNICIAN)                # a field technician
#   export PORTAL=$(./mint-token.sh PORTAL)                  # the SGE portal
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f local-stack/target/classpath.txt ] || [ ! -d local-stack/target/classes ]; then
  ./mvnw -B -q -DskipTests install >&2
  ./mvnw -B -q -pl local-stack dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2
fi
exec java -cp "local-stack/target/classes:$(cat local-stack/target/classpath.txt)" fr.grd.mes.localstack.DevJwt "$@"

#!/usr/bin/env bash
# Creates the secret files docker-compose.yml reads, outside the repository (default .local-stack/compose/, which
# git ignores). Idempotent: existing files are kept. Needs a JDK's keytool (KEYTOOL=/path/to/keytool to choose).
#   - Kafka: the admin password, one SCRAM password per principal (each service, the SGE portal, each supplier),
#     a local CA, the broker's PKCS#12 keystore (CN=kafka, SAN kafka/localhost) and the clients' truststore;
#   - MongoDB: the root password, the replica set's key file, one password per service database user;
#   - per service, its own settings as files named after the Spring property (mounted as Docker secrets and read
#     with spring.config.import=configtree:/run/secrets/).
set -euo pipefail
DIR="${1:-.local-stack/compose}"
SUPPLIERS="${SUPPLIERS:-FOURN-ALPHA FOURN-BETA}"
KEYTOOL="${KEYTOOL:-keytool}"
mkdir -p "$DIR"
cd "$DIR"
umask 077

secret() { [ -s "$1" ] || head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 > "$1"; }

secret kafka-admin-password
secret kafka-store-password
for principal in request-service scheduling-service billing-service contract-service sge-portal $SUPPLIERS; do
  secret "kafka-$principal-password"
done
secret mongo-root-password
[ -s mongo-keyfile ] || head -c 756 /dev/urandom | base64 > mongo-keyfile
for service in request scheduling billing contract; do
  secret "mongo-$service-password"
done

if [ ! -s kafka-keystore.p12 ]; then
  pass="$(cat kafka-store-password)"
  rm -f ca.p12 kafka-truststore.p12
  "$KEYTOOL" -genkeypair -alias ca -dname "CN=mes-platform local CA" -ext bc:c -keyalg RSA -keysize 2048 \
    -validity 825 -keystore ca.p12 -storetype PKCS12 -storepass "$pass" 2>/dev/null
  "$KEYTOOL" -exportcert -alias ca -rfc -file ca.pem -keystore ca.p12 -storepass "$pass" 2>/dev/null
  "$KEYTOOL" -genkeypair -alias kafka -dname "CN=kafka" -keyalg RSA -keysize 2048 -validity 825 \
    -keystore kafka-keystore.p12 -storetype PKCS12 -storepass "$pass" 2>/dev/null
  "$KEYTOOL" -certreq -alias kafka -file kafka.csr -keystore kafka-keystore.p12 -storepass "$pass" 2>/dev/null
  "$KEYTOOL" -gencert -alias ca -infile kafka.csr -outfile kafka.pem -rfc -validity 825 \
    -ext "SAN=dns:kafka,dns:localhost" -keystore ca.p12 -storepass "$pass" 2>/dev/null
  "$KEYTOOL" -importcert -noprompt -alias ca -file ca.pem -keystore kafka-keystore.p12 -storepass "$pass" 2>/dev/null
  "$KEYTOOL" -importcert -alias kafka -file kafka.pem -keystore kafka-keystore.p12 -storepass "$pass" 2>/dev/null
  "$KEYTOOL" -importcert -noprompt -alias ca -file ca.pem -keystore kafka-truststore.p12 -storetype PKCS12 \
    -storepass "$pass" 2>/dev/null
  rm -f kafka.csr kafka.pem
fi

# The admin's client settings, for the init container (ACLs, SCRAM users, topics) and for operators.
cat > kafka-admin.properties <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(cat kafka-admin-password)";
ssl.truststore.type=PKCS12
ssl.truststore.location=/run/secrets/kafka-truststore
ssl.truststore.password=$(cat kafka-store-password)
PROPS

for service in request scheduling billing contract; do
  mkdir -p "$service-service"
  printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' \
    "$service-service" "$(cat "kafka-$service-service-password")" > "$service-service/spring.kafka.properties.sasl.jaas.config"
  printf '%s' "$(cat kafka-store-password)" > "$service-service/spring.kafka.ssl.trust-store-password"
  printf 'mongodb://%s:%s@mongo:27017/mes_%s?replicaSet=rs0&authSource=mes_%s' "$service-service" \
    "$(cat "mongo-$service-password")" "$service" "$service" > "$service-service/mes.secrets.mongodb-uri"
done
echo "secrets in $(pwd)"

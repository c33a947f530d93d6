#!/usr/bin/env bash
# Docker Compose's Kafka broker (KRaft, one node): the listener security of ops/kafka/secure-listeners.properties
# (SASL/SCRAM over TLS, ACLs, deny by default) filled with the secrets of ops/compose/make-secrets.sh. The admin's
# SCRAM credential is written when the storage is formatted; every other principal is created by init-security.sh.
set -euo pipefail
CONF=/tmp/server.properties
ADMIN="$(cat /run/secrets/kafka-admin-password)"
STORE="$(cat /run/secrets/kafka-store-password)"
{
  cat <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:9093
log.dirs=/var/lib/kafka/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  sed -e "s|@PORT@|9092|g" -e "s|@CONTROLLER_PORT@|9093|g" -e "s|@HOST@|${KAFKA_HOST:-kafka}|g" \
      -e "s|@ADMIN_PASSWORD@|$ADMIN|g" -e "s|@KEYSTORE@|/run/secrets/kafka-keystore|g" \
      -e "s|@TRUSTSTORE@|/run/secrets/kafka-truststore|g" -e "s|@STORE_PASSWORD@|$STORE|g" \
      /ops/kafka/secure-listeners.properties
} > "$CONF"
if [ ! -f /var/lib/kafka/data/meta.properties ]; then
  /opt/kafka/bin/kafka-storage.sh format --standalone -t "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" -c "$CONF" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$ADMIN]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$CONF"

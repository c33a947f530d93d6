#!/usr/bin/env bash
# Docker Compose's one-shot Kafka init, as the admin: one SCRAM-SHA-512 user per principal (password from its
# secret file), the platform's topics, then the ACLs of ops/kafka/acls.sh (generated from KafkaAccess).
set -euo pipefail
BOOTSTRAP="${BOOTSTRAP:-kafka:9092}"
CONFIG=/run/secrets/kafka-admin-client
BIN=/opt/kafka/bin
SUPPLIERS="${SUPPLIERS:-FOURN-ALPHA FOURN-BETA}"
for principal in request-service scheduling-service billing-service contract-service sge-portal $SUPPLIERS; do
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --alter --entity-type users \
    --entity-name "$principal" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$(cat "/run/secrets/kafka-$principal-password")]" >/dev/null
done
topic() {
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --create --if-not-exists \
    --topic "$1" --partitions 3 --replication-factor 1 "${@:2}" >/dev/null
}
for t in mes.requests mes.appointments mes.interventions sge.requests sge.requests.rejected contract.amendments; do
  topic "$t"
done
topic ref.delivery-points --config cleanup.policy=compact
topic ref.suppliers --config cleanup.policy=compact
topic ref.catalogue --config cleanup.policy=compact
for supplier in $SUPPLIERS; do
  for flow in tracking contractual billing summary; do topic "supplier.$supplier.$flow"; done
done
KAFKA_ACLS="$BIN/kafka-acls.sh" bash /ops/kafka/acls.sh "$BOOTSTRAP" "$CONFIG"

#!/usr/bin/env bash
# GENERATED from fr.grd.mes.events.KafkaAccess (the platform's ACL plan); do not edit by hand:
#   ./mvnw -pl local-stack verify -Dit.test=SecureKafkaIT -Dacls.write=true
# Usage: acls.sh BOOTSTRAP ADMIN_CLIENT_PROPERTIES   (run by the kafka-init container of docker-compose.yml)
set -euo pipefail
BOOTSTRAP="$1"; CONFIG="$2"; ACLS="${KAFKA_ACLS:-/opt/kafka/bin/kafka-acls.sh}"
grant() { "$ACLS" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --add --force "$@" >/dev/null; }
grant --allow-principal User:request-service --operation Create --operation Describe --operation Write --topic mes.requests --resource-pattern-type literal
grant --allow-principal User:request-service --operation Describe --operation Read --topic mes.appointments --resource-pattern-type literal
grant --allow-principal User:request-service --operation Create --operation Describe --operation Write --topic mes.appointments.DLT --resource-pattern-type literal
grant --allow-principal User:request-service --operation Describe --operation Read --topic mes.interventions --resource-pattern-type literal
grant --allow-principal User:request-service --operation Create --operation Describe --operation Write --topic mes.interventions.DLT --resource-pattern-type literal
grant --allow-principal User:request-service --operation Describe --operation Read --topic ref.delivery-points --resource-pattern-type literal
grant --allow-principal User:request-service --operation Create --operation Describe --operation Write --topic ref.delivery-points.DLT --resource-pattern-type literal
grant --allow-principal User:request-service --operation Describe --operation Read --topic ref.suppliers --resource-pattern-type literal
grant --allow-principal User:request-service --operation Create --operation Describe --operation Write --topic ref.suppliers.DLT --resource-pattern-type literal
grant --allow-principal User:request-service --operation Describe --operation Read --topic ref.catalogue --resource-pattern-type literal
grant --allow-principal User:request-service --operation Create --operation Describe --operation Write --topic ref.catalogue.DLT --resource-pattern-type literal
grant --allow-principal User:request-service --operation Describe --operation Read --topic sge.requests --resource-pattern-type literal
grant --allow-principal User:request-service --operation Create --operation Describe --operation Write --topic sge.requests.DLT --resource-pattern-type literal
grant --allow-principal User:request-service --operation Create --operation Describe --operation Write --topic sge.requests.rejected --resource-pattern-type literal
grant --allow-principal User:request-service --operation Create --operation Describe --operation Write --topic supplier. --resource-pattern-type prefixed
grant --allow-principal User:request-service --operation Create --operation Describe --topic contract.amendments --resource-pattern-type literal
grant --allow-principal User:request-service --operation Read --group request-service --resource-pattern-type prefixed
grant --allow-principal User:scheduling-service --operation Describe --operation Read --topic mes.requests --resource-pattern-type literal
grant --allow-principal User:scheduling-service --operation Create --operation Describe --operation Write --topic mes.requests.DLT --resource-pattern-type literal
grant --allow-principal User:scheduling-service --operation Create --operation Describe --operation Write --topic mes.appointments --resource-pattern-type literal
grant --allow-principal User:scheduling-service --operation Create --operation Describe --operation Write --topic mes.interventions --resource-pattern-type literal
grant --allow-principal User:scheduling-service --operation Describe --operation Read --topic ref.delivery-points --resource-pattern-type literal
grant --allow-principal User:scheduling-service --operation Create --operation Describe --operation Write --topic ref.delivery-points.DLT --resource-pattern-type literal
grant --allow-principal User:scheduling-service --operation Create --operation Describe --topic ref.suppliers --resource-pattern-type literal
grant --allow-principal User:scheduling-service --operation Create --operation Describe --topic ref.catalogue --resource-pattern-type literal
grant --allow-principal User:scheduling-service --operation Create --operation Describe --topic sge.requests --resource-pattern-type literal
grant --allow-principal User:scheduling-service --operation Create --operation Describe --topic sge.requests.rejected --resource-pattern-type literal
grant --allow-principal User:scheduling-service --operation Create --operation Describe --topic contract.amendments --resource-pattern-type literal
grant --allow-principal User:scheduling-service --operation Read --group scheduling-service --resource-pattern-type prefixed
grant --allow-principal User:billing-service --operation Create --operation Describe --topic mes.requests --resource-pattern-type literal
grant --allow-principal User:billing-service --operation Create --operation Describe --topic mes.appointments --resource-pattern-type literal
grant --allow-principal User:billing-service --operation Describe --operation Read --topic mes.interventions --resource-pattern-type literal
grant --allow-principal User:billing-service --operation Create --operation Describe --operation Write --topic mes.interventions.DLT --resource-pattern-type literal
grant --allow-principal User:billing-service --operation Describe --operation Read --topic ref.delivery-points --resource-pattern-type literal
grant --allow-principal User:billing-service --operation Create --operation Describe --operation Write --topic ref.delivery-points.DLT --resource-pattern-type literal
grant --allow-principal User:billing-service --operation Describe --operation Read --topic ref.suppliers --resource-pattern-type literal
grant --allow-principal User:billing-service --operation Create --operation Describe --operation Write --topic ref.suppliers.DLT --resource-pattern-type literal
grant --allow-principal User:billing-service --operation Create --operation Describe --operation Write --topic ref.catalogue --resource-pattern-type literal
grant --allow-principal User:billing-service --operation Create --operation Describe --topic sge.requests --resource-pattern-type literal
grant --allow-principal User:billing-service --operation Create --operation Describe --topic sge.requests.rejected --resource-pattern-type literal
grant --allow-principal User:billing-service --operation Create --operation Describe --operation Write --topic supplier. --resource-pattern-type prefixed
grant --allow-principal User:billing-service --operation Create --operation Describe --topic contract.amendments --resource-pattern-type literal
grant --allow-principal User:billing-service --operation Read --group billing-service --resource-pattern-type prefixed
grant --allow-principal User:contract-service --operation Create --operation Describe --topic mes.requests --resource-pattern-type literal
grant --allow-principal User:contract-service --operation Create --operation Describe --topic mes.appointments --resource-pattern-type literal
grant --allow-principal User:contract-service --operation Describe --operation Read --topic mes.interventions --resource-pattern-type literal
grant --allow-principal User:contract-service --operation Create --operation Describe --operation Write --topic mes.interventions.DLT --resource-pattern-type literal
grant --allow-principal User:contract-service --operation Create --operation Describe --operation Write --topic ref.delivery-points --resource-pattern-type literal
grant --allow-principal User:contract-service --operation Create --operation Describe --operation Write --topic ref.suppliers --resource-pattern-type literal
grant --allow-principal User:contract-service --operation Create --operation Describe --topic ref.catalogue --resource-pattern-type literal
grant --allow-principal User:contract-service --operation Create --operation Describe --topic sge.requests --resource-pattern-type literal
grant --allow-principal User:contract-service --operation Create --operation Describe --topic sge.requests.rejected --resource-pattern-type literal
grant --allow-principal User:contract-service --operation Create --operation Describe --operation Write --topic supplier. --resource-pattern-type prefixed
grant --allow-principal User:contract-service --operation Create --operation Describe --operation Write --topic contract.amendments --resource-pattern-type literal
grant --allow-principal User:contract-service --operation Read --group contract-service --resource-pattern-type prefixed
grant --allow-principal User:sge-portal --operation Describe --operation Write --topic sge.requests --resource-pattern-type literal
grant --allow-principal User:sge-portal --operation Describe --operation Read --topic sge.requests.rejected --resource-pattern-type literal
grant --allow-principal User:sge-portal --operation Read --group sge-portal --resource-pattern-type prefixed
grant --allow-principal User:FOURN-ALPHA --operation Describe --operation Read --topic supplier.FOURN-ALPHA. --resource-pattern-type prefixed
grant --allow-principal User:FOURN-ALPHA --operation Read --group FOURN-ALPHA. --resource-pattern-type prefixed
grant --allow-principal User:FOURN-BETA --operation Describe --operation Read --topic supplier.FOURN-BETA. --resource-pattern-type prefixed
grant --allow-principal User:FOURN-BETA --operation Read --group FOURN-BETA. --resource-pattern-type prefixed
echo "ACLs applied: 62 grants"

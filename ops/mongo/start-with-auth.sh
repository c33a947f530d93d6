#!/usr/bin/env bash
# Docker Compose's MongoDB: a replica set with authentication. mongod refuses a key file others can read, and
# Docker mounts secrets readable by all, so the key file is copied with mode 400 for the mongodb user first.
set -euo pipefail
install -m 400 -o mongodb -g mongodb /run/secrets/mongo-keyfile /tmp/mongo-keyfile
exec docker-entrypoint.sh mongod --replSet rs0 --bind_ip_all --keyFile /tmp/mongo-keyfile

// Run once by the mongo image on an empty volume (docker-entrypoint-initdb.d), as root: one user per service,
// readWrite on its own database only. Passwords come from the Docker secrets made by ops/compose/make-secrets.sh.
const fs = require('fs');
for (const service of ['request', 'scheduling', 'billing', 'contract']) {
  const pwd = fs.readFileSync('/run/secrets/mongo-' + service + '-password', 'utf8').trim();
  db.getSiblingDB('mes_' + service).createUser({
    user: service + '-service',
    pwd: pwd,
    roles: [{ role: 'readWrite', db: 'mes_' + service }]
  });
}

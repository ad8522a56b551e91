// This worker's port: globalSetup handed out one per worker (JEST_WORKER_ID is 1, 2, ...).
const { appendFileSync } = require('node:fs');

function workerPort() {
  const ports = JSON.parse(process.env.TEST_PORTS);
  const port = ports[`worker${process.env.JEST_WORKER_ID ?? '1'}`];
  if (process.env.PORT_REPORT) appendFileSync(process.env.PORT_REPORT, `${port}\n`);
  return port;
}

module.exports = { workerPort };

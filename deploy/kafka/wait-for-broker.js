// Polls a Kafka broker with kafkajs' admin client until describeCluster answers (or the time is up).
// Plain JavaScript so that it runs before the TypeScript build. Usage: wait-for-broker.js host:port seconds
'use strict';
const { Kafka, logLevel } = require('kafkajs');

const [broker = '127.0.0.1:9092', seconds = '60'] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;

async function answersOnce() {
  const admin = new Kafka({ clientId: 'giftflow-wait', brokers: [broker], logLevel: logLevel.NOTHING,
    connectionTimeout: 1000, requestTimeout: 2000, retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

(async () => {
  for (;;) {
    try { if (await answersOnce()) process.exit(0); } catch { /* not up yet */ }
    if (Date.now() > deadline) process.exit(1);
    await new Promise((r) => setTimeout(r, 500));
  }
})();

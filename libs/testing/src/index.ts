export * from './test-database';
export * from './wait-for';
export * from './test-kafka';
export * from './fixtures/spawn-compiled';
export * from './service-test-app';
export * from './event-envelopes';

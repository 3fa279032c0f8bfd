export * from './topics';
export * from './envelope';
export * from './define-event';
export * from './registry';
export * from './donors';
export * from './inventory';
export * from './beneficiaries';

export * from './donor-registered.v1';
export * from './campaign-opened.v1';
export * from './pledge-recorded.v1';
export * from './pledge-cancelled.v1';
export * from './pledge-status-changed.v1';
export * from './donors.events';

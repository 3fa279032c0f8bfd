export * from './beneficiary-registered.v1';
export * from './allocation-lines';
export * from './allocation-requested.v1';
export * from './allocation-confirmed.v1';
export * from './allocation-rejected.v1';
export * from './beneficiaries.events';

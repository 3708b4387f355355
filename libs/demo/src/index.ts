// Demo data for Hubpulse: a seeded organisation with 90 days of hub activity and strategy goals,
// and the mapping of the public Enron corpus to the same contracts.
export * from './calendar';
export * from './demo.types';
export * from './random';
export { DEPARTMENTS, LOCATIONS, COMPANY_DOMAIN } from './organisation-catalog';
export { generateOrganisation, DEFAULT_DAYS, DEFAULT_PEOPLE, EXECUTIVE_OFFICE } from './organisation-generator';
export { generateEvents, type EventOptions } from './events-generator';
export { generateGoals } from './goals-generator';
export * from './enron-mapping';

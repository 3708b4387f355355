export * from './config';
export * from './config.schema';
export * from './config.module';
export * from './redis';
export { parseRoleMap, type SsoConfig } from './sso';
export { DEFAULT_WEBHOOK_HOSTS, webhookRefusal } from './webhook-hosts';

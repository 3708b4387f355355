export * from './config';
export * from './config.schema';
export * from './config.module';
export * from './redis';
export { parseRoleMap, type SsoConfig } from './sso';
export { DEFAULT_WEBHOOK_HOSTS, webhookRefusal } from './webhook-hosts';
export { DEFAULT_LIBUV_POOL, sizeLibuvPool } from './libuv-pool';
export { createLogger, HubpulseLogger } from './logging';

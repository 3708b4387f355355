import { ForbiddenException } from '@nestjs/common';
import type { HubpulseConfig } from '@hubpulse/config';

/**
 * With HUBPULSE_SSO_ONLY, password sign-in is refused (403) for everyone but the bootstrap admin
 * (HUBPULSE_BOOTSTRAP_ADMIN_EMAIL): the break-glass account for when the identity provider is down
 * or misconfigured.
 */
export function assertPasswordSignIn(config: Pick<HubpulseConfig, 'ssoOnly' | 'sso' | 'bootstrap'>, email: string): void {
  if (!config.ssoOnly) return;
  if (config.bootstrap.adminEmail && email.trim().toLowerCase() === config.bootstrap.adminEmail.toLowerCase()) return;
  throw new ForbiddenException(`Password sign-in is off here: sign in with ${config.sso?.label ?? 'single sign-on'}`);
}

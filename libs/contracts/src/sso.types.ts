/** `GET /api/auth/sso` (public): whether the login page shows a "Sign in with <label>" button. */
export interface SsoInfoDto {
  enabled: boolean;
  /** The provider's name for the button ("Sign in with " + label); null when SSO is off. */
  label: string | null;
  /** Where the button goes (a full-page navigation, not fetch); add `?next=/path` to land there after signing in. */
  login_url: string | null;
  /** true = password sign-in is off (except the break-glass bootstrap admin): hide or de-emphasise the password form. */
  sso_only: boolean;
}

/**
 * Why a single sign-on failed: the callback redirects to `/login?sso_error=<code>`; the login page
 * shows SSO_ERROR_MESSAGES[code] (details are in the API's log).
 */
export const SSO_ERROR_CODES = ['state', 'nonce', 'provider', 'token', 'no_email', 'email_unverified', 'no_role', 'deactivated', 'unavailable'] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

export const SSO_ERROR_MESSAGES: Readonly<Record<SsoErrorCode, string>> = {
  state: 'The sign-in expired or did not start here. Please try again.',
  nonce: 'The sign-in could not be verified. Please try again.',
  provider: 'Your identity provider did not complete the sign-in.',
  token: 'The answer of your identity provider could not be verified. Ask your administrator to check the SSO settings.',
  no_email: 'Your identity provider did not share an email address for your account.',
  email_unverified: 'Your identity provider has not verified the email address of your account.',
  no_role: 'Your account is not in a group with access to Hubpulse. Ask your administrator for access.',
  deactivated: 'Your Hubpulse account is deactivated.',
  unavailable: 'Single sign-on is not available right now. Please try again later.',
};

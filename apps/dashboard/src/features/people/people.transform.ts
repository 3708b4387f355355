import { type Role, type SessionDto, type UserDto, type UserStatus, ROLES, roleLabel } from '@hubpulse/contracts';
import { formatDateTime } from '../../lib/format';

const STATUS_LABELS: Record<UserStatus, string> = { active: 'Active', invited: 'Invited', deactivated: 'Deactivated' };
const STATUS_ORDER: Record<UserStatus, number> = { active: 0, invited: 1, deactivated: 2 };

export function statusLabel(status: UserStatus): string {
  return STATUS_LABELS[status] ?? status;
}

/** Active people first, then open invitations, then deactivated accounts; by name (or email) within each. */
export function sortUsers(users: readonly UserDto[]): UserDto[] {
  const key = (u: UserDto) => (u.name || u.email).toLowerCase();
  return [...users].sort((a, b) => (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3) || key(a).localeCompare(key(b)));
}

export interface PeopleCounts {
  total: number;
  byStatus: Record<UserStatus, number>;
  /** Active admins: the last one cannot be demoted or deactivated. */
  activeAdmins: number;
}

export function countPeople(users: readonly UserDto[]): PeopleCounts {
  const byStatus: Record<UserStatus, number> = { active: 0, invited: 0, deactivated: 0 };
  for (const u of users) byStatus[u.status] = (byStatus[u.status] ?? 0) + 1;
  return { total: users.length, byStatus, activeAdmins: users.filter((u) => u.role === 'admin' && u.active).length };
}

/** Why an admin may not change this person's role or access here; null when they may. */
export function lockReason(user: UserDto, meId: string | undefined, counts: PeopleCounts): string | null {
  if (user.id === meId) return 'This is you: another admin changes your own role or access.';
  if (user.role === 'admin' && user.active && counts.activeAdmins <= 1) return 'The last active admin: make someone else admin first.';
  return null;
}

/** "Never" for no sign-in yet. */
export function lastSignInText(iso: string | null): string {
  return iso ? formatDateTime(iso) : 'Never';
}

export const ROLE_OPTIONS: readonly { value: Role; label: string }[] = ROLES.map((value) => ({ value, label: roleLabel(value) }));

export interface InviteDraft {
  email: string;
  name: string;
  role: Role;
}

export const EMPTY_INVITE: InviteDraft = { email: '', name: '', role: 'analyst' };

export function inviteErrors(d: InviteDraft): Partial<Record<keyof InviteDraft, string>> {
  const email = d.email.trim();
  if (!email) return { email: 'is required' };
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { email: 'must be an email address' };
  return {};
}

export function inviteBody(d: InviteDraft): { email: string; name?: string; role: Role } {
  const name = d.name.trim();
  return { email: d.email.trim(), ...(name ? { name } : {}), role: d.role };
}

/** Own sessions: this one first, then the most recently seen. */
export function sortSessions(sessions: readonly SessionDto[]): SessionDto[] {
  const seen = (s: SessionDto) => s.last_seen_at ?? s.created_at;
  return [...sessions].sort((a, b) => Number(b.current) - Number(a.current) || seen(b).localeCompare(seen(a)));
}

/** A User-Agent as a person reads it: "Chrome on Windows", "Firefox on macOS"; "Unknown device" without one. */
export function describeUserAgent(ua: string | null): string {
  if (!ua) return 'Unknown device';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\/|Opera/.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /HeadlessChrome/.test(ua)
          ? 'Headless Chrome'
          : /Chrome\/|Chromium\//.test(ua)
            ? 'Chrome'
            : /Safari\//.test(ua)
              ? 'Safari'
              : /curl\//i.test(ua)
                ? 'curl'
                : null;
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Mac OS X|Macintosh/.test(ua)
        ? 'macOS'
        : /Android/.test(ua)
          ? 'Android'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  if (!browser) return ua.length > 60 ? `${ua.slice(0, 57)}…` : ua;
  return os ? `${browser} on ${os}` : browser;
}

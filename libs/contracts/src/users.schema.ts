import { z } from 'zod';
import { ROLES } from './enums';

/** Request bodies of People & access (users, invites, own password), each error naming its field. */

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const strict = { error: (iss: { code: string; keys?: string[] }) => (iss.code === 'unrecognized_keys' ? `unknown field(s) ${(iss.keys ?? []).join(', ')}` : 'must be an object') };
const role = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });
const name = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
/** A new password: length over composition, 12 to 128 characters (the API adds its own checks: common passwords, not the email). */
export const newPasswordSchema = z
  .string({ error: 'is required' })
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

/** Body of `POST /api/users/invites`. */
export const inviteCreateSchema = z.strictObject(
  {
    email: z
      .string({ error: 'is required' })
      .trim()
      .max(320, 'must be at most 320 characters')
      .pipe(z.email({ error: 'must be an email address' }))
      .transform((e) => e.toLowerCase()),
    name: name.optional(),
    role,
  },
  strict,
);
export type InviteCreate = z.output<typeof inviteCreateSchema>;

/** Body of `PATCH /api/users/:id`: at least one of role, active. */
export const userPatchSchema = z
  .strictObject({ role: role.optional(), active: z.boolean({ error: 'must be true or false' }).optional() }, strict)
  .refine((p) => p.role !== undefined || p.active !== undefined, { error: 'give role and/or active' });
export type UserPatch = z.output<typeof userPatchSchema>;

/** Body of `POST /api/invites/:token/accept`. */
export const inviteAcceptSchema = z.strictObject({ password: newPasswordSchema, name: name.optional() }, strict);
export type InviteAccept = z.output<typeof inviteAcceptSchema>;

/** Body of `PUT /api/me/password`. */
export const ownPasswordSchema = z.strictObject(
  { current_password: z.string({ error: 'is required' }).min(1, 'is required'), new_password: newPasswordSchema },
  strict,
);
export type OwnPasswordChange = z.output<typeof ownPasswordSchema>;

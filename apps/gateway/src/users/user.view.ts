import { AuthenticatedUser } from '@giftflow/platform';
import { User } from './user.entity';

/** A user as the log-in answer and GET /api/auth/me show them. */
export const signedInUserOf = (user: User): AuthenticatedUser => ({
  id: user.id, email: user.email, name: user.name, role: user.role, warehouseCodes: user.warehouseCodes,
});

/** A user as the admin's user list shows them. */
export const userViewOf = (user: User) => ({
  ...signedInUserOf(user), disabled: user.disabledAt !== null, createdAt: user.createdAt.toISOString(), updatedAt: user.updatedAt.toISOString(),
});
export type UserView = ReturnType<typeof userViewOf>;

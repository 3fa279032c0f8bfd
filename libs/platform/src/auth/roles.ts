/** The roles a user of giftflow has (docs/security.md says what each may do). */
export const ROLES = ['admin', 'fund_staff', 'warehouse_volunteer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who a request acts for: read from its verified access token. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The warehouses a warehouse_volunteer works for (empty for the other roles: they are not scoped). */
  warehouseCodes: string[];
}

/**
 * The warehouses a user's reads and writes are limited to, or null when not limited. A volunteer sees and
 * marks only the deliveries, dispatch runs, receipts and stock of these warehouses.
 */
export function warehouseScopeOf(user: AuthenticatedUser | undefined): string[] | null {
  return user?.role === 'warehouse_volunteer' ? user.warehouseCodes : null;
}

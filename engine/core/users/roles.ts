// Roles as the core reads them: who sees beyond their own orders, pickups and work orders.
import type { User } from '../../../schemas/entities.ts';

/** HMC staff (and admins, who are staff too): they see every order, pickup and work order. */
export const isStaff = (user: User): boolean => user.roles.includes('staff') || user.roles.includes('admin');

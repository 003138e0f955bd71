// Who a user is to the core: HMC staff (and admins, who are staff too) see every order, pickup and work order.
import type { User } from '../../../schemas/entities.ts';

/** HMC staff (and admins, who are staff too): they see every order, pickup and work order. */
export const isStaff = (user: User): boolean => user.roles.includes('staff') || user.roles.includes('admin');

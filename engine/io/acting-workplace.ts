// The workplace a session acts for: the one chosen with session.setWorkplace, else the user's first. Its care provider
// bounds what the user reads (engine/core/patient-access/boundary.ts); the access log records it with each read.
import type { Workplace } from '../../schemas/entities.ts';
import { type Acting, userWorkplace } from '../core/patient-access/care-provider.ts';
import { type HandlerContext, me } from './handler-types.ts';

/** A user without any workplace (an administrator account) acts for the region under this placeholder. */
export const NO_WORKPLACE: Readonly<Workplace> = {
  id: '',
  name: 'Ingen arbetsplats',
  customerNo: '0000',
  deliveryAddress: { street: '', postalCode: '000 00', city: '' },
  bufferWarehouse: null,
};

export function actingWorkplace(ctx: HandlerContext): Workplace {
  const user = me(ctx);
  const chosen = ctx.workplaceId === null ? null : userWorkplace(user, ctx.workplaceId);
  return chosen ?? userWorkplace(user) ?? NO_WORKPLACE;
}

/** What a core query needs to apply the care-provider boundary: the user, the acting workplace and the time. */
export function acting(ctx: HandlerContext): Acting {
  return { user: me(ctx), workplace: actingWorkplace(ctx), timeMs: ctx.nowMs };
}

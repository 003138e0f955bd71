// Who may subscribe to which topic: stock topics are public to signed-in users, the order flow is for HMC staff,
// pickup orders are for HMC staff, article changes for everyone, and a user's own order and message topics are for that user alone.
// The topic names are shared with the pushes (order-feed.ts, publish.ts), so a rule and its topic cannot drift apart.
import type { User } from '../../schemas/entities.ts';
import { isStaff } from '../core/users/roles.ts';
import type { Outcome } from './handler-types.ts';

export const ORDERS_TOPIC = 'orders';
export const PICKUPS_TOPIC = 'pickups';
/** Issue 14, Artiklar: every article change, for any signed-in user (the catalog is public to them). */
export const ARTICLES_TOPIC = 'articles';
/** Issue 15, loans: every loan change, as loan numbers only (no patient data), for any signed-in user. */
export const LOANS_TOPIC = 'loans';

// Issue 15, recalls: every recall created, progressed or closed (staff only: the recall desk).
export const RECALLS_TOPIC = 'recalls';
/** Issue 15, returns: sent-back returns on their way to HMC (Returer från förråd), for HMC staff. */
export const RETURNS_TOPIC = 'returns';

export function ordersTopicOf(userId: string): string {
  return `orders/${userId}`;
}

export function messagesTopicOf(userId: string): string {
  return `messages/${userId}`;
}

/** null when allowed, else the refusal to send. */
export function refuseTopic(user: User, topic: string): Outcome | null {
  if (topic === ORDERS_TOPIC) {
    if (isStaff(user)) return null;
    return {
      ok: false,
      code: 'forbidden',
      message: 'Orderflödet (orders) är bara för HMC:s personal; prenumerera på orders/<ditt användar-id>.',
    };
  }
  if (topic === PICKUPS_TOPIC) {
    if (isStaff(user)) return null;
    return { ok: false, code: 'forbidden', message: 'Hämtorderflödet (pickups) är bara för HMC:s personal.' };
  }
  // Issue 15, recalls:
  if (topic === RECALLS_TOPIC && !isStaff(user))
    return { ok: false, code: 'forbidden', message: 'Återkallelseflödet (recalls) är bara för HMC:s personal.' };
  // Issue 15, returns:
  if (topic === RETURNS_TOPIC && !isStaff(user)) {
    return { ok: false, code: 'forbidden', message: 'Returflödet (returns) är bara för HMC:s personal.' };
  }
  const slash = topic.indexOf('/');
  const area = topic.slice(0, slash);
  if ((area === 'orders' || area === 'messages') && topic.slice(slash + 1) !== user.id) {
    return {
      ok: false,
      code: 'forbidden',
      message: `Du kan bara prenumerera på dina egna ${area === 'orders' ? 'order' : 'meddelanden'}.`,
    };
  }
  // Issue 15, desk:
  const deviations = refuseDeviationTopic(user, topic);
  if (deviations !== null) return deviations;
  return null;
}

// Issue 15, desk: the deviation desk (`deviations`) is HMC staff's; `deviations/<userId>` is that reporter's own.
export const DEVIATIONS_TOPIC = 'deviations';

export function deviationsTopicOf(userId: string): string {
  return `deviations/${userId}`;
}

function refuseDeviationTopic(user: User, topic: string): Outcome | null {
  if (topic === DEVIATIONS_TOPIC && !isStaff(user))
    return { ok: false, code: 'forbidden', message: 'Avvikelsedesken (deviations) är bara för HMC:s personal.' };
  if (topic.startsWith('deviations/') && topic !== deviationsTopicOf(user.id))
    return { ok: false, code: 'forbidden', message: 'Du kan bara prenumerera på dina egna avvikelser.' };
  return null;
}

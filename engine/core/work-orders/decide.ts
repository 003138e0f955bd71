// Arbetsorder rules: an errand about a device goes with the patient who holds it; HMC staff move it on and comment;
// the prescriber may cancel it while it is still new. Finished (done or cancelled) errands take comments only.
import { WORK_ORDER_COMMENTS_MAX } from '../../../schemas/limits.ts';
import type { WorkOrder } from '../../../schemas/work-orders.ts';
import type { CommandContext, WorkOrderCreate, WorkOrderUpdate } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { isStaff } from '../users/roles.ts';
import { parsePnr } from '../personnummer.ts';
import { reject, type Rejection } from '../rejections.ts';
import type { State } from '../state.ts';
import { userWorkplace } from '../patient-access/care-provider.ts';

const FINISHED: ReadonlySet<string> = new Set(['done', 'cancelled']);

/** The patient the errand is about: the device's holder, or the personnummer given (both must agree). */
function subject(
  state: State,
  command: WorkOrderCreate,
  timeMs: number,
): { pnr: string | null; indNo: number | null } | Rejection {
  let pnr: string | null = null;
  if (command.pnr !== undefined) {
    const parsed = parsePnr(command.pnr, timeMs);
    if (!parsed.ok) return reject('invalid_pnr', `Ogiltigt personnummer: ${parsed.reason}.`);
    if (!state.persons.has(parsed.pnr12))
      return reject('not_found', 'Ingen person med det personnumret finns i folkbokföringen.');
    pnr = parsed.pnr12;
  }
  if (command.indNo === undefined) return { pnr, indNo: null };
  const ind = state.individuals.get(command.indNo);
  if (ind === undefined) return reject('not_found', `Individ ${command.indNo} finns inte.`);
  if (ind.location.kind !== 'patient')
    return reject('not_holder', `Individ ${command.indNo} är inte utlämnad till en brukare.`);
  if (pnr !== null && ind.location.pnr !== pnr)
    return reject('not_holder', `Individ ${command.indNo} är inte registrerad på brukaren.`);
  return { pnr: ind.location.pnr, indNo: ind.indNo };
}

export function decideWorkOrderCreate(state: State, command: WorkOrderCreate, context: CommandContext): Decision {
  const about = subject(state, command, context.timeMs);
  if ('ok' in about) return about;
  const user = state.users.get(command.userId);
  const workplaceId = user === undefined ? undefined : userWorkplace(user, command.workplaceId)?.id;
  const workOrder: WorkOrder = {
    woNo: state.workOrderIndex.nextWoNo,
    createdMs: context.timeMs,
    prescriberId: command.userId,
    ...(workplaceId === undefined ? {} : { workplaceId }),
    destination: command.destination,
    ...about,
    title: command.title,
    text: command.text,
    status: 'registered',
    comments: [],
    attachments: [...command.attachments],
  };
  return { ok: true, events: [{ type: 'workOrder.created', workOrder }] };
}

export function decideWorkOrderUpdate(state: State, command: WorkOrderUpdate, context: CommandContext): Decision {
  const workOrder = state.workOrders.get(command.woNo);
  if (workOrder === undefined) return reject('not_found', `Arbetsorder ${command.woNo} finns inte.`);
  const user = state.users.get(command.userId)!;
  if (!isStaff(user)) {
    // A prescriber may only cancel their own errand while HMC has not started on it.
    if (workOrder.prescriberId !== user.id || command.status !== 'cancelled' || command.comment !== undefined) {
      return reject(
        'forbidden',
        'Bara HMC ändrar status och kommenterar; du kan makulera din egen arbetsorder medan den är ny.',
      );
    }
    if (workOrder.status !== 'registered')
      return reject('invalid_transition', `Arbetsorder ${workOrder.woNo} är redan påbörjad och kan inte makuleras.`);
  }
  if (command.status !== undefined && FINISHED.has(workOrder.status)) {
    return reject('invalid_transition', `Arbetsorder ${workOrder.woNo} är avslutad; den kan bara kommenteras.`);
  }
  if (command.comment !== undefined && workOrder.comments.length >= WORK_ORDER_COMMENTS_MAX) {
    return reject(
      'invalid_transition',
      `Arbetsorder ${workOrder.woNo} har redan ${WORK_ORDER_COMMENTS_MAX} kommentarer.`,
    );
  }
  return {
    ok: true,
    events: [
      {
        type: 'workOrder.updated',
        userId: user.id,
        woNo: workOrder.woNo,
        timeMs: context.timeMs,
        status: command.status ?? null,
        comment: command.comment ?? null,
      },
    ],
  };
}

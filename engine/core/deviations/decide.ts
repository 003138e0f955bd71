// Avvikelse / reklamation: prescribers and HMC staff file reports about an individual or an article; HMC staff move
// them through the desk's statuses; HMC and the reporter comment. The reporter is messaged when someone else comments
// or changes the status. A report that is not the caller's (and the caller not HMC) is `not_found`: it does not exist
// for them.
import { DEVIATION_COMMENTS_MAX } from '../../../schemas/limits.ts';
import type { Deviation } from '../../../schemas/deviations.ts';
import type { Event } from '../../../schemas/events.ts';
import type { CommandContext, DeviationComment, DeviationCreate, DeviationSetStatus } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { userWorkplace } from '../patient-access/care-provider.ts';
import { parsePnr } from '../personnummer.ts';
import { reject, type Rejection } from '../rejections.ts';
import type { State } from '../state.ts';
import { isStaff } from '../users/roles.ts';
import { deviationMessage } from './deviation-message.ts';
import { mayMove, NEXT_STATUSES, STATUS_SV } from './status-flow.ts';

/** The article and individual the report is about: the individual's article, or an article without one. */
function subject(state: State, command: DeviationCreate): { artNo: string; indNo: number | null } | Rejection {
  if (command.indNo !== undefined) {
    const ind = state.individuals.get(command.indNo);
    if (ind === undefined) return reject('not_found', `Individ ${command.indNo} finns inte.`);
    if (command.artNo !== undefined && command.artNo !== ind.artNo)
      return reject('unknown_article', `Individ ${ind.indNo} är av artikel ${ind.artNo}, inte ${command.artNo}.`);
    return { artNo: ind.artNo, indNo: ind.indNo };
  }
  const artNo = command.artNo!;
  if (!state.articles.has(artNo)) return reject('unknown_article', `Artikel ${artNo} finns inte.`);
  return { artNo, indNo: null };
}

/** The patient named, if any: a known person, and the holder when the individual is held by a patient. */
function patientOf(
  state: State,
  command: DeviationCreate,
  indNo: number | null,
  timeMs: number,
): string | null | Rejection {
  if (command.pnr === undefined) return null;
  const parsed = parsePnr(command.pnr, timeMs);
  if (!parsed.ok) return reject('invalid_pnr', `Ogiltigt personnummer: ${parsed.reason}.`);
  if (!state.persons.has(parsed.pnr12))
    return reject('not_found', 'Ingen person med det personnumret finns i folkbokföringen.');
  const location = indNo === null ? null : state.individuals.get(indNo)!.location;
  if (location?.kind === 'patient' && location.pnr !== parsed.pnr12)
    return reject('not_holder', `Individ ${indNo} är registrerad på en annan brukare.`);
  return parsed.pnr12;
}

/** The work order or pickup the report was filed from must exist (the individual's is checked as the subject). */
function sourceCheck(state: State, command: DeviationCreate): Rejection | null {
  const { kind, ref } = command.source;
  if (kind === 'workOrder' && (ref === null || !state.workOrders.has(ref)))
    return reject('not_found', `Arbetsorder ${ref ?? ''} finns inte.`);
  if (kind === 'pickup' && (ref === null || !state.pickups.has(ref)))
    return reject('not_found', `Hämtorder ${ref ?? ''} finns inte.`);
  return null;
}

export function decideDeviationCreate(state: State, command: DeviationCreate, context: CommandContext): Decision {
  const about = subject(state, command);
  if ('ok' in about) return about;
  const pnr = patientOf(state, command, about.indNo, context.timeMs);
  if (pnr !== null && typeof pnr === 'object') return pnr;
  const refused = sourceCheck(state, command);
  if (refused !== null) return refused;
  const user = state.users.get(command.userId);
  const workplaceId = user === undefined ? undefined : userWorkplace(user, command.workplaceId)?.id;
  const deviation: Deviation = {
    deviationNo: state.deviationIndex.nextDeviationNo,
    createdMs: context.timeMs,
    reporterId: command.userId,
    ...(workplaceId === undefined ? {} : { workplaceId }),
    category: command.category,
    text: command.text,
    ...about,
    pnr,
    source: command.source,
    status: 'new',
    statusChangedMs: context.timeMs,
    comments: [],
    attachments: [...command.attachments],
  };
  return { ok: true, events: [{ type: 'deviation.created', deviation }] };
}

/** The report, if the user may see it: its reporter or HMC staff; to anyone else it does not exist. */
export function visibleDeviation(state: State, userId: string, deviationNo: number): Deviation | Rejection {
  const deviation = state.deviations.get(deviationNo);
  const user = state.users.get(userId);
  if (deviation === undefined || user === undefined || (deviation.reporterId !== userId && !isStaff(user)))
    return reject('not_found', `Avvikelse ${deviationNo} finns inte.`);
  return deviation;
}

function commentRoom(deviation: Deviation): Rejection | null {
  if (deviation.comments.length < DEVIATION_COMMENTS_MAX) return null;
  return reject(
    'invalid_transition',
    `Avvikelse ${deviation.deviationNo} har redan ${DEVIATION_COMMENTS_MAX} kommentarer.`,
  );
}

export function decideDeviationComment(state: State, command: DeviationComment, context: CommandContext): Decision {
  const deviation = visibleDeviation(state, command.userId, command.deviationNo);
  if ('ok' in deviation) return deviation;
  const full = commentRoom(deviation);
  if (full !== null) return full;
  const events: Event[] = [
    {
      type: 'deviation.commented',
      userId: command.userId,
      deviationNo: deviation.deviationNo,
      timeMs: context.timeMs,
      text: command.text,
    },
  ];
  if (command.userId !== deviation.reporterId) {
    const message = deviationMessage(
      state.orderIndex.nextMessageNo,
      deviation,
      { status: null, commented: true },
      context.timeMs,
    );
    events.push({ type: 'message.created', message });
  }
  return { ok: true, events };
}

export function decideDeviationSetStatus(state: State, command: DeviationSetStatus, context: CommandContext): Decision {
  const deviation = visibleDeviation(state, command.userId, command.deviationNo);
  if ('ok' in deviation) return deviation;
  if (!isStaff(state.users.get(command.userId)!))
    return reject('forbidden', 'Bara HMC ändrar status på en avvikelse; du kan kommentera din egen.');
  if (!mayMove(deviation.status, command.status)) {
    const next = NEXT_STATUSES[deviation.status].map((s) => STATUS_SV[s]).join(' eller ');
    return reject(
      'invalid_transition',
      `Avvikelse ${deviation.deviationNo} är ${STATUS_SV[deviation.status]}` +
        (next === '' ? '; statusen kan inte ändras.' : `; nästa status kan vara ${next}.`),
    );
  }
  const commented = command.comment !== undefined;
  if (commented) {
    const full = commentRoom(deviation);
    if (full !== null) return full;
  }
  const base = { userId: command.userId, deviationNo: deviation.deviationNo, timeMs: context.timeMs };
  const events: Event[] = [{ type: 'deviation.statusSet', ...base, from: deviation.status, status: command.status }];
  if (commented) events.push({ type: 'deviation.commented', ...base, text: command.comment! });
  if (command.userId !== deviation.reporterId) {
    const change = { status: command.status, commented };
    const message = deviationMessage(state.orderIndex.nextMessageNo, deviation, change, context.timeMs);
    events.push({ type: 'message.created', message });
  }
  return { ok: true, events };
}

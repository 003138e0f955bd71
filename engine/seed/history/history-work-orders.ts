// Work orders about units patients held: a repair, an adaptation or advice, commented by HMC staff and mostly done;
// the ones from the last weeks are still open, as in a running region.
import type { WorkOrder } from '../../../schemas/work-orders.ts';
import { drawPrescriber, type HistoryContext } from './history-context.ts';

const ERRANDS: ReadonlyArray<readonly [WorkOrder['destination'], string, string]> = [
  ['technicalService', 'Reparation', 'Hjulet glappar och bromsen tar dåligt.'],
  ['technicalService', 'Anpassning', 'Behöver höjas 5 cm och få nytt armstöd.'],
  ['technicalService', 'Service', 'Årlig kontroll enligt serviceplan.'],
  ['consultant', 'Utprovning', 'Önskar stöd vid utprovning av sittdyna.'],
  ['dako', 'Programvara', 'Talsyntesen startar inte efter uppdatering.'],
];
const COMMENTS = ['Tekniker bokad.', 'Reservdel beställd.', 'Åtgärdat på plats.', 'Kontaktat patienten, ny tid bokad.'];
const COMMENTS_MAX = 3;
const DAYS_TO_FINISH_MAX = 40;
const MS_PER_DAY = 86_400_000;

/** A work order created on `day` about `indNo` held by `pnr`; open when it would finish after the window. */
export function addWorkOrder(ctx: HistoryContext, pnr: string, indNo: number, day: number): void {
  const { prng, calendar } = ctx;
  const [destination, title, text] = prng.pick(ERRANDS);
  const { user, workplace } = drawPrescriber(ctx);
  const createdMs = calendar.timeOn(prng, day);
  const finishedMs = createdMs + prng.int(1, DAYS_TO_FINISH_MAX) * MS_PER_DAY;
  const open = finishedMs >= calendar.endDay * MS_PER_DAY;
  const commentCount = prng.int(open ? 0 : 1, COMMENTS_MAX);
  const comments: WorkOrder['comments'] = [];
  for (let i = 0; i < commentCount; i++) {
    const timeMs = createdMs + Math.round(((i + 1) / (commentCount + 1)) * (finishedMs - createdMs));
    if (timeMs >= calendar.endDay * MS_PER_DAY) break;
    comments.push({ timeMs, userId: prng.pick(ctx.staffIds), text: prng.pick(COMMENTS) });
  }
  const woNo = ctx.workOrders.add(createdMs);
  ctx.tables.workOrders.set(woNo, {
    woNo,
    createdMs,
    prescriberId: user.id,
    workplaceId: workplace.id,
    destination,
    pnr,
    indNo,
    title,
    text,
    status: open ? (comments.length > 0 ? 'inProgress' : 'registered') : 'done',
    ...(open && comments.length === 0 ? {} : { statusChangedMs: open ? comments.at(-1)!.timeMs : finishedMs }),
    comments,
    attachments: [],
  });
}

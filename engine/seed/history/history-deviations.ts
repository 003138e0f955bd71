// Deviation reports (avvikelser) about units patients held: a few per thousand holdings, filed from the individual
// card, worked by HMC staff and closed, except the ones from the last weeks.
import type { Deviation } from '../../../schemas/deviations.ts';
import { drawPrescriber, type HistoryContext } from './history-context.ts';

const REPORTS: ReadonlyArray<readonly [Deviation['category'], string]> = [
  ['productFault', 'Bromsen släpper av sig själv.'],
  ['productFault', 'Sprickor i ramen vid svetsfogen.'],
  ['risk', 'Hjulet lossnade nästan vid förflyttning.'],
  ['incident', 'Patienten föll när armstödet gav vika.'],
];
const COMMENT = 'Utreds tillsammans med leverantören.';
const DAYS_TO_CLOSE_MAX = 60;
const MS_PER_DAY = 86_400_000;

/** A deviation filed on `day` about `indNo` held by `pnr`; still being investigated when it would close after the end. */
export function addDeviation(ctx: HistoryContext, pnr: string, indNo: number, artNo: string, day: number): void {
  const { prng, calendar } = ctx;
  const [category, text] = prng.pick(REPORTS);
  const { user, workplace } = drawPrescriber(ctx);
  const createdMs = calendar.timeOn(prng, day);
  const closedMs = createdMs + prng.int(2, DAYS_TO_CLOSE_MAX) * MS_PER_DAY;
  const commentMs = Math.round((createdMs + closedMs) / 2);
  const endMs = calendar.endDay * MS_PER_DAY;
  const comments = commentMs < endMs ? [{ timeMs: commentMs, userId: prng.pick(ctx.staffIds), text: COMMENT }] : [];
  const deviationNo = ctx.deviations.add(createdMs);
  ctx.tables.deviations.set(deviationNo, {
    deviationNo,
    createdMs,
    reporterId: user.id,
    workplaceId: workplace.id,
    category,
    text,
    artNo,
    indNo,
    pnr,
    source: { kind: 'individual', ref: indNo },
    status: closedMs < endMs ? 'closed' : comments.length > 0 ? 'investigating' : 'new',
    statusChangedMs: closedMs < endMs ? closedMs : (comments[0]?.timeMs ?? createdMs),
    comments,
    attachments: [],
  });
}

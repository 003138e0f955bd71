// The recalls unit's reads: recall.list (with progress counts), recall.get (a recall's holders, filtered and paged),
// recall.preview (what a recall would touch, before HMC confirms) and recall.notice (open recalls of an article or
// unit, for the read-only notice prescribers see). Holders come from the state as it is now (holders.ts).
import type { OpArgs } from '../../../schemas/ops.ts';
import type { Recall, RecallHolderKind, RecallProgress } from '../../../schemas/recalls.ts';
import { formatPnr } from '../personnummer.ts';
import { found, type QueryResult } from '../query-result.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { shownName } from '../patient-access/protected-identity.ts';
import { openRecallsOf, recallCovers } from './blocks.ts';
import { recallHolders, type RecallHolder } from './holders.ts';

export type KindCounts = Record<RecallHolderKind, number>;
export type ProgressCounts = Record<RecallProgress, number>;

export interface RecallSummary extends Recall {
  articleName: string;
  holders: number;
  byKind: KindCounts;
  byProgress: ProgressCounts;
  done: number;
}

export interface RecallHolderView {
  key: string;
  kind: RecallHolderKind;
  indNo: number | null;
  quantity: number;
  /** Who or where, as shown: a warehouse's or care unit's name, a patient's name (Skyddad identitet if protected). */
  name: string;
  /** Patient holders: the personnummer to act on (the reply is access-logged); else null. */
  pnr: string | null;
  pnrDisplay: string | null;
  warehouse: string | null;
  customerNo: string | null;
  orderNo: number | null;
  prescriber: { id: string; name: string; phone: string } | null;
  progress: RecallProgress;
  progressMs: number | null;
}

const zeroKinds = (): KindCounts => ({ patient: 0, careUnit: 0, buffer: 0, warehouse: 0, transit: 0 });
const zeroProgress = (): ProgressCounts => ({ none: 0, contacted: 0, replaced: 0, returned: 0 });

function progressOf(state: State, recall: Recall, key: string): RecallProgress {
  return state.recallIndex.progress.get(recall.recallNo)?.get(key)?.progress ?? 'none';
}

function summary(state: State, recall: Recall, holders: readonly RecallHolder[]): RecallSummary {
  const byKind = zeroKinds();
  const byProgress = zeroProgress();
  for (const holder of holders) {
    byKind[holder.kind]++;
    byProgress[progressOf(state, recall, holder.key)]++;
  }
  const done = byProgress.replaced + byProgress.returned;
  const articleName = state.articles.get(recall.artNo)?.name ?? recall.artNo;
  return { ...recall, articleName, holders: holders.length, byKind, byProgress, done };
}

/** Recalls newest first (open ones only, if asked), each with its counts. */
export function listRecalls(state: State, args: OpArgs<'recall.list'>): QueryResult<{ recalls: RecallSummary[] }> {
  const numbers = [...state.recalls.keys()].sort((a, b) => b - a);
  const recalls: RecallSummary[] = [];
  for (const recallNo of numbers) {
    if (recalls.length >= args.limit) break;
    const recall = state.recalls.get(recallNo)!;
    if (args.open === true && recall.closedMs !== null) continue;
    if (args.open === false && recall.closedMs === null) continue;
    recalls.push(summary(state, recall, recallHolders(state, recall)));
  }
  return found({ recalls });
}

function careUnitName(state: State, customerNo: string): string {
  for (const user of state.users.values())
    for (const place of user.workplaces) if (place.customerNo === customerNo) return place.name;
  return customerNo;
}

function holderView(state: State, recall: Recall, holder: RecallHolder): RecallHolderView {
  const person = holder.pnr === null ? undefined : state.persons.get(holder.pnr);
  const order = holder.orderNo === null ? undefined : state.orders.get(holder.orderNo);
  const prescriber = order === undefined ? undefined : state.users.get(order.prescriberId);
  const row = state.recallIndex.progress.get(recall.recallNo)?.get(holder.key);
  let name = '';
  if (holder.kind === 'patient') name = shownName(person);
  else if (holder.kind === 'careUnit') name = careUnitName(state, holder.customerNo!);
  else if (holder.kind === 'transit') name = `Order ${holder.orderNo}`;
  else name = state.warehouses.get(holder.warehouse!)?.name ?? holder.warehouse!;
  return {
    key: holder.key,
    kind: holder.kind,
    indNo: holder.indNo,
    quantity: holder.quantity,
    name,
    pnr: holder.pnr,
    pnrDisplay: holder.pnr === null ? null : formatPnr(holder.pnr),
    warehouse: holder.warehouse,
    customerNo: holder.customerNo,
    orderNo: holder.orderNo,
    prescriber: prescriber === undefined ? null : { id: prescriber.id, name: prescriber.name, phone: prescriber.phone },
    progress: row?.progress ?? 'none',
    progressMs: row?.timeMs ?? null,
  };
}

export interface RecallDetail {
  recall: RecallSummary;
  /** Holders matching the filter (the page is a slice of them). */
  matching: number;
  holders: RecallHolderView[];
}

/** One recall with its counts and one page of its holders (filtered by kind and progress). */
export function recallDetail(state: State, args: OpArgs<'recall.get'>): QueryResult<RecallDetail> {
  const recall = state.recalls.get(args.recallNo);
  if (recall === undefined) return reject('not_found', `Återkallelse ${args.recallNo} finns inte.`);
  const all = recallHolders(state, recall);
  const matching = all.filter(
    (h) =>
      (args.kind === undefined || h.kind === args.kind) &&
      (args.progress === undefined || progressOf(state, recall, h.key) === args.progress),
  );
  const page = matching.slice(args.offset, args.offset + args.limit);
  return found({
    recall: summary(state, recall, all),
    matching: matching.length,
    holders: page.map((h) => holderView(state, recall, h)),
  });
}

export interface RecallPreview {
  artNo: string;
  articleName: string;
  kind: string;
  holders: number;
  byKind: KindCounts;
  prescribers: number;
}

/** What recall.create would touch now: holders by kind and prescribers to message (no person shown). */
export function previewRecall(state: State, args: OpArgs<'recall.preview'>): QueryResult<RecallPreview> {
  const article = state.articles.get(args.artNo);
  if (article === undefined) return reject('not_found', `Artikel ${args.artNo} finns inte.`);
  const draft: Recall = {
    recallNo: 0,
    artNo: args.artNo,
    indNoFrom: args.indNoFrom ?? null,
    indNoTo: args.indNoTo ?? null,
    indNoCeiling: state.lastIndNo,
    notice: '',
    createdMs: 0,
    createdBy: 'preview',
    holdersAtCreate: 0,
    prescribersMessaged: 0,
    closedMs: null,
    closedBy: null,
    forcedReason: null,
  };
  const holders = recallHolders(state, draft);
  const byKind = zeroKinds();
  const prescribers = new Set<string>();
  for (const h of holders) {
    byKind[h.kind]++;
    if (h.orderNo !== null) prescribers.add(state.orders.get(h.orderNo)!.prescriberId);
  }
  return found({
    artNo: article.artNo,
    articleName: article.name,
    kind: article.kind,
    holders: holders.length,
    byKind,
    prescribers: prescribers.size,
  });
}

export interface RecallNotice {
  recallNo: number;
  artNo: string;
  indNoFrom: number | null;
  indNoTo: number | null;
  notice: string;
  createdMs: number;
}

/** Open recalls of an article, or only those covering one of its units (the read-only notice on the card). */
export function recallNotices(state: State, args: OpArgs<'recall.notice'>): QueryResult<{ recalls: RecallNotice[] }> {
  const ind = args.indNo === undefined ? undefined : state.individuals.get(args.indNo);
  const recalls = openRecallsOf(state, args.artNo)
    .filter((r) => args.indNo === undefined || (ind !== undefined && recallCovers(r, ind)))
    .map((r) => ({
      recallNo: r.recallNo,
      artNo: r.artNo,
      indNoFrom: r.indNoFrom,
      indNoTo: r.indNoTo,
      notice: r.notice,
      createdMs: r.createdMs,
    }));
  return found({ recalls });
}

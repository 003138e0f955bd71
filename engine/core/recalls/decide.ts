// recall.create, recall.setProgress and recall.close: HMC's recall of an article (or a range of its units). Creating
// one writes one recall row and one message per prescriber of a holder (never per unit); progress rows are written
// only for the holders whose progress is set, at most RECALL_PROGRESS_BATCH_MAX per command.
import type { Event } from '../../../schemas/events.ts';
import { MESSAGE_TEXT_CHARS_MAX, RECALLS_OPEN_PER_ARTICLE_MAX } from '../../../schemas/limits.ts';
import type { Message } from '../../../schemas/orders.ts';
import type { Recall } from '../../../schemas/recalls.ts';
import { assert } from '../assert.ts';
import type { CommandContext, RecallClose, RecallCreate, RecallSetProgress } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject, type Rejection } from '../rejections.ts';
import type { State } from '../state.ts';
import { openRecallsOf } from './blocks.ts';
import { holderKeyBelongs, recallHolders, type RecallHolder } from './holders.ts';
import { isDone } from './progress.ts';
import { available } from '../keys.ts';
import { newServing, serveBackorders } from '../orders/serve-backorders.ts';

function overlaps(a: Recall, from: number | null, to: number | null): boolean {
  if (a.indNoFrom === null || from === null) return true;
  return a.indNoFrom <= to! && from <= a.indNoTo!;
}

function checkCreate(state: State, command: RecallCreate): Rejection | null {
  const article = state.articles.get(command.artNo);
  if (article === undefined) return reject('not_found', `Artikel ${command.artNo} finns inte.`);
  const from = command.indNoFrom ?? null;
  const to = command.indNoTo ?? null;
  assert((from === null) === (to === null) && (from === null || from <= to!), 'the edge checked the range');
  if (from !== null && article.kind !== 'rental')
    return reject('no_individual', `${article.name} (${article.artNo}) hyrs inte ut och har inga individnummer.`);
  const open = openRecallsOf(state, command.artNo);
  const clash = open.find((r) => overlaps(r, from, to));
  if (clash !== undefined)
    return reject(
      'recall_overlaps',
      `Återkallelse ${clash.recallNo} av ${article.artNo} är redan öppen och omfattar samma enheter.`,
    );
  if (open.length >= RECALLS_OPEN_PER_ARTICLE_MAX)
    return reject('recall_overlaps', `Högst ${RECALLS_OPEN_PER_ARTICLE_MAX} öppna återkallelser per artikel.`);
  return null;
}

/** Units per prescriber of the holders whose delivering (or carrying) order Aidstock knows. */
function unitsByPrescriber(state: State, holders: readonly RecallHolder[]): Map<string, number> {
  const units = new Map<string, number>();
  for (const holder of holders) {
    if (holder.orderNo === null) continue;
    const prescriberId = state.orders.get(holder.orderNo)!.prescriberId;
    units.set(prescriberId, (units.get(prescriberId) ?? 0) + holder.quantity);
  }
  return units;
}

/** The message names the recall, the article and a count; never a patient (the message list is not access-logged). */
function recallText(recall: Recall, articleName: string, units: number): string {
  const range = recall.indNoFrom === null ? '' : `, individnummer ${recall.indNoFrom}–${recall.indNoTo}`;
  const head = `Säkerhetsmeddelande, återkallelse ${recall.recallNo}: ${articleName} (${recall.artNo}${range}). ${units} ${units === 1 ? 'enhet' : 'enheter'} som du förskrivit berörs; se brukarens hjälpmedel. `;
  return (head + recall.notice).slice(0, MESSAGE_TEXT_CHARS_MAX);
}

export function decideRecallCreate(state: State, command: RecallCreate, context: CommandContext): Decision {
  const refused = checkCreate(state, command);
  if (refused !== null) return refused;
  const draft: Recall = {
    recallNo: state.recallIndex.nextRecallNo,
    artNo: command.artNo,
    indNoFrom: command.indNoFrom ?? null,
    indNoTo: command.indNoTo ?? null,
    indNoCeiling: state.lastIndNo,
    notice: command.notice,
    createdMs: context.timeMs,
    createdBy: command.userId,
    holdersAtCreate: 0,
    prescribersMessaged: 0,
    closedMs: null,
    closedBy: null,
    forcedReason: null,
  };
  const holders = recallHolders(state, draft);
  const units = unitsByPrescriber(state, holders);
  const recall: Recall = { ...draft, holdersAtCreate: holders.length, prescribersMessaged: units.size };
  const name = state.articles.get(command.artNo)!.name;
  const events: Event[] = [{ type: 'recall.created', recall }];
  let messageNo = state.orderIndex.nextMessageNo;
  for (const [userId, count] of [...units].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const message: Message = {
      messageNo: messageNo++,
      userId,
      timeMs: context.timeMs,
      kind: 'recall',
      recallNo: recall.recallNo,
      artNo: recall.artNo,
      text: recallText(recall, name, count),
      deletedMs: null,
    };
    events.push({ type: 'message.created', message });
  }
  return { ok: true, events };
}

function openRecall(state: State, recallNo: number): Recall | Rejection {
  const recall = state.recalls.get(recallNo);
  if (recall === undefined) return reject('not_found', `Återkallelse ${recallNo} finns inte.`);
  if (recall.closedMs !== null) return reject('recall_closed', `Återkallelse ${recallNo} är redan avslutad.`);
  return recall;
}

export function decideRecallSetProgress(state: State, command: RecallSetProgress, context: CommandContext): Decision {
  const recall = openRecall(state, command.recallNo);
  if ('ok' in recall) return recall;
  const seen = new Set<string>();
  for (const entry of command.entries) {
    if (seen.has(entry.holderKey))
      return reject('duplicate_line', `Innehavaren ${entry.holderKey} står två gånger; ange den en gång.`);
    seen.add(entry.holderKey);
    if (!holderKeyBelongs(state, recall, entry.holderKey))
      return reject('not_found', `${entry.holderKey} hör inte till återkallelse ${recall.recallNo}.`);
  }
  const event: Event = {
    type: 'recall.progressSet',
    userId: command.userId,
    recallNo: recall.recallNo,
    timeMs: context.timeMs,
    entries: command.entries.map((e) => ({ holderKey: e.holderKey, progress: e.progress })),
  };
  return { ok: true, events: [event] };
}

export function decideRecallClose(state: State, command: RecallClose, context: CommandContext): Decision {
  const recall = openRecall(state, command.recallNo);
  if ('ok' in recall) return recall;
  const progress = state.recallIndex.progress.get(recall.recallNo);
  const open = recallHolders(state, recall).filter((h) => !isDone(progress?.get(h.key)?.progress));
  if (open.length > 0 && !command.force) {
    return reject(
      'recall_not_done',
      `${open.length} innehavare av återkallelse ${recall.recallNo} är inte klara (ersatt eller returnerad); avsluta med tvång och ett skäl.`,
    );
  }
  assert(!command.force || command.reason !== undefined, 'the edge requires a reason for a forced close');
  const forcedReason = open.length > 0 ? command.reason! : null;
  const closed: Event = {
    type: 'recall.closed',
    userId: command.userId,
    recallNo: recall.recallNo,
    timeMs: context.timeMs,
    forcedReason,
  };
  return { ok: true, events: [closed, ...servedOnClose(state, recall, command.userId, context.timeMs)] };
}

/** The backorders the recall held back, served (oldest first) now that its stock is free again. */
function servedOnClose(state: State, recall: Recall, userId: string, timeMs: number): Event[] {
  const serving = newServing(userId, timeMs);
  serving.closingRecallNo = recall.recallNo;
  for (const row of state.stockByArticle.get(recall.artNo) ?? [])
    serveBackorders(state, row.warehouse, recall.artNo, available(row), serving);
  return serving.events;
}

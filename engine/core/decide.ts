// decide: (state, command, context) → events plus a result, or a typed rejection. Pure; reads state, never changes it.
// A dispatcher only: each command goes to its unit's decider (engine/core/<unit>/decide*.ts; see README.md).
import { decideArticleUpsert } from './articles/decide.ts';
import { assert, unreachable } from './assert.ts';
import type { Command, CommandContext } from './commands.ts';
import type { Decision } from './decision.ts';
import { decideMessageDelete } from './messages/decide.ts';
import { decideNewsDelete, decideNewsPublish } from './news/decide.ts';
import { decideSetDeliveryDate } from './orders/decide-delivery-date.ts';
import { decideFulfil, decideOrderCancel } from './orders/decide-fulfil.ts';
import { decidePlace } from './orders/decide-place.ts';
import { decidePickupCancel, decidePickupCreate } from './pickups/decide.ts';
import { decidePrescribingRuleSet } from './prescribing-rules/decide.ts';
import type { State } from './state.ts';
import { decideStockAdjust } from './stock/decide.ts';
import { decideProfileUpdate, decideUserReactivate, decideUserSignIn } from './users/decide.ts';
import { decideWorkOrderCreate, decideWorkOrderUpdate } from './work-orders/decide.ts';
import { decideEmergencyAccess, decideRecordConsent } from './patient-access/decide.ts';
import { decideReplacementSet } from './articles/decide-replacement.ts';
import { decideIsoSetTitle, decideSupplierUpsert } from './reference/decide.ts';
import {
  decidePasswordReset,
  decideUserActivate,
  decideUserDeactivate,
  decideUserUpsert,
} from './users/decide-admin.ts';
// Issue 14, HMC oversight:
import { decideSettingSet } from './settings/decide.ts';
import { decideArticleImportBatch } from './articles/decide-import-batch.ts';
// Issue 14, Lager:
import { decideStockMinSet } from './stock/decide-min-level.ts';
// Issue 15, desk:
import { decideNoteCreate, decideNoteDelete, decideNoteUpdate } from './notes/decide.ts';
import { decideDeviationComment, decideDeviationCreate, decideDeviationSetStatus } from './deviations/decide.ts';
// Issue 15, loans:
import { decideLoanExtend, decideLoanMakePermanent, decideLoanSweep } from './loans/decide.ts';
// Issue 15, recalls:
import { decideRecallClose, decideRecallCreate, decideRecallSetProgress } from './recalls/decide.ts';
// Issue 15, returns:
import { decideReturnReceive, decideReturnRegister } from './returns/decide.ts';

export function decide(state: State, command: Command, context: CommandContext): Decision {
  assert(context.seq === state.seq + 1, `command seq ${context.seq} follows state seq ${state.seq}`);
  switch (command.type) {
    case 'stock.adjust':
      return decideStockAdjust(state, command, context);
    case 'article.upsert':
      return decideArticleUpsert(state, command);
    case 'profile.update':
      return decideProfileUpdate(state, command);
    case 'user.signIn':
      return decideUserSignIn(state, command, context);
    case 'user.reactivate':
      return decideUserReactivate(state, command, context);
    case 'order.place':
      return decidePlace(state, command, context);
    case 'order.cancel':
      return decideOrderCancel(state, command, context);
    case 'fulfil.step':
      return decideFulfil(state, command, context);
    case 'order.setDeliveryDate':
      return decideSetDeliveryDate(state, command, context);
    case 'message.delete':
      return decideMessageDelete(state, command, context);
    case 'prescribingRule.set':
      return decidePrescribingRuleSet(state, command);
    case 'pickup.create':
      return decidePickupCreate(state, command, context);
    case 'pickup.cancel':
      return decidePickupCancel(state, command);
    case 'news.publish':
      return decideNewsPublish(state, command, context);
    case 'news.delete':
      return decideNewsDelete(state, command, context);
    case 'workOrder.create':
      return decideWorkOrderCreate(state, command, context);
    case 'workOrder.update':
      return decideWorkOrderUpdate(state, command, context);
    case 'patient.recordConsent':
      return decideRecordConsent(state, command, context);
    case 'patient.emergencyAccess':
      return decideEmergencyAccess(state, command, context);
    // Issue 14, Ersättningskedjor + ISO 9999 + Leverantörer:
    case 'replacement.set':
      return decideReplacementSet(state, command);
    case 'iso.setTitle':
      return decideIsoSetTitle(state, command);
    case 'supplier.upsert':
      return decideSupplierUpsert(state, command);
    // Issue 14, Användare och arbetsplatser:
    case 'user.upsert':
      return decideUserUpsert(state, command);
    case 'user.deactivate':
      return decideUserDeactivate(state, command, context);
    case 'user.activate':
      return decideUserActivate(state, command, context);
    case 'user.passwordReset':
      return decidePasswordReset(state, command, context);
    // Issue 14, HMC oversight:
    case 'setting.set':
      return decideSettingSet(state, command, context);
    // Issue 14, catalog import:
    case 'article.importBatch':
      return decideArticleImportBatch(state, command);
    // Issue 14, Lager:
    case 'stock.minSet':
      return decideStockMinSet(state, command);
    // Issue 15, desk:
    case 'note.create':
      return decideNoteCreate(state, command, context);
    case 'note.update':
      return decideNoteUpdate(state, command, context);
    case 'note.delete':
      return decideNoteDelete(state, command, context);
    case 'deviation.create':
      return decideDeviationCreate(state, command, context);
    case 'deviation.comment':
      return decideDeviationComment(state, command, context);
    case 'deviation.setStatus':
      return decideDeviationSetStatus(state, command, context);
    // Issue 15, loans:
    case 'loan.makePermanent':
      return decideLoanMakePermanent(state, command, context);
    case 'loan.extend':
      return decideLoanExtend(state, command, context);
    case 'loan.sweep':
      return decideLoanSweep(state, context);
    // Issue 15, recalls:
    case 'recall.create':
      return decideRecallCreate(state, command, context);
    case 'recall.setProgress':
      return decideRecallSetProgress(state, command, context);
    case 'recall.close':
      return decideRecallClose(state, command, context);
    // Issue 15, returns:
    case 'return.register':
      return decideReturnRegister(state, command, context);
    case 'return.receive':
      return decideReturnReceive(state, command, context);
    default:
      return unreachable(command, 'command');
  }
}

// Handlers of the care-provider boundary: choose the acting workplace, record a patient's consent or an emergency
// access (under the acting workplace), and list them for review.
import { listGrants } from '../../core/patient-access/queries.ts';
import { userWorkplace } from '../../core/patient-access/care-provider.ts';
import { actingWorkplace } from '../acting-workplace.ts';
import { firstEvent, type HandlerTable, me } from '../handler-types.ts';

type PatientAccessOp = 'session.setWorkplace' | 'patient.recordConsent' | 'patient.emergencyAccess' | 'consent.list';

export const PATIENT_ACCESS_HANDLERS: HandlerTable<PatientAccessOp> = {
  'session.setWorkplace': (ctx, args) => {
    const workplace = userWorkplace(me(ctx), args.workplaceId);
    if (workplace === null)
      return { ok: false, code: 'forbidden', message: `Arbetsplatsen ${args.workplaceId} hör inte till dig.` };
    ctx.workplaceId = workplace.id;
    return { ok: true, result: { workplace } };
  },
  'patient.recordConsent': async (ctx, args) => {
    const userId = me(ctx).id;
    const workplaceId = actingWorkplace(ctx).id;
    const outcome = await ctx.engine.execute({ type: 'patient.recordConsent', userId, workplaceId, pnr: args.pnr });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, grant: firstEvent(outcome, 'patient.accessGranted').grant } };
  },
  'patient.emergencyAccess': async (ctx, args) => {
    const userId = me(ctx).id;
    const workplaceId = actingWorkplace(ctx).id;
    const outcome = await ctx.engine.execute({ type: 'patient.emergencyAccess', userId, workplaceId, ...args });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, grant: firstEvent(outcome, 'patient.accessGranted').grant } };
  },
  'consent.list': (ctx, args) => listGrants(ctx.engine.state, args, ctx.nowMs),
};

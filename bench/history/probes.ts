// The long-history reads of issue 16 as 1x1 probes: who asks (a prescriber, staff, the log reviewer), with which
// subject, and whether the reply waits for an access-log write. Each is called once before the clock, so a refused
// read fails the run with its error instead of measuring a page of errors.
import { BenchClient } from '../engine-client.ts';
import { pick, type BenchJournal } from '../workloads.ts';
import type { LatencyProbe } from './latency.ts';
import type { Subjects } from './types.ts';

/** The demo users the probes sign in as (README): a prescriber, the log reviewer, the administrator (staff). */
export const PROBE_PRESCRIBER = 'ot1';
export const PROBE_REVIEWER = 'log1';
export const PROBE_STAFF = 'admin';
/** The portal's page sizes. */
const ORDER_PAGE_LIMIT = 50;
const LEDGER_PAGE_LIMIT = 50;
const ACCESS_LOG_PAGE_LIMIT = 100;
/** The access-log queries' period ends this far ahead, so the entries written during the run are in it. */
const PERIOD_AHEAD_MS = 86_400_000;

interface Shows {
  holder?: { kind: string; protectedIdentity?: boolean };
  orders?: Array<{ recipient?: { kind: string } }>;
}

/** Whether a reply showed a patient (and so was access-logged before it was sent). */
function showsPatient(op: string, result: Shows): boolean {
  if (op === 'patient.get' || op === 'accessLog.patient') return true;
  if (op === 'individual.get') return result.holder?.kind === 'patient' && result.holder.protectedIdentity !== true;
  if (op === 'order.list') return (result.orders ?? []).some((o) => o.recipient?.kind === 'patient');
  return false;
}

/** The probes for these subjects; `prescriberUser` signs in as the prescriber with the most orders (`mine`). */
export function historyProbes(s: Subjects, ledger: BenchJournal, prescriberUser: string | null): LatencyProbe[] {
  const period = { fromMs: 0, toMs: Date.now() + PERIOD_AHEAD_MS };
  const fixed = (label: string, op: string, username: string, args: unknown): LatencyProbe => ({
    label,
    op,
    username,
    args: () => args,
    accessLogged: false,
  });
  const prescriberList =
    prescriberUser === null
      ? fixed(`order.list, prescriber ${s.prescriberId} (as staff)`, 'order.list', PROBE_STAFF, {
          prescriberId: s.prescriberId,
          limit: ORDER_PAGE_LIMIT,
        })
      : fixed(`order.list, prescriber ${s.prescriberId} (mine)`, 'order.list', prescriberUser, {
          mine: true,
          limit: ORDER_PAGE_LIMIT,
        });
  return [
    fixed('patient.get, longest history', 'patient.get', PROBE_PRESCRIBER, { pnr: s.patientPnr }),
    fixed('individual.get, most holders', 'individual.get', PROBE_PRESCRIBER, { indNo: s.indNo }),
    prescriberList,
    fixed('order.list, that patient', 'order.list', PROBE_PRESCRIBER, { pnr: s.patientPnr, limit: ORDER_PAGE_LIMIT }),
    {
      label: `stock.ledger, ${ledger.ledgerCursors.length} pages`,
      op: 'stock.ledger',
      username: PROBE_STAFF,
      args: (i) => {
        const cursor = pick(ledger.ledgerCursors, i);
        return { artNo: ledger.artNo, limit: LEDGER_PAGE_LIMIT, ...(cursor === undefined ? {} : { cursor }) };
      },
      accessLogged: false,
    },
    fixed('accessLog.patient, that patient', 'accessLog.patient', PROBE_REVIEWER, {
      pnr: s.patientPnr,
      ...period,
      limit: ACCESS_LOG_PAGE_LIMIT,
    }),
    fixed(`accessLog.user, ${PROBE_PRESCRIBER}`, 'accessLog.user', PROBE_REVIEWER, {
      userId: PROBE_PRESCRIBER,
      ...period,
      limit: ACCESS_LOG_PAGE_LIMIT,
    }),
  ];
}

/** How long to wait for a busy engine to answer again after a call timed out (it is still computing that call). */
const ENGINE_BACK_MS_MAX = 10 * 60_000;
const NO_REPLY = 'no reply within';

/** Waits until the engine answers a cheap call again (a refusal is an answer too). */
async function untilResponsive(client: BenchClient): Promise<void> {
  const deadlineMs = performance.now() + ENGINE_BACK_MS_MAX;
  for (;;) {
    try {
      await client.call('news.list', {});
      return;
    } catch (error) {
      if (!String(error).includes(NO_REPLY)) return;
      if (performance.now() > deadlineMs) throw error;
    }
  }
}

/**
 * Calls every probe once (its first args), timed; sets `accessLogged` from what the reply showed and `firstCallMs`
 * (null: no reply in time). A refusal fails the run: the probe's subject or user is wrong.
 */
export async function checkProbes(url: string, tokens: Record<string, string>, probes: LatencyProbe[]): Promise<void> {
  const client = await BenchClient.connect(url);
  try {
    for (const probe of probes) {
      await client.call('session.resume', { token: tokens[probe.username] });
      const startMs = performance.now();
      try {
        const result = await client.call<Shows>(probe.op, probe.args(0));
        probe.firstCallMs = performance.now() - startMs;
        probe.accessLogged = showsPatient(probe.op, result);
      } catch (error) {
        if (!String(error).includes(NO_REPLY)) throw error;
        probe.firstCallMs = null;
        probe.accessLogged = showsPatient(probe.op, {});
        await untilResponsive(client);
      }
    }
  } finally {
    await client.close();
  }
}

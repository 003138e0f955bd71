// Avvikelse / reklamation in the core, given / when / then: filing about an individual or an article (with a patient,
// from a work order or pickup); the desk's status flow; comments; the reporter's messages; who sees a report; counts
// per article; the edge's limits.
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/core/commands.ts';
import { deviationCounts, getDeviation, listDeviations } from '../engine/core/deviations/queries.ts';
import type { State } from '../engine/core/state.ts';
import { DEVIATION_COMMENTS_MAX, DEVIATION_TEXT_CHARS_MAX } from '../schemas/limits.ts';
import { OPS } from '../schemas/ops.ts';
import { ART, codeOf, firstEvent, orderState, PNR, run, T0 } from './helpers/order-fixture.ts';

type Create = Extract<Command, { type: 'deviation.create' }>;
const create = (over: Partial<Create> = {}): Command => ({
  type: 'deviation.create',
  userId: 'ot1',
  category: 'productFault',
  text: 'Bromsen släpper under belastning.',
  indNo: 56314,
  source: { kind: 'individual', ref: 56314 },
  attachments: [],
  ...over,
});
const filed = (state: State, command: Command = create()): number =>
  firstEvent(run(state, command), 'deviation.created').deviation.deviationNo;
const setStatus = (deviationNo: number, status: string, over: Record<string, unknown> = {}): Command =>
  ({ type: 'deviation.setStatus', userId: 'hmc1', deviationNo, status, ...over }) as Command;
const comment = (deviationNo: number, userId: string, text = 'Vi tittar på det.'): Command => ({
  type: 'deviation.comment',
  userId,
  deviationNo,
  text,
});
const countRows = (state: State, args: { artNo?: string; limit: number }) => {
  const outcome = deviationCounts(state, args);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result.rows;
};
const messagesOf = (state: State, userId: string) =>
  (state.orderIndex.messagesByUser.get(userId) ?? []).map((no) => state.messages.get(no)!);

describe('deviation.create', () => {
  it('given an individual, then the report is about it and its article, new, without a patient unless named', () => {
    const state = orderState();
    const no = filed(state);
    expect(state.deviations.get(no)).toMatchObject({
      deviationNo: 1,
      reporterId: 'ot1',
      category: 'productFault',
      artNo: ART.rollator,
      indNo: 56314,
      pnr: null,
      status: 'new',
      statusChangedMs: T0,
      source: { kind: 'individual', ref: 56314 },
      comments: [],
    });
    expect(filed(state, create({ pnr: '19400101-1230', source: { kind: 'patient', ref: null } }))).toBe(2);
    expect(state.deviations.get(2)!.pnr).toBe(PNR.resident);
  });

  it('given an article without an individual, then the report is about the article; staff may file too', () => {
    const state = orderState();
    const no = filed(
      state,
      create({
        userId: 'hmc1',
        indNo: undefined,
        artNo: ART.bed,
        category: 'risk',
        source: { kind: 'desk', ref: null },
      }),
    );
    expect(state.deviations.get(no)).toMatchObject({
      artNo: ART.bed,
      indNo: null,
      category: 'risk',
      reporterId: 'hmc1',
    });
  });

  it('given a wrong article, an unknown individual or article, another holder, an unknown source, then refused', () => {
    const state = orderState();
    expect(codeOf(run(state, create({ artNo: ART.bed })))).toBe('unknown_article');
    expect(codeOf(run(state, create({ indNo: 99_999 })))).toBe('not_found');
    expect(codeOf(run(state, create({ indNo: undefined, artNo: '999999' })))).toBe('unknown_article');
    expect(codeOf(run(state, create({ pnr: '19420202-1236' })))).toBe('not_holder');
    expect(codeOf(run(state, create({ pnr: '19400101-1235' })))).toBe('invalid_pnr');
    expect(codeOf(run(state, create({ source: { kind: 'workOrder', ref: 77 } })))).toBe('not_found');
    expect(codeOf(run(state, create({ source: { kind: 'pickup', ref: 77 } })))).toBe('not_found');
    expect(state.deviations.size).toBe(0);
  });

  it('validates at the edge: a category, text 1 to the limit, an individual or an article, at most 5 attachments', () => {
    const args = OPS['deviation.create'].args;
    const ok = { category: 'incident', text: 'Föll', indNo: 56314 };
    expect(args.safeParse(ok).success).toBe(true);
    expect(args.parse(ok).source).toEqual({ kind: 'desk', ref: null });
    expect(args.safeParse({ ...ok, category: 'other' }).success).toBe(false);
    expect(args.safeParse({ ...ok, text: 'x'.repeat(DEVIATION_TEXT_CHARS_MAX + 1) }).success).toBe(false);
    expect(args.safeParse({ category: 'incident', text: 'Föll' }).success).toBe(false);
    const ids = Array.from({ length: 6 }, () => '0b8d5a4e-7c65-4c1b-9a0e-3f3f3f3f3f3f');
    expect(args.safeParse({ ...ok, attachments: ids }).success).toBe(false);
  });
});

describe('deviation.setStatus: the desk flow', () => {
  it('given a new report, then HMC moves it Ny → Utreds → Anmäld till leverantör → Avslutad, and the reporter is told each time', () => {
    const state = orderState();
    const no = filed(state);
    for (const status of ['investigating', 'reportedToSupplier', 'closed']) {
      expect(run(state, setStatus(no, status), T0 + 1000).ok).toBe(true);
      expect(state.deviations.get(no)).toMatchObject({ status, statusChangedMs: T0 + 1000 });
    }
    const messages = messagesOf(state, 'ot1');
    expect(messages.map((m) => m.kind)).toEqual(['deviationUpdated', 'deviationUpdated', 'deviationUpdated']);
    expect(messages.map((m) => m.kind === 'deviationUpdated' && m.deviationNo)).toEqual([no, no, no]);
    expect(messages[2]!.text).toContain('Avslutad');
    expect(messages[0]!.text).toContain(`Avvikelse ${no}`);
  });

  it('given a step outside the flow, the same status, or a closed report, then invalid_transition', () => {
    const state = orderState();
    const no = filed(state);
    expect(codeOf(run(state, setStatus(no, 'reportedToSupplier')))).toBe('invalid_transition');
    expect(codeOf(run(state, setStatus(no, 'new')))).toBe('invalid_transition');
    expect(run(state, setStatus(no, 'closed')).ok).toBe(true);
    expect(codeOf(run(state, setStatus(no, 'investigating')))).toBe('invalid_transition');
    // Back from the supplier to investigating is a step of the flow.
    const other = filed(state);
    run(state, setStatus(other, 'investigating'));
    run(state, setStatus(other, 'reportedToSupplier'));
    expect(run(state, setStatus(other, 'investigating')).ok).toBe(true);
  });

  it('given a prescriber, then forbidden (even the reporter); another prescriber gets not_found', () => {
    const state = orderState();
    const no = filed(state);
    expect(codeOf(run(state, setStatus(no, 'investigating', { userId: 'ot1' })))).toBe('forbidden');
    expect(codeOf(run(state, setStatus(no, 'investigating', { userId: 'pt1' })))).toBe('not_found');
    expect(codeOf(run(state, setStatus(99, 'investigating')))).toBe('not_found');
  });

  it('given a status with a comment, then both are recorded and one message tells the reporter of both', () => {
    const state = orderState();
    const no = filed(state);
    run(state, setStatus(no, 'investigating', { comment: 'Leverantören är kontaktad.' }));
    expect(state.deviations.get(no)!.comments).toEqual([
      { timeMs: T0, userId: 'hmc1', text: 'Leverantören är kontaktad.' },
    ]);
    const messages = messagesOf(state, 'ot1');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toMatch(/Utreds.*kommentar/);
  });
});

describe('deviation.comment', () => {
  it('given HMC comments, then the reporter sees it and gets a message; the reporter answers without messaging anyone', () => {
    const state = orderState();
    const no = filed(state, create({ pnr: '19400101-1230' }));
    expect(run(state, comment(no, 'hmc1')).ok).toBe(true);
    expect(run(state, comment(no, 'ot1', 'Tack!')).ok).toBe(true);
    expect(state.deviations.get(no)!.comments.map((c) => c.userId)).toEqual(['hmc1', 'ot1']);
    const messages = messagesOf(state, 'ot1');
    expect(messages).toHaveLength(1);
    // The message names the report, never the patient.
    expect(messages[0]!.text).not.toContain('Anna');
    expect(messages[0]!.text).not.toContain('19400101');
    expect(messagesOf(state, 'hmc1')).toEqual([]);
  });

  it('given another prescriber, then not_found; given a full list, then invalid_transition', () => {
    const state = orderState();
    const no = filed(state);
    expect(codeOf(run(state, comment(no, 'pt1')))).toBe('not_found');
    for (let i = 0; i < DEVIATION_COMMENTS_MAX; i++) run(state, comment(no, 'ot1', `Kommentar ${i}`));
    expect(codeOf(run(state, comment(no, 'hmc1')))).toBe('invalid_transition');
    expect(codeOf(run(state, setStatus(no, 'investigating', { comment: 'x' })))).toBe('invalid_transition');
    expect(run(state, setStatus(no, 'investigating')).ok).toBe(true);
  });
});

describe('deviation reads', () => {
  it('given reports by two prescribers, then each lists their own; HMC lists all and filters by status, category, article', () => {
    const state = orderState();
    filed(state);
    filed(state, create({ userId: 'pt1', indNo: undefined, artNo: ART.bed, category: 'incident' }));
    run(state, setStatus(1, 'investigating'));
    const list = (userId: string, args: Record<string, unknown> = {}) => {
      const outcome = listDeviations(state, state.users.get(userId)!, { limit: 50, ...args });
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.result.deviations.map((d) => d.deviationNo);
    };
    expect(list('ot1')).toEqual([1]);
    expect(list('pt1')).toEqual([2]);
    expect(list('hmc1')).toEqual([2, 1]);
    expect(list('hmc1', { status: 'new' })).toEqual([2]);
    expect(list('hmc1', { category: 'productFault' })).toEqual([1]);
    expect(list('hmc1', { artNo: ART.bed })).toEqual([2]);
    expect(codeOf(getDeviation(state, state.users.get('pt1')!, 1))).toBe('not_found');
    expect(getDeviation(state, state.users.get('hmc1')!, 1).ok).toBe(true);
  });

  it("given a report about a protected person, then views say 'Skyddad identitet'", () => {
    const state = orderState();
    const no = filed(state, create({ indNo: undefined, artNo: ART.bed, pnr: '19600303-3450' }));
    const outcome = getDeviation(state, state.users.get('hmc1')!, no);
    expect(outcome.ok && outcome.result.patient).toMatchObject({ name: 'Skyddad identitet', protectedIdentity: true });
  });

  it('given reports on two articles, then counts per article and category, most reported first', () => {
    const state = orderState();
    filed(state);
    filed(state, create({ category: 'incident' }));
    filed(state, create({ indNo: undefined, artNo: ART.bed, category: 'risk' }));
    expect(countRows(state, { limit: 10 })).toEqual([
      { artNo: ART.rollator, name: expect.any(String), incident: 1, risk: 0, productFault: 1, total: 2 },
      { artNo: ART.bed, name: expect.any(String), incident: 0, risk: 1, productFault: 0, total: 1 },
    ]);
    expect(countRows(state, { artNo: ART.bed, limit: 10 })).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { Workflow } from '../catalogue/workflow.ts';
import { ACTION_RULES, type DossierAction } from './actions.ts';
import { maskName } from './applicant.ts';
import { codeDay, formatDossierCode, parseDossierCode } from './code.ts';
import {
  type ClockOps,
  type DossierEvent,
  decide,
  foldEvents,
  RuleViolation,
  type Situation,
} from './machine.ts';
import type { ActionRequest } from './requests.ts';
import { DossierStatus, TERMINAL } from './status.ts';

const workflow: Workflow = {
  nationalCode: '1.001022',
  agencyKind: 'commune',
  agencyCode: null,
  name: 'Thử',
  steps: [
    {
      key: 'receive',
      name: 'Tiếp nhận',
      kind: 'intake',
      role: 'deskOfficer',
      agency: { ref: 'self' },
      budgetHours: 1,
      pausesClock: false,
      next: ['appraise'],
      sendBack: [],
    },
    {
      key: 'appraise',
      name: 'Thẩm định',
      kind: 'appraisal',
      role: 'specialist',
      agency: { ref: 'self' },
      budgetHours: 8,
      pausesClock: false,
      next: ['tax'],
      sendBack: ['receive'],
    },
    {
      key: 'tax',
      name: 'Thuế',
      kind: 'interAgency',
      role: 'specialist',
      agency: { ref: 'other', kind: 'department', name: 'Cơ quan thuế' },
      budgetHours: 4,
      pausesClock: false,
      next: ['approve'],
      sendBack: [],
    },
    {
      key: 'approve',
      name: 'Ký',
      kind: 'approval',
      role: 'leader',
      agency: { ref: 'self' },
      budgetHours: 2,
      pausesClock: false,
      next: ['return'],
      sendBack: ['appraise'],
    },
    {
      key: 'return',
      name: 'Trả',
      kind: 'return',
      role: 'deskOfficer',
      agency: { ref: 'self' },
      budgetHours: 1,
      pausesClock: false,
      next: [],
      sendBack: [],
    },
  ],
};

const t0 = new Date('2026-03-02T02:00:00Z');
const due = new Date('2026-03-04T10:00:00Z');
const event = (over: Partial<DossierEvent>): DossierEvent => ({
  seq: 1,
  at: t0,
  action: 'receive',
  actorId: 'desk',
  actorName: 'Desk',
  role: 'deskOfficer',
  agencyId: 'centre',
  fromStatus: null,
  toStatus: 'accepted',
  fromStep: null,
  toStep: 'receive',
  holderAgencyId: 'centre',
  assigneeId: 'desk',
  dueAt: due,
  note: null,
  data: {},
  ...over,
});

const clock: ClockOps = {
  resume: (d, from, to, reason) => ({
    dueAt: new Date(d.getTime() + (to.getTime() - from.getTime())),
    explanation: [reason],
  }),
  initialDue: (at) => ({ dueAt: new Date(at.getTime() + 86_400_000), explanation: ['+1'] }),
  workingDaysBetween: (from, to) => Math.floor((to.getTime() - from.getTime()) / 86_400_000),
};

const situation = (events: DossierEvent[], roles: Situation['roles'], actorId = 'someone'): Situation => ({
  state: foldEvents(events),
  workflow,
  receivingAgencyId: 'centre',
  competentAgencyId: 'commune',
  actorId,
  roles,
  now: t0,
});

const desk = { atReceiving: ['deskOfficer'], atHolder: ['deskOfficer'] } as const;
const specialist = { atReceiving: ['specialist'], atHolder: ['specialist'] } as const;
const leader = { atReceiving: ['leader'], atHolder: ['leader'] } as const;

describe('dossier status machine', () => {
  it('every action table row names only real statuses and is closed for terminal ones', () => {
    for (const [action, rule] of Object.entries(ACTION_RULES)) {
      for (const from of rule.from) {
        expect(DossierStatus.options).toContain(from);
        expect(TERMINAL.has(from), `${action} from ${from}`).toBe(false);
      }
    }
  });

  it('forward moves along the workflow; an inter-agency step needs its agency', () => {
    const received = [event({})];
    const fwd = decide(situation(received, desk), { action: 'forward' }, clock);
    expect(fwd).toMatchObject({
      toStatus: 'inProcess',
      toStep: 'appraise',
      holderAgencyId: 'commune',
      assigneeId: null,
    });
    const atAppraise = [...received, event({ ...fwd, seq: 2 })];
    expect(() => decide(situation(atAppraise, specialist), { action: 'forward' }, clock)).toThrow(
      /Chọn cơ quan thực hiện bước «Thuế»/,
    );
    const toTax = decide(
      situation(atAppraise, specialist),
      { action: 'forward', toAgencyId: 'tax-office' },
      clock,
    );
    expect(toTax).toMatchObject({ toStep: 'tax', holderAgencyId: 'tax-office' });
    // The leader may not forward the specialist's step: 409 naming what the leader may do.
    try {
      decide(situation(atAppraise, leader), { action: 'forward' }, clock);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuleViolation);
      expect((e as RuleViolation).code).toBe('INVALID_TRANSITION');
      expect((e as RuleViolation).allowed).toEqual(expect.arrayContaining(['apologise', 'stop']));
      expect((e as RuleViolation).allowed).not.toContain('forward');
    }
  });

  it('a suspension stops the clock once and moves the due date by the paused time', () => {
    const atAppraise = [
      event({}),
      event({
        seq: 2,
        action: 'forward',
        toStatus: 'inProcess',
        toStep: 'appraise',
        holderAgencyId: 'commune',
      }),
    ];
    const ask: ActionRequest = { action: 'requestSupplement', note: 'thiếu', items: [{ name: 'Giấy A' }] };
    const asked = decide(situation(atAppraise, specialist), ask, clock);
    const paused = [...atAppraise, event({ ...asked, seq: 3, at: t0 })];
    expect(foldEvents(paused)).toMatchObject({
      status: 'supplementRequested',
      pausedSince: t0,
      supplementRequests: 1,
    });
    const later = new Date(t0.getTime() + 3_600_000);
    const resumed = decide(
      { ...situation(paused, desk), now: later },
      { action: 'receiveSupplement' },
      clock,
    );
    expect(resumed.dueAt?.getTime()).toBe(due.getTime() + 3_600_000);
    const back = [...paused, event({ ...resumed, seq: 4, at: later })];
    expect(foldEvents(back).pausedSince).toBeNull();
    expect(() => decide(situation(back, specialist), ask, clock)).toThrow(/một lần/);
  });

  it('apology: at least one working day before the due date, and a later date', () => {
    const events = [event({})];
    const req = (newDueAt: string): ActionRequest => ({ action: 'apologise', note: 'chậm', newDueAt });
    expect(() => decide(situation(events, leader), req('2026-03-03T10:00:00Z'), clock)).toThrow(
      /phải sau hạn/,
    );
    const onDueDay = { ...situation(events, leader), now: new Date('2026-03-04T01:00:00Z') };
    expect(() => decide(onDueDay, req('2026-03-09T10:00:00Z'), clock)).toThrow(/01 ngày làm việc/);
    expect(decide(situation(events, leader), req('2026-03-09T10:00:00Z'), clock).dueAt?.toISOString()).toBe(
      '2026-03-09T10:00:00.000Z',
    );
  });

  it('only some actions are allowed once the dossier is resolved; none after it ended', () => {
    const resolved = [event({ toStatus: 'resolved', toStep: 'return' })];
    const all = Object.keys(ACTION_RULES) as DossierAction[];
    const allowedForDesk = all.filter((a) => {
      try {
        decide(situation(resolved, desk), { action: a } as ActionRequest, clock);
        return true;
      } catch (e) {
        return !(e instanceof RuleViolation && e.code === 'INVALID_TRANSITION');
      }
    });
    expect(allowedForDesk.sort()).toEqual(['collectFee', 'returnResult']);
    const returned = [event({ toStatus: 'returned', toStep: 'return' })];
    for (const a of all) {
      expect(() => decide(situation(returned, desk), { action: a } as ActionRequest, clock)).toThrow(
        RuleViolation,
      );
    }
  });
});

describe('dossier code and masked name', () => {
  it('uses the Hà Nội day whatever the host time zone', () => {
    expect(codeDay(new Date('2026-02-04T16:59:59Z'))).toBe('260204');
    expect(codeDay(new Date('2026-02-04T17:00:00Z'))).toBe('260205');
    expect(formatDossierCode('000.01.01.H26', new Date('2026-02-04T17:00:00Z'), 7)).toBe(
      '000.01.01.H26-260205-0007',
    );
    expect(() => formatDossierCode('X', t0, 10_000)).toThrow(RangeError);
    expect(parseDossierCode(' 000.01.01.h26-260205-0007 ')).toEqual({
      agencyCode: '000.01.01.H26',
      day: '260205',
      sequence: 7,
    });
    expect(parseDossierCode('abc')).toBeUndefined();
  });

  it('masks every given name but keeps the family name', () => {
    const person = (fullName: string) => ({
      kind: 'person' as const,
      fullName,
      citizenId: '001090012345',
      address: { street: 'x' },
    });
    expect(maskName(person('Nguyễn Văn An'))).toBe('Nguyễn V** A*');
    expect(maskName(person('Nguyễn Văn An'.normalize('NFD')))).toBe('Nguyễn V** A*');
    expect(maskName(person('Lê  Thị   Ánh Tuyết'))).toBe('Lê T** Á** T****');
  });
});

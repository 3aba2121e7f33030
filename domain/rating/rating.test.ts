import { describe, expect, it } from 'vitest';
import { FeedbackRequest, formatFeedbackNo } from './feedback.ts';
import { isFlagged, keptReasons, RatingRequest } from './rating.ts';
import { emptyCounts, ratingPeriod, summarise } from './summary.ts';

const allSatisfied = {
  convenience: 'satisfied',
  overall: 'verySatisfied',
  timeliness: 'satisfied',
  staffAttitude: 'verySatisfied',
} as const;

describe('rating request', () => {
  it('accepts four answers; a reason on a satisfied answer is not kept', () => {
    const r = RatingRequest.parse({ answers: allSatisfied, reasons: { overall: 'Tốt' } });
    expect(isFlagged(r.answers)).toBe(false);
    expect(keptReasons(r.answers, r.reasons)).toEqual({});
  });

  it('"not satisfied" needs a reason for that question, named in Vietnamese', () => {
    const res = RatingRequest.safeParse({
      answers: { ...allSatisfied, timeliness: 'notSatisfied', staffAttitude: 'notSatisfied' },
      reasons: { timeliness: 'Trễ hẹn 3 ngày', staffAttitude: '   ' },
    });
    expect(res.success).toBe(false);
    const issues = res.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toContainEqual(['reasons.staffAttitude', 'Không được để trống']);
    expect(issues.some(([p]) => p === 'reasons.timeliness')).toBe(false);
  });

  it('NFC-normalises reasons and flags the rating', () => {
    const decomposed = 'Chậm trễ'.normalize('NFD');
    const r = RatingRequest.parse({
      answers: { ...allSatisfied, overall: 'notSatisfied' },
      reasons: { overall: decomposed },
    });
    expect(r.reasons?.overall).toBe('Chậm trễ'.normalize('NFC'));
    expect(isFlagged(r.answers)).toBe(true);
    expect(keptReasons(r.answers, r.reasons)).toEqual({ overall: 'Chậm trễ' });
  });

  it('refuses an unknown level or a missing question', () => {
    expect(RatingRequest.safeParse({ answers: { ...allSatisfied, overall: 'ok' } }).success).toBe(false);
    expect(RatingRequest.safeParse({ answers: { overall: 'satisfied' } }).success).toBe(false);
  });
});

describe('summary', () => {
  it('counts and shares per question', () => {
    const counts = emptyCounts();
    counts.overall = { verySatisfied: 1, satisfied: 1, notSatisfied: 1 };
    const overall = summarise(counts, 3).find((q) => q.question === 'overall')!;
    expect(overall.shares).toEqual({ verySatisfied: 0.3333, satisfied: 0.3333, notSatisfied: 0.3333 });
    expect(overall.satisfiedShare).toBe(0.6667);
    expect(summarise(emptyCounts(), 0)[0]!.shares.satisfied).toBe(0);
  });

  it('a period is whole Vietnamese days', () => {
    const p = ratingPeriod('2026-03-01', '2026-03-31');
    expect(p.start.toISOString()).toBe('2026-02-28T17:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-03-31T17:00:00.000Z');
    expect(() => ratingPeriod('2026-03-02', '2026-03-01')).toThrow(/Ngày cuối kỳ/);
    expect(() => ratingPeriod('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});

describe('feedback request', () => {
  const base = {
    kind: 'feedback',
    content: 'Bộ phận một cửa không niêm yết thủ tục đăng ký khai sinh.',
    contact: { name: 'Phạm Thu Hà', phone: '+84 912 345 678' },
    agencyId: '00000000-0000-4000-8000-000000000001',
  };
  it('normalises the phone and needs a phone or an e-mail', () => {
    expect(FeedbackRequest.parse(base).contact.phone).toBe('0912345678');
    const noWay = FeedbackRequest.safeParse({ ...base, contact: { name: 'Hà' } });
    expect(noWay.error?.issues[0]).toMatchObject({ path: ['contact', 'phone'] });
  });
  it('needs an agency or a dossier code', () => {
    const { agencyId: _, ...rest } = base;
    expect(FeedbackRequest.safeParse(rest).error?.issues[0]?.path).toEqual(['agencyId']);
    expect(FeedbackRequest.safeParse({ ...rest, dossierCode: '000.01.01.H99-260302-0001' }).success).toBe(
      true,
    );
  });
  it('numbers', () => {
    expect(formatFeedbackNo(2026, 7)).toBe('PAKN-2026-00007');
  });
});

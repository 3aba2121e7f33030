import { describe, expect, it } from 'vitest';
import {
  formatVnDateTime,
  RenderError,
  renderNotice,
  SMS_TARGET,
  TEMPLATES,
  trackingLink,
} from './templates.ts';

const code = '000.01.01.H99-260302-0001';
const payload = {
  code,
  procedureName: 'Đăng ký nhận cha, mẹ, con',
  note: 'Thiếu bản sao giấy khai sinh <có chứng thực>',
  dueAt: '2026-03-04T10:00:00.000Z',
};

describe('notification templates', () => {
  it('writes instants in Vietnam time as dd/MM/yyyy HH:mm whatever the host time zone', () => {
    expect(formatVnDateTime(new Date('2026-03-04T10:00:00Z'))).toBe('04/03/2026 17:00');
    // 23:30 UTC on 31/12 is already 06:30 on 1/1 in Hà Nội.
    expect(formatVnDateTime(new Date('2025-12-31T23:30:00Z'))).toBe('01/01/2026 06:30');
  });

  it.each(TEMPLATES)(
    '%s: subject, text and HTML carry the code, the tracking link and the due date',
    (tpl) => {
      const n = renderNotice(tpl, payload, 'http://localhost:3000/');
      const link = `http://localhost:3000/tra-cuu/${code}`;
      expect(trackingLink('http://localhost:3000/', code)).toBe(link);
      expect(n.subject).toContain(code);
      expect(n.text).toContain(code);
      expect(n.text).toContain(link);
      expect(n.html).toContain(`href="${link}"`);
      expect(n.short).toContain(code);
      expect(n.short).toContain(link);
      // One SMS where possible (the default address and a real code fit).
      expect(n.short.length).toBeLessThanOrEqual(SMS_TARGET);
      // Vietnamese is kept, with its marks.
      expect(n.text).toMatch(/hồ sơ|Hồ sơ/);
    },
  );

  it('states the due date, the reason and escapes what staff typed in the HTML', () => {
    const received = renderNotice('dossier.received', payload, 'http://localhost:3000');
    expect(received.text).toContain('Thời hạn trả kết quả: 04/03/2026 17:00.');
    expect(received.short).toContain('04/03/2026 17:00');
    const supplement = renderNotice('dossier.supplementRequested', payload, 'http://localhost:3000');
    expect(supplement.text).toContain('Nội dung cần bổ sung: Thiếu bản sao giấy khai sinh <có chứng thực>');
    expect(supplement.html).toContain('&lt;có chứng thực&gt;');
    expect(supplement.html).not.toContain('<có chứng thực>');
  });

  it('falls back to a shorter SMS when a long portal address would not fit', () => {
    const n = renderNotice('dossier.received', payload, 'https://dichvucong.thanhphohanoi.gov.vn/cong-dan');
    expect(n.short).not.toContain('17:00');
    expect(n.short).toContain(code);
  });

  it('works without a due date or a note', () => {
    const n = renderNotice('dossier.apology', { code, procedureName: '', dueAt: null }, 'http://x');
    expect(n.text).not.toContain('Thời hạn trả kết quả mới');
    expect(n.subject).toContain(code);
  });

  it('refuses an unknown template or a payload without a code (such a row can never be delivered)', () => {
    expect(() => renderNotice('dossier.unknown', payload, 'http://x')).toThrow(RenderError);
    expect(() => renderNotice('dossier.received', { procedureName: 'x' }, 'http://x')).toThrow(RenderError);
  });

  it('renders the one-time codes of citizen accounts, and refuses a malformed one for good', () => {
    const n = renderNotice('citizen.signUpCode', { code: '042517', minutes: 10 }, 'http://x');
    expect(n.subject).toMatch(/Mã xác nhận/);
    expect(n.text).toContain('042517');
    expect(n.short).toContain('042517');
    expect(() => renderNotice('citizen.signUpCode', { code: '42' }, 'http://x')).toThrow(RenderError);
  });
});

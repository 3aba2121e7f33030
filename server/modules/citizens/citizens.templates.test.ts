import { describe, expect, it } from 'vitest';
import { renderCitizenNotice } from './citizens.templates.ts';

describe('code messages', () => {
  it('put the code first in the SMS and inside the e-mail, within one SMS', () => {
    const m = renderCitizenNotice('citizen.passwordResetCode', { code: '042917', minutes: 10 })!;
    expect(m.short.startsWith('042917 là mã xác nhận đặt lại mật khẩu')).toBe(true);
    expect(m.short.length).toBeLessThanOrEqual(160);
    expect(m.text).toContain('là: 042917');
    expect(m.html).toContain('<strong style="font-size:120%">042917</strong>');
    expect(renderCitizenNotice('dossier.received', { code: 'X' })).toBeUndefined();
    expect(() => renderCitizenNotice('citizen.signUpCode', { code: '12' })).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { attachedResults, isResultDownloadable } from './results.ts';
import { checkSupplied } from './supplement.ts';

const file = '7d3f2a4e-1b2c-4d5e-8f90-123456789abc';
const asked = [{ name: 'Văn bản giám định ADN', detail: 'Bản chính' }, { name: 'Giấy khai sinh của con' }];

describe('an online supply', () => {
  it('covers every requested item, matched by name whatever the Unicode form, case or spacing', () => {
    const nfd = 'văn bản  giám định ADN'.normalize('NFD');
    expect(
      checkSupplied(asked, [
        { name: nfd, fileIds: [file] },
        { name: 'Giấy khai sinh của con', fileIds: [file] },
      ]),
    ).toEqual([]);
  });

  it('names what is missing, what was not asked for and what was given twice', () => {
    expect(
      checkSupplied(asked, [
        { name: 'Sổ hộ khẩu', fileIds: [file] },
        { name: 'Văn bản giám định ADN', fileIds: [file] },
        { name: 'Văn bản giám định ADN', fileIds: [file] },
      ]),
    ).toEqual([
      { path: 'items.0.name', message: 'Giấy tờ không có trong yêu cầu bổ sung: Sổ hộ khẩu' },
      { path: 'items.2.name', message: 'Giấy tờ được nộp hai lần: Văn bản giám định ADN' },
      { path: 'items', message: 'Chưa tải lên giấy tờ được yêu cầu bổ sung: Giấy khai sinh của con' },
    ]);
  });
});

describe('result download', () => {
  const attach = (fileId: string | null, name = 'Trích lục') => ({
    action: 'attachResult',
    data: { name, number: '15/TL', fileId },
  });

  it('lists each attached result file once, the last name winning', () => {
    expect(attachedResults([attach(null), attach(file, 'Bản nháp'), attach(file)])).toEqual([
      { fileId: file, name: 'Trích lục', number: '15/TL' },
    ]);
  });

  it('opens from the result on when delivered electronically, or once the desk returned it electronically', () => {
    const events = [attach(file)];
    expect(isResultDownloadable({ status: 'inProcess', resultDelivery: 'electronic', events })).toBe(false);
    expect(isResultDownloadable({ status: 'resolved', resultDelivery: 'electronic', events })).toBe(true);
    expect(isResultDownloadable({ status: 'resolved', resultDelivery: 'counter', events })).toBe(false);
    const returned = [...events, { action: 'returnResult', data: { method: 'electronic' } }];
    expect(isResultDownloadable({ status: 'returned', resultDelivery: 'post', events: returned })).toBe(true);
  });
});

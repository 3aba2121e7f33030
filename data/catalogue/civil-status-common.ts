/** Shared facts of the commune civil-status procedures (civil-status.ts, civil-status-records.ts). */
import { AGENCIES, type DocumentInput } from './helpers.ts';

export const UNIT = 'Công chức Tư pháp - Hộ tịch';
export const agencies = [AGENCIES.communeCentre, AGENCIES.communeCommittee];
// Luật Hộ tịch art. 11(1): exempt for families of people with meritorious service, poor households, people with
// disabilities; and for on-time birth and death registration, guardianship, and marriage of citizens residing in Viet Nam.
export const EXEMPT_GROUPS =
  'Người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật (Luật Hộ tịch Điều 11)';
export const PROVINCE_FEE =
  'Lệ phí do Hội đồng nhân dân tỉnh quy định (Thông tư 85/2019/TT-BTC); nhập mức của tỉnh.';
export const provinceFeeConfirm = { field: 'fees', note: 'Mức lệ phí theo Nghị quyết HĐND tỉnh: chưa nhập.' };
export const authorisation: DocumentInput = {
  key: 'authorisation',
  name: 'Văn bản ủy quyền (trường hợp ủy quyền thực hiện)',
  kinds: ['original', 'certifiedCopy'],
  mandatory: false,
  note: 'Không phải chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.',
};

/**
 * EMVCo merchant-presented QR (EMV QRCPS-MPM) as a tree of TLV data objects: 2-digit id, 2-digit length,
 * value. Lengths count characters (EMVCo); VietQR payloads are ASCII, so characters and bytes coincide. The
 * CRC (object 63) covers the UTF-8 bytes of everything before its 4 hex digits, "6304" included.
 */
import { emvCrc } from './crc.ts';
import { PaymentError } from './errors.ts';

export type EmvField = Readonly<{
  id: string;
  value: string;
  /** Set when the value is itself a template of data objects (e.g. 38, 62, and 38/01 for NAPAS). */
  children?: readonly EmvField[];
}>;

export type EmvQr = Readonly<{
  /** Root data objects in payload order, the CRC object (63) last. */
  fields: readonly EmvField[];
  /** The CRC as found in the payload, uppercased (it matched). */
  crc: string;
}>;

export const NAPAS_GUID = 'A000000727';
const ID = /^\d{2}$/;
const CRC_TAIL = /6304[0-9A-Fa-f]{4}$/;

const lengthOf = (value: string): number => [...value].length;

/** One data object: `tlv('58', 'VN')` → "5802VN". */
export function tlv(id: string, value: string): string {
  if (!ID.test(id)) throw new RangeError(`Mã trường EMV phải gồm 2 chữ số: "${id}"`);
  const length = lengthOf(value);
  if (length < 1 || length > 99) {
    throw new RangeError(`Trường ${id} dài ${length} ký tự, EMV chỉ cho phép 1–99`);
  }
  return `${id}${String(length).padStart(2, '0')}${value}`;
}

/** The payload text of a list of data objects; a field with children is written from its children. */
export function serializeEmv(fields: readonly EmvField[]): string {
  return fields.map((f) => tlv(f.id, f.children ? serializeEmv(f.children) : f.value)).join('');
}

/** The field at a path of ids, e.g. `findField(qr.fields, '38', '01', '00')` for the NAPAS acquirer BIN. */
export function findField(fields: readonly EmvField[], ...path: string[]): EmvField | undefined {
  let level: readonly EmvField[] | undefined = fields;
  let found: EmvField | undefined;
  for (const id of path) {
    found = level?.find((f) => f.id === id);
    if (!found) return undefined;
    level = found.children;
  }
  return found;
}

type Located = { id: string; value: string; offset: number };

const malformed = (message: string, path: string, offset: number) =>
  new PaymentError('MALFORMED', message, [{ path, message }], offset);

/** Splits a run of data objects; `base` is where `text` starts in the payload (for error positions). */
function splitTlv(text: string, base: number, where: string): Located[] {
  const chars = [...text];
  const out: Located[] = [];
  let i = 0;
  while (i < chars.length) {
    const at = base + i;
    if (chars.length - i < 4) {
      throw malformed(`${where}: thiếu dữ liệu ở vị trí ${at} (cần mã trường và độ dài)`, where, at);
    }
    const id = chars.slice(i, i + 2).join('');
    const lengthText = chars.slice(i + 2, i + 4).join('');
    if (!ID.test(id))
      throw malformed(`${where}: mã trường "${id}" ở vị trí ${at} không phải 2 chữ số`, where, at);
    if (!ID.test(lengthText) || lengthText === '00') {
      throw malformed(`${where}: trường ${id} có độ dài "${lengthText}" không hợp lệ (01–99)`, where, at);
    }
    const length = Number(lengthText);
    if (i + 4 + length > chars.length) {
      const left = chars.length - i - 4;
      throw malformed(`${where}: trường ${id} khai báo ${length} ký tự nhưng chỉ còn ${left}`, where, at);
    }
    out.push({ id, value: chars.slice(i + 4, i + 4 + length).join(''), offset: at + 4 });
    i += 4 + length;
  }
  return out;
}

function trySplitTlv(text: string, base: number, where: string): Located[] | undefined {
  try {
    return splitTlv(text, base, where);
  } catch {
    return undefined;
  }
}

const inRange = (id: string, from: number, to: number) => Number(id) >= from && Number(id) <= to;

/**
 * Which values are templates. Strict where EMVCo defines a template (26–51 merchant account information, 62
 * additional data, 64 language) and, inside a NAPAS template, 01 (beneficiary organisation). Lenient (kept as
 * a plain value if it does not split) for the unreserved 80–99 and 62/50–99: wallets put plain values there,
 * e.g. MoMo's root object "80" holding 3 digits.
 */
function childrenOf(
  field: Located,
  parentPath: string,
  parentChildren?: readonly Located[],
): EmvField[] | undefined {
  const path = parentPath ? `${parentPath}.${field.id}` : field.id;
  const strict = (): EmvField[] => buildLevel(splitTlv(field.value, field.offset, path), path);
  const lenient = (): EmvField[] | undefined => {
    const parts = trySplitTlv(field.value, field.offset, path);
    return parts ? buildLevel(parts, path) : undefined;
  };
  if (parentPath === '') {
    if (inRange(field.id, 26, 51) || field.id === '62' || field.id === '64') return strict();
    if (inRange(field.id, 80, 99)) return lenient();
    return undefined;
  }
  const parentId = parentPath.split('.').at(-1)!;
  if (inRange(parentId, 26, 51) && field.id === '01') {
    const guid = parentChildren?.find((c) => c.id === '00')?.value;
    return guid === NAPAS_GUID ? strict() : undefined;
  }
  if (parentPath === '62' && inRange(field.id, 50, 99)) return lenient();
  return undefined;
}

function buildLevel(parts: readonly Located[], path: string): EmvField[] {
  return parts.map((p) => {
    const children = childrenOf(p, path, parts);
    return children ? { id: p.id, value: p.value, children } : { id: p.id, value: p.value };
  });
}

/**
 * Parses an EMV QR payload into a tree and verifies it: the CRC first (a damaged string is reported as such,
 * whatever else it breaks), then the TLV structure, the payload format indicator "01" as the first object, the
 * CRC object as the last, and no repeated root id. Surrounding whitespace (a pasted line) is ignored.
 */
export function parseEmvQr(payload: string): EmvQr {
  const text = payload.trim();
  if (text === '') throw new PaymentError('CRC_MISSING', 'Chuỗi mã QR trống');
  if (!CRC_TAIL.test(text)) {
    throw new PaymentError(
      'CRC_MISSING',
      'Chuỗi mã QR không kết thúc bằng mã kiểm tra CRC (6304 và 4 ký tự hex)',
    );
  }
  const found = text.slice(-4).toUpperCase();
  const expected = emvCrc(text.slice(0, -4));
  if (found !== expected) {
    throw new PaymentError(
      'CRC_MISMATCH',
      `Mã kiểm tra CRC không khớp (trong mã: ${found}, tính được: ${expected}): chuỗi đã bị hỏng hoặc bị sửa`,
    );
  }

  const root = splitTlv(text, 0, 'gốc');
  const last = root.at(-1)!;
  if (last.id !== '63' || last.offset !== lengthOf(text) - 4) {
    throw malformed('Trường CRC (63) phải là trường cuối cùng của mã QR', '63', last.offset);
  }
  const first = root[0]!;
  if (first.id !== '00' || first.value !== '01') {
    throw malformed(
      `Trường đầu tiên phải là 000201 (Payload Format Indicator), gặp ${first.id} = "${first.value}"`,
      '00',
      0,
    );
  }
  const seen = new Set<string>();
  for (const f of root) {
    if (seen.has(f.id)) throw malformed(`Trường ${f.id} xuất hiện hai lần ở gốc`, f.id, f.offset - 4);
    seen.add(f.id);
  }
  return { fields: buildLevel(root, ''), crc: found };
}

/**
 * CRC-16/CCITT-FALSE (width 16, poly 0x1021, init 0xFFFF, no reflection, xorout 0; check value 0x29B1 over
 * "123456789"), the checksum EMVCo MPM and NAPAS VietQR put in data object 63. It runs over the UTF-8 bytes of
 * the payload up to and including "6304".
 */
const encoder = new TextEncoder();

export function crc16CcittFalse(data: string | Uint8Array): number {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

/** The CRC as EMVCo writes it: 4 uppercase hexadecimal digits. */
export const formatCrc = (crc: number): string => crc.toString(16).toUpperCase().padStart(4, '0');

/** The 4-character CRC of an EMV payload prefix that already ends with "6304". */
export const emvCrc = (payloadUpToCrcTag: string): string => formatCrc(crc16CcittFalse(payloadUpToCrcTag));

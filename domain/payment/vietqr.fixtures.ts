/** Published VietQR payloads used by the tests (third-party sources, pinned to a commit). */
import type { VietQrInput } from './vietqr.ts';

/**
 * Every payload below was published by a third party with its CRC (sources pinned to a commit). None was
 * produced by this module: if the builder, the CRC or the parser is wrong, these tests fail.
 */
export const SRC = {
  subizTest: 'https://github.com/subiz/vietqr/blob/0861e8ad89bca9675c54a736a214a5c30726952e/vietqr_test.go',
  subizReadme: 'https://github.com/subiz/vietqr/blob/8da5679a6a8e91b8e4815239d6ddfd5d8856e738/README.md',
  qrPay:
    'https://github.com/xuannghia/vietnam-qr-pay/blob/10369f32001a74d0c72b3815879eaddd955d0484/README.md',
  napasQr: 'https://github.com/duyquoc1508/napas-qr/blob/1fa83989fa7431bdaabdb13084a76c687909d3dd/README.md',
  odoo: 'https://github.com/odoo/odoo/blob/006da4ce31a4df6c36dfbc8bf9a927ec10768adf/addons/l10n_vn/tests/test_l10n_vn_emv_qr.py',
  goParser: 'https://pkg.go.dev/github.com/thanhtinhpas1/vietqr-parser',
} as const;

export type Published = Readonly<{ name: string; source: string; input: VietQrInput; payload: string }>;

/** Published inputs with the payload their library printed: our builder must reproduce them byte for byte. */
export const BUILT: readonly Published[] = [
  {
    name: 'static, no amount (TPBank)',
    source: SRC.subizTest,
    input: { bankBin: '970423', accountNumber: '0099999999' },
    payload: '00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4',
  },
  {
    name: 'dynamic with amount and note (MB)',
    source: SRC.subizTest,
    input: { bankBin: '970422', accountNumber: '0023457923442', amount: 40123, note: 'test text string' },
    payload:
      '00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text string6304D9C6',
  },
  {
    name: 'note with Vietnamese diacritics folded to ASCII',
    source: SRC.subizTest,
    input: { bankBin: '970422', accountNumber: '0023457923442', amount: 40123, note: 'chuyển khoản' },
    payload:
      '00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62160812chuyen khoan6304722F',
  },
  {
    name: '19-character alphanumeric account and a 25-character note',
    source: SRC.subizTest,
    input: {
      bankBin: '970422',
      accountNumber: '0023457923442ASDFLJ',
      amount: 40123,
      note: 'chuyen khoan alsdkf laksj',
    },
    payload:
      '00020101021238630010A0000007270133000697042201190023457923442ASDFLJ0208QRIBFTTA53037045405401235802VN62290825chuyen khoan alsdkf laksj6304E5DB',
  },
  {
    name: 'dynamic 120,000 đồng, note with diacritics (VietinBank)',
    source: SRC.subizReadme,
    input: { bankBin: '970415', accountNumber: '0011001932418', amount: 120000, note: 'ủng hộ lũ lụt' },
    payload:
      '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C',
  },
  {
    name: 'static, no amount (ACB)',
    source: SRC.qrPay,
    input: { bankBin: '970416', accountNumber: '257678859' },
    payload: '00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F',
  },
  {
    name: 'dynamic 10,000 đồng "Chuyen tien" (ACB)',
    source: SRC.qrPay,
    input: { bankBin: '970416', accountNumber: '257678859', amount: 10000, note: 'Chuyen tien' },
    payload:
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6',
  },
  {
    name: 'dynamic 1,000 đồng (decode example)',
    source: SRC.qrPay,
    input: { bankBin: '970416', accountNumber: '257678859', amount: 1000, note: 'Chuyen tien' },
    payload:
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8',
  },
  {
    name: 'dynamic 999,999 đồng "Cam on nhe" (rebuild example)',
    source: SRC.qrPay,
    input: { bankBin: '970416', accountNumber: '257678859', amount: 999999, note: 'Cam on nhe' },
    payload:
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA530370454069999995802VN62140810Cam on nhe6304E786',
  },
  {
    name: 'ZaloPay wallet account at BVBank (18 alphanumerics)',
    source: SRC.qrPay,
    input: { bankBin: '970454', accountNumber: '99ZP24009M07248267' },
    payload:
      '00020101021138620010A00000072701320006970454011899ZP24009M072482670208QRIBFTTA53037045802VN6304073C',
  },
  {
    name: 'bill number (62/01) before purpose (62/08)',
    source: SRC.napasQr,
    input: {
      bankBin: '970416',
      accountNumber: '224528479',
      amount: 10000,
      billNumber: 'NPS6869',
      note: 'TRANSFER TO SOMEONE',
    },
    payload:
      '00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA53037045405100005802VN62340107NPS68690819TRANSFER TO SOMEONE6304AC13',
  },
];

/** Published payloads our builder does not produce (other objects) but the parser must accept. */
export const ODOO_PLAIN =
  '00020101021238590010A0000007270129000697042201156607040600001290208QRIBFTTA52040000530370454031005802VN5914company_1_data6007Vietnam62150811INVTEST000163042656';
export const ODOO_ACCENTED =
  '00020101021238590010A0000007270129000697042201156607040600001290208QRIBFTTA52040000530370454031005802VN5914aAeEoOiIuUyYdD6007Vietnam62150811INVTEST00026304E1C2';
export const MOMO =
  '00020101021138620010A00000072701320006970454011899MM24011M348750800208QRIBFTTA53037045802VN62190515MOMOW2W3487508080030466304EBC8';
export const VNPAY =
  '00020101021126280010A0000007750110010531314453037045408210900005802VN5910CELLPHONES62600312CPSHN ONLINE0517021908061613127850705ONLHN0810CellphoneS63047685';
/** Valid CRC, but payload format indicator "00" instead of "01" (printed by a Go library's README). */
export const BAD_FORMAT_INDICATOR =
  '00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60';

export const ALL_PUBLISHED = [
  ...BUILT.map((b) => b.payload),
  ODOO_PLAIN,
  ODOO_ACCENTED,
  MOMO,
  VNPAY,
  BAD_FORMAT_INDICATOR,
];

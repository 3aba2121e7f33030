/**
 * Online forms (tờ khai điện tử) of a procedure version, and the schema a citizen's submission must pass.
 * Identity numbers follow DOMAIN §10: citizen ID (căn cước) 12 digits, phone 10 digits starting with 0.
 */
import { z } from 'zod';
import { IsoDate, nfc, Text } from '../shared/text.ts';

const FieldKey = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'Mã trường viết liền, chữ thường đầu (camelCase)');

const FieldCommon = {
  key: FieldKey,
  label: Text(200),
  required: z.boolean().default(true),
  help: Text(1000).optional(),
};

export const SelectOption = z.strictObject({ value: z.string().min(1).max(100), label: Text(200) });
export type SelectOption = z.infer<typeof SelectOption>;

export const FormFieldType = z.enum([
  'text',
  'number',
  'date',
  'select',
  'citizenId',
  'phone',
  'email',
  'address',
  'file',
]);
export type FormFieldType = z.infer<typeof FormFieldType>;

export const FormField = z.discriminatedUnion('type', [
  z.strictObject({
    ...FieldCommon,
    type: z.literal('text'),
    minLength: z.number().int().min(1).optional(),
    maxLength: z.number().int().min(1).max(5000).default(500),
    multiline: z.boolean().default(false),
  }),
  z.strictObject({
    ...FieldCommon,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
  }),
  z.strictObject({
    ...FieldCommon,
    type: z.literal('date'),
    min: IsoDate.optional(),
    max: IsoDate.optional(),
    /** Not after the day of submission (birth, death, marriage dates); needs `today` when building. */
    notFuture: z.boolean().default(false),
  }),
  z.strictObject({
    ...FieldCommon,
    type: z.literal('select'),
    options: z
      .array(SelectOption)
      .min(1, 'Cần ít nhất một lựa chọn')
      .refine((o) => new Set(o.map((x) => x.value)).size === o.length, 'Giá trị lựa chọn bị trùng'),
    multiple: z.boolean().default(false),
  }),
  z.strictObject({ ...FieldCommon, type: z.literal('citizenId') }),
  z.strictObject({ ...FieldCommon, type: z.literal('phone') }),
  z.strictObject({ ...FieldCommon, type: z.literal('email') }),
  /** Province and commune pickers fed by the organisation tree; stores GSO codes plus the street line. */
  z.strictObject({ ...FieldCommon, type: z.literal('address') }),
  z.strictObject({
    ...FieldCommon,
    type: z.literal('file'),
    /** File extensions accepted, e.g. ["pdf", "jpg"]. Empty = any the server allows. */
    accept: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
    maxFiles: z.number().int().min(1).max(20).default(5),
    /** The checklist item this upload stands for (`requiredDocuments[].key`). */
    requiredDocumentKey: z.string().optional(),
  }),
]);
export type FormField = z.infer<typeof FormField>;
export type FormFieldInput = z.input<typeof FormField>;

export const OnlineForm = z.strictObject({
  fields: z
    .array(FormField)
    .refine((f) => new Set(f.map((x) => x.key)).size === f.length, 'Mã trường trong biểu mẫu bị trùng'),
});
export type OnlineForm = z.infer<typeof OnlineForm>;

/** Value of an `address` field: GSO codes (2-digit province, 5-digit commune; 915 and 1027/CTK-CSCL) + street. */
export const AddressValue = z.strictObject({
  provinceCode: z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số'),
  communeCode: z.string().regex(/^\d{5}$/, 'Mã xã gồm 5 chữ số'),
  street: Text(300),
});
export type AddressValue = z.infer<typeof AddressValue>;

/** Value of a `file` field: uploads already stored by the server. */
export const FileValue = z.strictObject({ fileId: z.string().min(1).max(100), name: Text(255) });
export type FileValue = z.infer<typeof FileValue>;

export type SubmissionOptions = {
  /** Day of submission in Asia/Ho_Chi_Minh (clock passed in: domain rules never read the time). */
  today?: string;
  /** From the organisation tree: whether the commune belongs to the province. */
  isCommuneInProvince?: (provinceCode: string, communeCode: string) => boolean;
};

const isBlank = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

const isRealDate = (s: string): boolean => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

const viDate = (iso: string): string => iso.split('-').reverse().join('/');

/** The value schema of one field, assuming a value is present. */
const valueSchema = (field: FormField, options: SubmissionOptions): z.ZodType => {
  const { label } = field;
  const invalid = (what: string) => ({ error: `${label} ${what}` });
  switch (field.type) {
    case 'text': {
      const inner = z
        .string()
        .min(field.minLength ?? 1, `${label} cần ít nhất ${field.minLength ?? 1} ký tự`)
        .max(field.maxLength, `${label} tối đa ${field.maxLength} ký tự`);
      return z.string(invalid('phải là chữ')).transform(nfc).pipe(inner);
    }
    case 'number': {
      let n = z.number(invalid('phải là số'));
      if (field.integer) n = n.int(`${label} phải là số nguyên`);
      if (field.min !== undefined) n = n.min(field.min, `${label} không được nhỏ hơn ${field.min}`);
      if (field.max !== undefined) n = n.max(field.max, `${label} không được lớn hơn ${field.max}`);
      return z.preprocess(
        (v) =>
          typeof v === 'string' && /^-?\d+([.,]\d+)?$/.test(v.trim())
            ? Number(v.trim().replace(',', '.'))
            : v,
        n,
      );
    }
    case 'date': {
      const today = options.today;
      return z
        .string(invalid('phải có dạng YYYY-MM-DD'))
        .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} phải có dạng YYYY-MM-DD`, abort: true })
        .refine(isRealDate, { message: `${label} không phải ngày có thật`, abort: true })
        .refine(
          (d) => field.min === undefined || d >= field.min,
          `${label} không được trước ${viDate(field.min ?? '')}`,
        )
        .refine(
          (d) => field.max === undefined || d <= field.max,
          `${label} không được sau ${viDate(field.max ?? '')}`,
        )
        .refine(
          (d) => !field.notFuture || today === undefined || d <= today,
          `${label} không được sau ngày nộp hồ sơ`,
        );
    }
    case 'select': {
      const values = field.options.map((o) => o.value) as [string, ...string[]];
      const one = z.enum(values, invalid('không nằm trong danh sách lựa chọn'));
      return field.multiple ? z.array(one, invalid('phải là danh sách lựa chọn')) : one;
    }
    case 'citizenId':
      return z
        .string(invalid('phải là chuỗi chữ số'))
        .transform((s) => s.replace(/\s+/g, ''))
        .pipe(z.string().regex(/^\d{12}$/, `${label} phải gồm đúng 12 chữ số`));
    case 'phone':
      return z
        .string(invalid('phải là chuỗi chữ số'))
        .transform((s) => s.replace(/[\s.-]/g, '').replace(/^\+84/, '0'))
        .pipe(z.string().regex(/^0\d{9}$/, `${label} phải gồm 10 chữ số, bắt đầu bằng số 0`));
    case 'email':
      return z
        .string(invalid('không hợp lệ'))
        .trim()
        .toLowerCase()
        .pipe(z.email(`${label} không đúng định dạng thư điện tử`).max(254));
    case 'address': {
      const check = options.isCommuneInProvince;
      return z
        .object(AddressValue.shape, invalid('phải gồm tỉnh, xã và số nhà, đường'))
        .strict()
        .refine((a) => check === undefined || check(a.provinceCode, a.communeCode), {
          message: `${label}: xã, phường không thuộc tỉnh, thành phố đã chọn`,
          path: ['communeCode'],
        });
    }
    case 'file':
      return z
        .array(FileValue, invalid('phải là danh sách tệp'))
        .max(field.maxFiles, `${label} tối đa ${field.maxFiles} tệp`);
    default: {
      const never: never = field;
      throw new Error(`Kiểu trường không hỗ trợ: ${JSON.stringify(never)}`);
    }
  }
};

const requiredMessage = (field: FormField): string => {
  if (field.type === 'select') return `Vui lòng chọn: ${field.label}`;
  if (field.type === 'file') return `Vui lòng đính kèm: ${field.label}`;
  return `Vui lòng nhập: ${field.label}`;
};

/**
 * The schema of a citizen's submission for `form`: one key per field, unknown keys refused. Blank values
 * (missing, null, "", []) count as absent: a required field then fails with "Vui lòng nhập: …", an optional
 * one is left out of the result. Text is NFC-normalised and trimmed; citizen IDs and phones lose their spaces.
 */
export const buildSubmissionSchema = (
  form: z.input<typeof OnlineForm>,
  options: SubmissionOptions = {},
): z.ZodType<Record<string, unknown>> => {
  const { fields } = OnlineForm.parse(form);
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const value = valueSchema(field, options);
    const message = requiredMessage(field);
    const present = z
      .any()
      .refine((v) => v !== undefined, { message, abort: true })
      .pipe(value);
    shape[field.key] = z.preprocess(
      (v) => (isBlank(v) ? undefined : v),
      field.required ? present : value.optional(),
    );
  }
  return z
    .strictObject(shape, {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Trường không có trong biểu mẫu: ${issue.keys.join(', ')}`
          : undefined,
    })
    .transform((values) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)));
};

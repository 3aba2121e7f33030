/** Texts of a version's items as a person reads them (the version diff and the admin screens use them). */
import type { Fee, PageTier } from './fees.ts';
import type { FormField } from './forms.ts';

const viDate = (iso: string): string => iso.split('-').reverse().join('/');
const dong = (n: number): string => `${n.toLocaleString('vi-VN')} đồng`;

const tiersText = (tiers: readonly PageTier[]): string =>
  tiers.map((t) => `từ trang ${t.fromPage}: ${dong(t.amount)}/trang`).join('; ');

/** The amounts of a fee item in one line: "50.000 đồng/hồ sơ; trực tuyến 25.000 đồng/hồ sơ". */
export const feeAmountText = (fee: Fee): string => {
  switch (fee.per) {
    case 'case':
    case 'copy': {
      const unit = fee.per === 'case' ? 'hồ sơ' : 'bản';
      const online =
        fee.onlineAmount !== undefined && fee.onlineAmount !== fee.amount
          ? `; trực tuyến ${dong(fee.onlineAmount)}/${unit}`
          : '';
      return `${dong(fee.amount)}/${unit}${online}`;
    }
    case 'page': {
      const parts = [tiersText(fee.tiers)];
      if (fee.onlineTiers) parts.push(`trực tuyến ${tiersText(fee.onlineTiers)}`);
      if (fee.minPerCopy !== undefined) parts.push(`tối thiểu ${dong(fee.minPerCopy)}/bản`);
      if (fee.maxPerCopy !== undefined) parts.push(`tối đa ${dong(fee.maxPerCopy)}/bản`);
      return parts.join('; ');
    }
    default: {
      const never: never = fee;
      throw new Error(`Loại phí không hỗ trợ: ${JSON.stringify(never)}`);
    }
  }
};

/** The rules of a form field beyond its type: "tối đa 100 ký tự", "không sau ngày nộp", "pdf, jpg; tối đa 5 tệp". */
export const fieldRulesText = (f: FormField): string | null => {
  const rules: string[] = [];
  switch (f.type) {
    case 'text':
      if (f.minLength !== undefined) rules.push(`tối thiểu ${f.minLength} ký tự`);
      rules.push(`tối đa ${f.maxLength} ký tự`);
      if (f.multiline) rules.push('nhiều dòng');
      break;
    case 'number':
      if (f.min !== undefined) rules.push(`nhỏ nhất ${f.min}`);
      if (f.max !== undefined) rules.push(`lớn nhất ${f.max}`);
      if (f.integer) rules.push('số nguyên');
      break;
    case 'date':
      if (f.min !== undefined) rules.push(`từ ${viDate(f.min)}`);
      if (f.max !== undefined) rules.push(`đến ${viDate(f.max)}`);
      if (f.notFuture) rules.push('không sau ngày nộp');
      break;
    case 'select':
      rules.push(`lựa chọn: ${f.options.map((o) => o.label).join(', ')}`);
      if (f.multiple) rules.push('chọn nhiều');
      break;
    case 'file':
      if (f.accept.length > 0) rules.push(f.accept.join(', '));
      rules.push(`tối đa ${f.maxFiles} tệp`);
      if (f.requiredDocumentKey) rules.push(`thành phần hồ sơ: ${f.requiredDocumentKey}`);
      break;
    case 'citizenId':
    case 'phone':
    case 'email':
    case 'address':
      break;
    default: {
      const never: never = f;
      throw new Error(`Kiểu trường không hỗ trợ: ${JSON.stringify(never)}`);
    }
  }
  return rules.length > 0 ? rules.join('; ') : null;
};

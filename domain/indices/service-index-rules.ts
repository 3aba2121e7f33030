/**
 * Decision 766/QĐ-TTg (23/6/2022) — the real-time index of service quality for citizens and businesses in the
 * handling of administrative procedures and public services (Bộ chỉ số 766; DOMAIN §5), as DATED DATA: a later
 * decision adds an entry with its own `validFrom`, and a period is scored by the rules in force on its last day.
 *
 * The six group maxima (18/20/12/10/22/18 = 100) are from DOMAIN §5. The split of each group into indicators and
 * the way points follow a ratio are [confirm]: the annex of the decision was not available to us, so each
 * indicator here scores `max × numerator / denominator`, and the split follows the group descriptions.
 * Indicators that need data motcua does not hold (the national portal, publication decisions, feedback handling)
 * are listed with `source: null`: they show "Chưa có dữ liệu" and score nothing.
 */

/** Where motcua finds an indicator's numerator and denominator; null: not held by motcua. */
export type IndicatorSource =
  | 'resolvedInTime'
  | 'proceduresOnline'
  | 'proceduresUsedOnline'
  | 'dossiersOnline'
  | 'paymentsOnline'
  | 'dossiersDigitised'
  | 'resultsElectronic'
  | 'ratingsSatisfied';

export type IndicatorRule = Readonly<{
  key: string;
  name: string;
  max: number;
  /** What the ratio counts, in words people read under the figure. */
  numerator: string;
  denominator: string;
  source: IndicatorSource | null;
}>;

export type GroupRule = Readonly<{
  key: string;
  name: string;
  max: number;
  indicators: readonly IndicatorRule[];
}>;

export type ServiceIndexRules = Readonly<{
  /** First day the rules apply (YYYY-MM-DD). */
  validFrom: string;
  decision: string;
  groups: readonly GroupRule[];
}>;

const ind = (
  key: string,
  name: string,
  max: number,
  source: IndicatorSource | null,
  numerator: string,
  denominator: string,
): IndicatorRule => ({ key, name, max, source, numerator, denominator });

export const SERVICE_INDEX_RULES: readonly ServiceIndexRules[] = [
  {
    validFrom: '2022-06-23',
    decision: 'Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ',
    groups: [
      {
        key: 'transparency',
        name: 'Công khai, minh bạch',
        max: 18,
        indicators: [
          ind('1.1', 'Công bố TTHC đúng hạn', 6, null, 'TTHC công bố đúng hạn', 'TTHC phải công bố'),
          ind(
            '1.2',
            'Công khai TTHC đầy đủ trên Cổng DVC quốc gia',
            6,
            null,
            'TTHC công khai đầy đủ',
            'TTHC đã công bố',
          ),
          ind('1.3', 'Hồ sơ đồng bộ lên Cổng DVC quốc gia', 6, null, 'Hồ sơ đồng bộ', 'Hồ sơ tiếp nhận'),
        ],
      },
      {
        key: 'progress',
        name: 'Tiến độ giải quyết',
        max: 20,
        indicators: [
          ind(
            '2.1',
            'Hồ sơ giải quyết trước hạn, đúng hạn',
            20,
            'resolvedInTime',
            'Hồ sơ trước hạn, đúng hạn',
            'Hồ sơ đã giải quyết',
          ),
        ],
      },
      {
        key: 'online',
        name: 'Dịch vụ công trực tuyến',
        max: 12,
        indicators: [
          ind(
            '3.1',
            'TTHC cung cấp dịch vụ công trực tuyến',
            4,
            'proceduresOnline',
            'TTHC có DVCTT toàn trình hoặc một phần',
            'TTHC đang có hiệu lực',
          ),
          ind(
            '3.2',
            'TTHC có phát sinh hồ sơ trực tuyến',
            4,
            'proceduresUsedOnline',
            'TTHC có hồ sơ nộp trực tuyến trong kỳ',
            'TTHC cung cấp DVCTT',
          ),
          ind(
            '3.3',
            'Hồ sơ nộp trực tuyến',
            4,
            'dossiersOnline',
            'Hồ sơ mới tiếp nhận trực tuyến',
            'Hồ sơ mới tiếp nhận',
          ),
        ],
      },
      {
        key: 'payment',
        name: 'Thanh toán trực tuyến',
        max: 10,
        indicators: [
          ind(
            '4.1',
            'Hồ sơ thanh toán phí, lệ phí trực tuyến',
            10,
            'paymentsOnline',
            'Khoản thu qua chuyển khoản (VietQR)',
            'Khoản thu đã xác nhận',
          ),
        ],
      },
      {
        key: 'digitisation',
        name: 'Số hóa hồ sơ',
        max: 22,
        indicators: [
          ind(
            '5.1',
            'Hồ sơ được số hóa thành phần',
            8,
            'dossiersDigitised',
            'Hồ sơ mọi thành phần có bản số hóa',
            'Hồ sơ tiếp nhận trong kỳ',
          ),
          ind(
            '5.2',
            'Kết quả giải quyết trả bản điện tử',
            8,
            'resultsElectronic',
            'Hồ sơ trả kết quả điện tử',
            'Hồ sơ đã giải quyết',
          ),
          ind(
            '5.3',
            'Khai thác, sử dụng lại dữ liệu đã số hóa',
            6,
            null,
            'Hồ sơ dùng lại dữ liệu số hóa',
            'Hồ sơ tiếp nhận',
          ),
        ],
      },
      {
        key: 'satisfaction',
        name: 'Mức độ hài lòng',
        max: 18,
        indicators: [
          ind(
            '6.1',
            'Phản ánh, kiến nghị xử lý đúng hạn',
            6,
            null,
            'PAKN xử lý đúng hạn',
            'PAKN đã tiếp nhận',
          ),
          ind(
            '6.2',
            'Hài lòng về tiếp nhận, xử lý phản ánh, kiến nghị',
            6,
            null,
            'Đánh giá hài lòng',
            'Đánh giá',
          ),
          ind(
            '6.3',
            'Hài lòng trong giải quyết TTHC',
            6,
            'ratingsSatisfied',
            'Đánh giá hài lòng, rất hài lòng (mức độ hài lòng chung)',
            'Đánh giá trong kỳ',
          ),
        ],
      },
    ],
  },
];

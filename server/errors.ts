import type { ErrorCode } from '../domain/shared/problem.ts';

/** The one error type services throw. HTTP lives in the error handler, not here. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Vietnamese sentence for people; the code is for machines. */
    readonly detail?: string,
    readonly extra: Readonly<{
      errors?: { path: string; message: string }[];
      [key: string]: unknown;
    }> = {},
  ) {
    super(detail ?? code);
    this.name = 'AppError';
  }
}

export const problemStatus: Record<ErrorCode, number> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  LOCKED: 423,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export const problemTitle: Record<ErrorCode, string> = {
  VALIDATION: 'Dữ liệu không hợp lệ',
  BAD_REQUEST: 'Yêu cầu không hợp lệ',
  UNAUTHENTICATED: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này',
  CSRF: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)',
  NOT_FOUND: 'Không tìm thấy',
  CONFLICT: 'Dữ liệu bị trùng hoặc xung đột',
  INVALID_TRANSITION: 'Thao tác không được phép ở trạng thái hiện tại',
  LOCKED: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần',
  PAYLOAD_TOO_LARGE: 'Dữ liệu gửi lên quá lớn',
  UNSUPPORTED_MEDIA_TYPE: 'Định dạng dữ liệu không được hỗ trợ',
  RATE_LIMITED: 'Quá nhiều yêu cầu, vui lòng thử lại sau',
  INTERNAL: 'Lỗi hệ thống, vui lòng thử lại sau',
};

export const notFound = (what: string) => new AppError('NOT_FOUND', `Không tìm thấy ${what}`);
export const forbidden = (detail?: string) => new AppError('FORBIDDEN', detail);

/**
 * Why a sign-in with the national digital ID did not go through, and the message the portal shows (ADR 0009).
 * Plain data: the sign-in page imports it on its first load, without zod (issue 6).
 */

export const oidcFailures = [
  'unavailable',
  'denied',
  'state',
  'provider',
  'token',
  'claims',
  'accountExists',
  'linkedElsewhere',
  'disabled',
  'failed',
] as const;
export type OidcFailureName = (typeof oidcFailures)[number];

/** The Vietnamese message for a failed sign-in; `provider` is the provider's display name (VNeID). */
export function oidcFailureMessage(reason: OidcFailureName, provider: string): string {
  switch (reason) {
    case 'unavailable':
      return `Chức năng đăng nhập bằng ${provider} chưa được bật.`;
    case 'denied':
      return `Bạn đã hủy đăng nhập hoặc chưa đồng ý chia sẻ thông tin trên ${provider}.`;
    case 'state':
      return `Phiên đăng nhập bằng ${provider} đã hết hạn hoặc không hợp lệ. Vui lòng thử lại.`;
    case 'provider':
      return `Không kết nối được với ${provider}. Vui lòng thử lại sau ít phút.`;
    case 'token':
      return `Không xác thực được thông tin đăng nhập do ${provider} gửi về. Vui lòng thử lại.`;
    case 'claims':
      return `${provider} không cung cấp họ và tên của bạn nên chưa thể tạo tài khoản.`;
    case 'accountExists':
      return `Số điện thoại hoặc thư điện tử của bạn trên ${provider} đã có tài khoản trên Cổng. Hãy đăng nhập bằng mật khẩu: tài khoản ${provider} sẽ được liên kết với tài khoản đó.`;
    case 'linkedElsewhere':
      return `Tài khoản ${provider} này đã được liên kết với một tài khoản khác trên Cổng.`;
    case 'disabled':
      return 'Tài khoản của bạn đang bị khóa. Vui lòng liên hệ bộ phận một cửa.';
    case 'failed':
      return `Chưa đăng nhập được bằng ${provider}. Vui lòng thử lại.`;
  }
}

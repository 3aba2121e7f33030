import type { Role } from '../../../../domain/access/roles.ts';

export interface ModuleEntry {
  title: string;
  description: string;
  /** A route when the module exists; `null` while it is still being built. */
  to: string | null;
}

/** What each role will do in motcua. Only what is built links anywhere; the rest says so plainly. */
export const modulesByRole: Record<Role, ModuleEntry[]> = {
  admin: [
    {
      title: 'Cơ quan, đơn vị',
      description: 'Cây tổ chức, mã định danh, thời gian hiệu lực',
      to: '/admin/agencies',
    },
    { title: 'Người dùng', description: 'Tài khoản cán bộ và phân quyền theo cơ quan', to: '/admin/users' },
    {
      title: 'Danh mục thủ tục hành chính',
      description: 'Thủ tục, lĩnh vực, thời hạn, phí, lệ phí',
      to: '/admin/procedures',
    },
  ],
  deskOfficer: [
    {
      title: 'Tiếp nhận hồ sơ',
      description: 'Kiểm tra thành phần, cấp giấy tiếp nhận và hẹn trả',
      to: '/ho-so/tiep-nhan',
    },
    {
      title: 'Yêu cầu bổ sung, từ chối',
      description: 'Phiếu yêu cầu bổ sung, phiếu từ chối',
      to: '/ho-so/tiep-nhan',
    },
    {
      title: 'Trả kết quả',
      description: 'Trả kết quả tại quầy, qua bưu chính hoặc trực tuyến',
      to: '/ho-so',
    },
    { title: 'Sổ theo dõi hồ sơ', description: 'Tra cứu và in sổ theo dõi', to: '/ho-so/so-theo-doi' },
  ],
  specialist: [
    {
      title: 'Xử lý hồ sơ được giao',
      description: 'Thẩm định, dự thảo kết quả, chuyển lãnh đạo',
      to: '/ho-so',
    },
    { title: 'Phiếu kiểm soát quá trình', description: 'Theo dõi thời hạn từng bước', to: null },
  ],
  leader: [
    { title: 'Phê duyệt kết quả', description: 'Duyệt, ký, trả lại hồ sơ', to: '/ho-so' },
    {
      title: 'Cảnh báo hạn xử lý',
      description: 'Hồ sơ quá hạn và sắp đến hạn trong phạm vi phụ trách',
      to: '/ho-so/canh-bao',
    },
  ],
  clerk: [
    { title: 'Văn bản đến', description: 'Vào sổ, trình lãnh đạo, giao xử lý', to: null },
    { title: 'Văn bản đi', description: 'Cấp số, phát hành', to: null },
  ],
  petitionOfficer: [
    { title: 'Tiếp công dân', description: 'Ghi nhận buổi tiếp công dân', to: null },
    { title: 'Xử lý đơn thư', description: 'Khiếu nại, tố cáo, kiến nghị, phản ánh', to: null },
  ],
  citizen: [
    { title: 'Nộp hồ sơ trực tuyến', description: 'Dịch vụ công trực tuyến', to: null },
    { title: 'Tra cứu hồ sơ', description: 'Theo mã hồ sơ trên giấy tiếp nhận', to: '/tra-cuu' },
  ],
};

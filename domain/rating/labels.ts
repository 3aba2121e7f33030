/**
 * The rating questions, answers and feedback kinds as plain data with their Vietnamese labels. No zod: the
 * citizen portal's pages import this module on their first load (issue 6); rating.ts and feedback.ts build the
 * schemas from these lists.
 */

export const ratingQuestions = ['convenience', 'overall', 'timeliness', 'staffAttitude'] as const;
type RatingQuestion = (typeof ratingQuestions)[number];

/** Short labels for forms and reports [confirm: national wording]. */
export const ratingQuestionLabel: Record<RatingQuestion, string> = {
  convenience: 'Mức độ thuận tiện',
  overall: 'Mức độ hài lòng chung',
  timeliness: 'Mức độ đúng hẹn',
  staffAttitude: 'Thái độ của cán bộ, công chức',
};

/** The question as the citizen reads it [practice: provincial portals; national wording [confirm]]. */
export const ratingQuestionText: Record<RatingQuestion, string> = {
  convenience: 'Mức độ thuận tiện khi thực hiện thủ tục hành chính (nộp hồ sơ, theo dõi, nhận kết quả)',
  overall: 'Đánh giá chung về việc giải quyết hồ sơ',
  timeliness: 'Mức độ đúng hẹn trong giải quyết, trả kết quả của cơ quan nhà nước',
  staffAttitude:
    'Thái độ của cán bộ, công chức, viên chức (mức độ nhiệt tình, cách giao tiếp khi hướng dẫn, xử lý hồ sơ)',
};

export const satisfactionLevels = ['verySatisfied', 'satisfied', 'notSatisfied'] as const;
type Satisfaction = (typeof satisfactionLevels)[number];
export const satisfactionLabel: Record<Satisfaction, string> = {
  verySatisfied: 'Rất hài lòng',
  satisfied: 'Hài lòng',
  notSatisfied: 'Không hài lòng',
};

export const feedbackKinds = ['feedback', 'recommendation'] as const;
export const feedbackKindLabel: Record<(typeof feedbackKinds)[number], string> = {
  feedback: 'Phản ánh',
  recommendation: 'Kiến nghị',
};

export const FEEDBACK_CONTENT_MIN = 10;
export const FEEDBACK_CONTENT_MAX = 5000;

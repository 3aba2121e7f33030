/**
 * The schemas the portal's forms check before sending — the very ones the server applies. Loaded on demand
 * (`loadValidation`): zod and the schemas weigh ≈ 35 KB gzipped, more than a page itself, and a phone should not
 * download them before the citizen has touched a form (issue 6: ≤ 150 KB of JavaScript on first load).
 */
export {
  buildSubmissionSchema,
  type FormField,
  type ProcedureVersion,
  type RequiredDocument,
} from '../../../../domain/catalogue/index.ts';
export {
  ConfirmSignUp,
  PasswordResetConfirm,
  PasswordResetRequest,
  SignInRequest,
  SignUpRequest,
  UpdateCitizenProfile,
} from '../../../../domain/citizen/account.ts';
export { CitizenId, Email, Phone } from '../../../../domain/dossier/applicant.ts';
export { checkOnlineDocuments } from '../../../../domain/dossier/online.ts';
export { SupplementItem } from '../../../../domain/dossier/requests.ts';
export { FeedbackRequest } from '../../../../domain/rating/feedback.ts';
export { RatingRequest } from '../../../../domain/rating/rating.ts';

/**
 * Citizen accounts (ADR 0007): sign-up and sign-in by phone or e-mail, one-time codes, the profile that prefills
 * applications.
 */
import type {
  CitizenProfile,
  CitizenSession,
  CodeSent,
  ConfirmSignUp,
  PasswordResetConfirm,
  PasswordResetRequest,
  SignInRequest,
  SignUpRequest,
  UpdateCitizenProfile,
} from '../../../../domain/citizen/account.ts';
import { api } from '../../lib/api.ts';

export type { CitizenProfile, CodeSent };

export const signUp = (body: SignUpRequest) => api.post<CodeSent>('/api/citizen/sign-up', body);
export const confirmSignUp = (body: ConfirmSignUp) => api.post<CitizenSession>('/api/citizen/confirm', body);
export const resendCode = (challengeId: string) =>
  api.post<CodeSent>('/api/citizen/resend-code', { challengeId });
export const signIn = (body: SignInRequest) => api.post<CitizenSession>('/api/citizen/sign-in', body);
export const requestPasswordReset = (body: PasswordResetRequest) =>
  api.post<CodeSent>('/api/citizen/password-reset', body);
export const confirmPasswordReset = (body: PasswordResetConfirm) =>
  api.send('POST', '/api/citizen/password-reset/confirm', body);

export const getProfile = () => api.get<CitizenProfile>('/api/citizen/profile');
export const saveProfile = (body: UpdateCitizenProfile) =>
  api.put<CitizenProfile>('/api/citizen/profile', body);

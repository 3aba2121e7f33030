/**
 * Citizen accounts (ADR 0007): sign-up and sign-in by phone or e-mail, one-time codes, the profile that prefills
 * applications.
 */
import {
  CitizenProfile,
  CitizenSession,
  CodeSent,
  type ConfirmSignUp,
  type PasswordResetConfirm,
  type PasswordResetRequest,
  type SignInRequest,
  type SignUpRequest,
  type UpdateCitizenProfile,
} from '../../../../domain/citizen/account.ts';
import { api } from '../../lib/api.ts';

export {
  CitizenProfile,
  ConfirmSignUp,
  PasswordResetConfirm,
  PasswordResetRequest,
  SignInRequest,
  SignUpRequest,
} from '../../../../domain/citizen/account.ts';
export type { CodeSent };

export const signUp = (body: SignUpRequest) => api.post('/api/citizen/sign-up', body, CodeSent);
export const confirmSignUp = (body: ConfirmSignUp) => api.post('/api/citizen/confirm', body, CitizenSession);
export const resendCode = (challengeId: string) =>
  api.post('/api/citizen/resend-code', { challengeId }, CodeSent);
export const signIn = (body: SignInRequest) => api.post('/api/citizen/sign-in', body, CitizenSession);
export const requestPasswordReset = (body: PasswordResetRequest) =>
  api.post('/api/citizen/password-reset', body, CodeSent);
export const confirmPasswordReset = (body: PasswordResetConfirm) =>
  api.send('POST', '/api/citizen/password-reset/confirm', body);

export const getProfile = () => api.get('/api/citizen/profile', CitizenProfile);
export const saveProfile = (body: UpdateCitizenProfile) =>
  api.put('/api/citizen/profile', body, CitizenProfile);

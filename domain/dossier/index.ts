export * from './actions.ts';
export * from './applicant.ts';
export * from './code.ts';
export * from './intake.ts';
export * from './machine.ts';
export * from './requests.ts';
export * from './status.ts';
export * from './views.ts';

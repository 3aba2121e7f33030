export * from './feedback.ts';
export * from './rating.ts';
export * from './summary.ts';

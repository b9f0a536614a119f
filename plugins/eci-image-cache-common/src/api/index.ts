export * from './types';
export type * from './runTypes';

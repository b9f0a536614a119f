export * from './types';
export type * from './runTypes';
export * from './routes';
export * from './requests';

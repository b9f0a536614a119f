export * from './types';
export type * from './runTypes';
export * from './routes';
export * from './requests';
export * from './fleetTypes';
export * from './fleetQuery';

export * from './types';
export type * from './runTypes';
export * from './fleetTypes';

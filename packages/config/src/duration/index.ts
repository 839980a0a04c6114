export { durationToMs, msToIso } from './durationToMs';
export { readDurationMs } from './readDurationMs';

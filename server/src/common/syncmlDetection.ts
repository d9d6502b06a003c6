export { looksLikeSyncml } from '../service/syncml/syncmlDetection';

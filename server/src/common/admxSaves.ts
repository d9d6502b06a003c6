export { planAdmxSaves, type AdmxSavePlan } from '../service/import/admxSaves';

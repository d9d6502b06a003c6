export { startsWithPReg } from '../service/gpo/registryPolSignature';

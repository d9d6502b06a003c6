/**
 * The language service: plain functions over text and the catalog, with no dependency on an
 * editor or on LSP transport. The server, the CLI and the tests all call it.
 */
export { ADMX_LANGUAGE, fileLanguage, INTUNE_LANGUAGE, languageOf, parseAdmxDocument, withIngestedAdmx, parseDocument, parseIntuneDocument, parsePolicyDocument, parseSyncmlDocument, POLICY_LANGUAGE, SYNCML_LANGUAGE, type Language, type ParsedDocument } from './document';
export { intuneShape } from './intune/sniff';
export type { TextChange } from './syncml/parseSyncml';
export { getFoldingRanges } from './features/folding';
export { getDiagnostics, DIAGNOSTIC_SOURCE } from './features/diagnostics';
export { getCodeActions } from './features/codeActions';
export { getCompletions } from './features/completion';
export { getHover } from './features/hover';
export { getDocumentSymbols } from './features/documentSymbols';
export { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';
export { RULES, RULE_CODES, type RuleCode } from './validation/rules';
export { buildProfileSchema, SCHEMA_ID } from './schema/buildSchema';
export { POLICIES } from './catalog/catalog';
export { buildPreview, blockingErrors, profilePreview, type Preview, type ProfilePreview, type PolicyPreview, type EncodeOptions } from './encode/preview';
export { ingestionUri, unresolvedIngested, policyKey, policyTitle, policyUri, resolveProfiles, type ResolvedBuiltIn, type ResolvedIngested, type ResolvedProfile, type ResolvedPolicy } from './encode/resolve';
export { encodePayload, encodeData, EncodeError, type PayloadEncoding } from './encode/payload';
export { encodeSyncml } from './encode/syncmlMessage';
export { encodeIntune } from './encode/intuneProfile';
export { encodeSettingsCatalog } from './encode/settingsCatalog';
export { encodeFleet } from './encode/fleetProfile';
export { registryText, registryValues } from './encode/registryView';
export { gpOperations, type GpHive, type GpOperation, type GpSet } from './encode/gpo/operations';
export { encodeLgpoText, lgpoSetting, LgpoTextError } from './encode/gpo/lgpoText';
export { encodePowerShell, gpRegistryCalls, quotePowerShell } from './encode/gpo/powershell';
export { encodeRegistryPol, registryPolFile, RegistryPolHiveError, registryPolRecord } from './encode/gpo/registryPol';
export { importSyncml, type ImportResult } from './encode/importSyncml';
export type { CarriedAdmxFile, ExternalAdmx, ImportOptions } from './encode/importIngested';
export { importIntune } from './encode/importIntune';
export { groupPolicyFormat, importGroupPolicy, type GroupPolicyFormat } from './encode/importGroupPolicy';
export { profilesToYaml } from './encode/toYaml';
export { getCodeLenses } from './features/codeLens';
export { loadAdml, loadAdmx } from './admx/admxCache';
export type { IngestionInstall } from './admx/ingestedSettings';
export type { AdmlFile, AdmxFile } from './admx/admxModel';
export type { AdmxReadError, AdmxSource, ReadAdmx } from './admx/admxSource';
export { admxRegistryOperations, AdmxRegistryError, enumChoiceText, type AdmxValues } from './admx/admxRegistry';

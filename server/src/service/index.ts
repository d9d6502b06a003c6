/**
 * The language service: plain functions over text and the catalog, with no dependency on an
 * editor or on LSP transport. The server, the CLI and the tests all call it.
 */
export { ADMX_LANGUAGE, fileLanguage, INTUNE_LANGUAGE, languageOf, parseAdmxDocument, withIngestedAdmx, parseDocument, parseIntuneDocument, parsePolicyDocument, parseSyncmlDocument, POLICY_LANGUAGE, SYNCML_LANGUAGE, type Language, type ParsedDocument } from './document/document';
export { intuneShape } from './intune/sniff';
export type { TextChange } from './syncml/parseSyncml';
export { getFoldingRanges } from './features/folding';
export { getDiagnostics, DIAGNOSTIC_SOURCE } from './document/diagnostics';
export { getCodeActions } from './features/codeActions';
export { getCompletions } from './features/completion';
export { getHover } from './features/hover';
export { getDocumentSymbols } from './features/documentSymbols';
export { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './problems/settings';
export { RULES, RULE_CODES, type RuleCode } from './problems/rules';
export { buildProfileSchema, SCHEMA_ID } from './schema/buildSchema';
export { POLICIES } from './catalog/catalog';
export { buildPreview, profilePreview, type ChannelExport, type Preview, type ProfilePreview, type PolicyPreview } from './channels/preview';
export { blockingErrors, type PreviewError } from './export/blockingErrors';
export { CHANNELS, FILE_CHANNELS } from './channels/channels';
export { channelTitle, type Channel, type EncodeOptions, type Encoded, type FileChannel, type LeftOut, type ViewChannel } from './channels/channel';
export { importContent, type ContentImport, type ContentSource } from './channels/importContent';
export { ingestionUri, unresolvedIngested, policyKey, policyTitle, policyUri, resolveProfiles, type ResolvedBuiltIn, type ResolvedIngested, type ResolvedProfile, type ResolvedPolicy } from './export/resolve';
export { encodePayload, encodeData, EncodeError, type PayloadEncoding } from './export/payload';
export { encodeSyncml } from './export/syncmlMessage';
export { encodeIntune } from './export/intuneProfile';
export { encodeSettingsCatalog } from './export/settingsCatalog';
export { encodeFleet } from './export/fleetProfile';
export { registryListing, registryText, registryValues } from './export/registryView';
export { encodePayloadRows } from './export/payloadRows';
export { encodeLgpoText, encodePowerShell, encodeRegistryPol, gpOperations } from './export/groupPolicy';
export type { GpHive, GpOperation, GpSet } from './gpo/registryOperation';
export { lgpoSetting, LgpoTextError } from './gpo/lgpoText';
export { gpRegistryCalls, quotePowerShell } from './gpo/powershell';
export { registryPolFile, RegistryPolHiveError, registryPolRecord } from './gpo/registryPol';
export { importSyncml, type ImportResult } from './import/importSyncml';
export type { CarriedAdmxFile, ExternalAdmx, ImportOptions } from './import/importIngested';
export type { ImportContext, Importer, ImportOutcome } from './import/importers';
export { planAdmxSaves, type AdmxSavePlan } from './import/admxSaves';
export { importIntune } from './import/importIntune';
export { groupPolicyFormat, importGroupPolicy, type GroupPolicyFormat } from './import/importGroupPolicy';
export { profilesToYaml } from './export/toYaml';
export { getCodeLenses } from './features/codeLens';
export { loadAdml, loadAdmx } from './admx/admxCache';
export type { IngestionInstall } from './ingestion/ingestionIndex';
export type { AdmlFile, AdmxFile } from './admx/admxModel';
export type { AdmxReadError, AdmxSource, ReadAdmx } from './admx/admxSource';
export { admxRegistryOperations, AdmxRegistryError, enumChoiceText, type AdmxValues } from './gpo/admxRegistry';

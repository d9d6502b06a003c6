import type { ImportResult } from '../service/import/importSyncml';
import type { Preview } from '../service/channels/preview';
import type { SyncmlKind } from '../service/syncml/documentKind';
import type { FileDifference } from '../service/estate/diffFormat';

/**
 * The custom requests between the extension and the server; each is sent by the client. Plain
 * method names, because the client and the server libraries ship their own protocol classes.
 */

/** The preview's parts, for the client, which reaches the server only through this file. */
export type { ChannelExport, PolicyPreview, Preview, ProfilePreview } from '../service/channels/preview';
export type { PreviewError } from '../service/export/blockingErrors';
export type { PayloadEncoding } from '../service/export/payload';
export type { CarriedAdmxFile } from '../service/import/importIngested';
export type { SyncmlKind } from '../service/syncml/documentKind';
export type { FileDifference } from '../service/estate/diffFormat';
export type { DiffSide, OptionDifference, PolicyDifference } from '../service/estate/diff';

/**
 * What a client may tell the server at start. `workspaceTrusted: false` (VS Code's Restricted
 * Mode) keeps the server to files inside the workspace folders; a client that says nothing is
 * trusted, as editors without workspace trust are.
 */
export interface InitializationOptions {
	readonly settings?: unknown;
	readonly workspaceTrusted?: boolean;
}

/** Sent when the user trusts the workspace: files outside its folders may be read from then on. */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'rapolicy/workspaceTrusted';

export interface DocumentParams {
	readonly uri: string;
}

/** Everything the payload preview shows for a document, encoded with the document's settings. */
export const PREVIEW_REQUEST = 'rapolicy/preview';
export type PreviewResult = Preview | null;

/**
 * A file converted to policy YAML, with what could not be converted. SyncML and Intune exports
 * are the server's open documents and are refused when they have errors; a Group Policy file
 * comes with its content, as text or, for a Registry.pol, as base64. Null when the content is
 * none of these.
 */
export const IMPORT_REQUEST = 'rapolicy/import';
export interface ImportParams extends DocumentParams {
	readonly text?: string;
	readonly base64?: string;
}
export type ImportRequestResult = (ImportResult & { readonly errors: readonly string[] }) | null;

/** How many profiles and policies a document sets, and for SyncML its kind, for the language status item. */
export const SUMMARY_REQUEST = 'rapolicy/summary';
export type SummaryResult = { readonly profiles: number; readonly policies: number; readonly kind?: SyncmlKind } | null;

/**
 * What two files set differently, policy by policy. The client sends each side's content (the
 * bytes in base64, or the text of an open document with its unsaved edits, or a version from
 * git) with the name the page shows it by; the server reads each by its content. A side of no
 * form the server reads is named in `error`.
 */
export const COMPARE_REQUEST = 'rapolicy/compare';
export interface CompareSide extends DocumentParams {
	readonly name: string;
	readonly text?: string;
	readonly base64?: string;
}
export interface CompareParams {
	readonly before: CompareSide;
	readonly after: CompareSide;
}
export type CompareResult = FileDifference | { readonly error: string };

/** Command ids shared by the server's CodeLens and the client's registrations. */
export const Commands = {
	previewPayload: 'rapolicy.previewPayload',
	copyPayload: 'rapolicy.copyPayload',
	copyOmaUri: 'rapolicy.copyOmaUri',
	copyPayloadForSyncml: 'rapolicy.copyPayloadForSyncml',
	copyIntuneRow: 'rapolicy.copyIntuneRow',
	exportSyncml: 'rapolicy.exportSyncml',
	exportIntune: 'rapolicy.exportIntune',
	exportChannel: 'rapolicy.exportChannel',
	convertToYaml: 'rapolicy.convertSyncmlToYaml',
	restartServer: 'rapolicy.restartServer',
	newPolicy: 'rapolicy.newPolicy',
	comparePolicies: 'rapolicy.comparePolicies',
} as const;

/** The lenses above each policy, in order: the preview first, then the two fields an Intune row needs. */
export const POLICY_LENSES = [
	{ title: 'Preview payload', command: Commands.previewPayload },
	{ title: 'Copy OMA-URI', command: Commands.copyOmaUri },
	{ title: 'Copy raw value', command: Commands.copyPayload },
] as const;

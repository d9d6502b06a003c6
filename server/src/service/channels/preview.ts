import type { ParsedDocument } from '../document/document';
import { blockingErrors, type PreviewError } from '../export/blockingErrors';
import { EncodeError, encodeData, encodePayload, type PayloadEncoding } from '../export/payload';
import { registryText, registryValues, type RegistryValue } from '../export/registryView';
import { policyKey, policyTitle, policyUri, resolveProfiles, unresolvedIngested, type ResolvedProfile } from '../export/resolve';
import { commandFor } from '../export/syncmlMessage';
import { AdmxRegistryError } from '../gpo/admxRegistry';
import type { Settings } from '../problems/settings';
import { base64 } from '../text/base64';
import { channelTitle, type EncodeOptions, type Encoded, type FileChannel } from './channel';
import { FILE_CHANNELS } from './channels';

export interface PolicyPreview {
	readonly policy: string;
	readonly friendlyName: string;
	readonly state: string;
	readonly omaUri: string;
	readonly command: 'Replace' | 'Delete';
	/** The Intune custom-profile data type for these policies. */
	readonly dataType: 'String';
	/** The raw payload, or null for a Delete. */
	readonly payload: string | null;
	readonly escaped: string | null;
	readonly cdata: string | null;
	readonly registry: readonly RegistryValue[];
	/** 0-based lines of the policy's first and last character in the source. */
	readonly line: number;
	readonly endLine: number;
}

/** A profile's export for one file channel, ready to copy or save, with what the channel's row says of it. */
export interface ChannelExport {
	readonly id: string;
	/** As menus and sections name it: `Group Policy: Registry.pol`. */
	readonly title: string;
	/** The form alone, as a button names it: `Registry.pol`. */
	readonly name: string;
	readonly description: string;
	/** What an exported file's name ends with. */
	readonly extension: string;
	readonly binary: boolean;
	/** Whether a saved file starts with a UTF-8 byte order mark (a copy never does). */
	readonly byteOrderMark: boolean;
	/** Whether the preview folds it among the further channels, below its own parts for the message and the Intune profile. */
	readonly further: boolean;
	/** What a reader should know of every export of the channel. */
	readonly notes: readonly string[];
	/** The text, or base64 for a binary file; null when the channel cannot carry the profile. */
	readonly content: string | null;
	/** What this export leaves out or why it cannot be written, in words. */
	readonly note: string | undefined;
}

export interface ProfilePreview {
	readonly name: string;
	readonly policies: readonly PolicyPreview[];
	readonly syncml: string;
	readonly intune: string;
	/** Policies an Intune custom profile cannot carry (not-configured ones). */
	readonly intuneOmitted: readonly string[];
	readonly registry: string;
	/** Every file channel, in the order of the channel list. */
	readonly channels: readonly ChannelExport[];
}

/** Everything the payload preview shows; with errors in the document, only the errors. */
export interface Preview {
	readonly uri: string;
	readonly version: number;
	readonly encoding: PayloadEncoding;
	readonly errors: readonly PreviewError[];
	readonly profiles: readonly ProfilePreview[];
}

/** The channels the preview shows in parts of their own, above the further channels: the SyncML message and the Intune custom profile. */
const MESSAGE = 'syncml';
const INTUNE_PROFILE = 'intune';

/** An output's text; the message and the Intune profile always have one. */
const textOf = (encoded: Encoded | undefined) => (encoded && 'content' in encoded && typeof encoded.content === 'string' ? encoded.content : '');

export function profilePreview(doc: ParsedDocument, profile: ResolvedProfile, options: EncodeOptions): ProfilePreview {
	// Each channel encodes once: the own parts show what the export of the same channel writes.
	const encoded = FILE_CHANNELS.map((channel) => ({ channel, encoded: channel.encode(profile, options) }));
	const own = (id: string) => encoded.find((e) => e.channel.id === id)?.encoded;
	const intune = own(INTUNE_PROFILE);
	return {
		name: profile.name,
		policies: profile.policies.map((resolved) => {
			const payload = encodePayload(resolved);
			return {
				policy: policyKey(resolved),
				friendlyName: policyTitle(resolved),
				state: resolved.state,
				omaUri: policyUri(resolved),
				command: commandFor(resolved),
				dataType: 'String',
				payload,
				escaped: payload === null ? null : encodeData(payload, 'escape'),
				cdata: payload === null ? null : encodeData(payload, 'cdata'),
				registry: registryValues(resolved),
				line: doc.lines.positionAt(resolved.span.start).line,
				endLine: doc.lines.positionAt(Math.max(resolved.span.start, resolved.span.end - 1)).line,
			};
		}),
		syncml: textOf(own(MESSAGE)),
		intune: textOf(intune),
		intuneOmitted: intune && 'leftOut' in intune ? intune.leftOut.flatMap((l) => l.policies) : [],
		registry: registryText(profile.policies),
		channels: encoded.map((e) => channelExport(e.channel, e.encoded)),
	};
}

/** A noun with its indefinite article. */
const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/** What an export leaves out, or why there is none, as sentences. */
function exportNote(encoded: Encoded): string | undefined {
	if ('refusal' in encoded) {
		return `${encoded.refusal}.`;
	}
	return encoded.leftOut.length === 0 ? undefined : encoded.leftOut.map((l) => `Left out (${withArticle(l.output)} ${l.because}): ${l.policies.join(', ')}.`).join(' ');
}

function channelExport(channel: FileChannel, encoded: Encoded): ChannelExport {
	const content = 'refusal' in encoded ? null : typeof encoded.content === 'string' ? encoded.content : base64(encoded.content);
	return {
		id: channel.id,
		title: channelTitle(channel),
		name: channel.name,
		description: channel.description,
		extension: channel.extension,
		binary: channel.binary,
		byteOrderMark: channel.byteOrderMark,
		further: channel.id !== MESSAGE && channel.id !== INTUNE_PROFILE,
		notes: channel.family?.notes ?? [],
		content,
		note: exportNote(encoded),
	};
}

export function buildPreview(doc: ParsedDocument, settings: Settings, options: EncodeOptions): Preview {
	const unresolved = unresolvedIngested(doc);
	// An ingested policy of an AppName nothing ingests is a warning while editing, but it cannot be encoded.
	const errors = [...blockingErrors(doc, settings), ...unresolved.map((name) => ({ line: 0, character: 0, code: 'ingested-app', message: `${name}: no ADMX this profile ingests defines it, so it cannot be encoded. Add an admx entry for its AppName.` }))];
	if (errors.length > 0) {
		return { uri: doc.uri, version: doc.version, encoding: options.encoding, errors, profiles: [] };
	}
	try {
		return { uri: doc.uri, version: doc.version, encoding: options.encoding, errors, profiles: resolveProfiles(doc).map((profile) => profilePreview(doc, profile, options)) };
	} catch (error) {
		// With rules turned down to warnings a document can pass and still not be encodable.
		if (!(error instanceof EncodeError) && !(error instanceof AdmxRegistryError)) {
			throw error;
		}
		return { uri: doc.uri, version: doc.version, encoding: options.encoding, errors: [{ line: 0, character: 0, code: 'encode', message: error.message }], profiles: [] };
	}
}

import type { ResolvedProfile } from '../export/resolve';
import type { SyncmlOptions } from '../export/syncmlMessage';
import type { Importer } from '../import/importers';

/** What every encoder may take; the SyncML message takes the most options of any channel. */
export type EncodeOptions = SyncmlOptions;

/** Policies an output leaves out, and what about the output leaves them out. */
export interface LeftOut {
	readonly policies: readonly string[];
	/** The output as a sentence names it: `Fleet profile`. */
	readonly output: string;
	/** What the output cannot do: `cannot send a Delete`. */
	readonly because: string;
}

/** A file channel's output for one profile, or why it has none: a reason without a final stop. */
export type Encoded =
	| { readonly content: string | Uint8Array; readonly leftOut: readonly LeftOut[] }
	| { readonly refusal: string };

/** Channels that start their titles alike and share what a reader should know of them. */
export interface ChannelFamily {
	readonly name: string;
	readonly notes: readonly string[];
}

interface ChannelBase {
	/** What `rapolicy encode --to` and the export command take. */
	readonly id: string;
	/** The form, as a button names it: `Registry.pol`. */
	readonly name: string;
	readonly family?: ChannelFamily;
	/** A few words on the form, or on the tool that takes it. */
	readonly description: string;
	/** Whether its output sets the policies of ingested ADMX files. */
	readonly carriesIngested: boolean;
}

/** A view printed for reading, of every profile of a file at once. */
export interface ViewChannel extends ChannelBase {
	readonly kind: 'view';
	encode(profiles: readonly ResolvedProfile[]): string;
}

/** A file that an MDM server, Group Policy or a person takes, of one profile. */
export interface FileChannel extends ChannelBase {
	readonly kind: 'file';
	/** What an exported file's name ends with. */
	readonly extension: string;
	/** Whether a file whose name ends so is taken for this channel's output: not `.ps1`, which every PowerShell script has. */
	readonly ownsExtension: boolean;
	readonly binary: boolean;
	/** Whether a saved file starts with a UTF-8 byte order mark: Windows PowerShell 5.1 reads a script without one as ANSI. */
	readonly byteOrderMark: boolean;
	encode(profile: ResolvedProfile, options: EncodeOptions): Encoded;
	/** How its output is read back into a profile; undefined when it cannot be. */
	readonly importer: Importer | undefined;
}

export type Channel = ViewChannel | FileChannel;

/** How menus, sections and the help name a channel: its family first. */
export function channelTitle(channel: Channel): string {
	return channel.family ? `${channel.family.name}: ${channel.name}` : channel.name;
}

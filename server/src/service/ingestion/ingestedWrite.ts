import type { ParsedPayload } from '../mdm/payload';
import type { Span } from '../text/span';
import type { ConfigureNode, InstallNode } from '../mdm/ingestedUri';

/**
 * An item or row that ingests an ADMX or sets a policy of one, as an import reads it. The carrier
 * (a SyncML command, an Intune row) says where it stands and what it holds; the import decides
 * what a profile can keep of it.
 */
interface WriteBase {
	/** How a line about it starts: the line, command and LocURI, or the row and OMA-URI. */
	readonly where: string;
	/** Add, Replace, Delete, Get…; an Intune row sets its node, as a Replace does. */
	readonly command: string;
	/** Where it starts in the document, which orders it among the other policies. */
	readonly offset: number;
	/** The LocURI or OMA-URI, in document offsets. */
	readonly nameSpan: Span;
}

export interface InstallWrite extends WriteBase {
	readonly kind: 'install';
	readonly node: InstallNode;
	/** The ADMX text as the device reads it; undefined when there is none. */
	readonly text: string | undefined;
}

export interface ConfigureWrite extends WriteBase {
	readonly kind: 'configure';
	readonly node: ConfigureNode;
	readonly uri: string;
	/** The payload of a write; undefined for a Delete, or a write without data. */
	readonly payload: ParsedPayload | undefined;
}

export type IngestedWrite = InstallWrite | ConfigureWrite;

import { firstChild, type XmlElement } from '../xml/xmlParser';
import { COMMANDS } from './syncmlGrammar';

/**
 * The kinds of SyncML document admins hold, told apart by content:
 * - `message`: a whole message, SyncHdr and SyncBody in <SyncML>;
 * - `fragment`: <SyncML> with a SyncBody but no header, as in Microsoft's ADMX examples;
 * - `body`: a <SyncBody> root, as in "Structure of OMA DM provisioning files" and SyncMLViewer;
 * - `profile`: a sequence of top-level commands, for an MDM server that writes the message
 *   around them (Fleet's Windows profiles), CmdID optional;
 * - `device`: a message, fragment or body a device sends (Alert, Results, items named by Source).
 */
export type SyncmlKind = 'message' | 'fragment' | 'body' | 'profile' | 'device';

/** What the frame alone tells; `device` needs the commands too. Undefined when no root says. */
export type FrameKind = Exclude<SyncmlKind, 'device'> | undefined;

export function frameKind(root: XmlElement | undefined): FrameKind {
	if (!root) {
		return undefined;
	}
	if (root.name === 'SyncML') {
		return firstChild(root, 'SyncHdr') ? 'message' : 'fragment';
	}
	return root.name === 'SyncBody' ? 'body' : COMMANDS.has(root.name) ? 'profile' : undefined;
}

/** Whether a command is one only a device sends: an Alert or Results, or an Item named by its Source alone. */
export function sentByDevice(command: { readonly name: string; readonly items: readonly { readonly element: XmlElement }[] }): boolean {
	return command.name === 'Alert' || command.name === 'Results' || (command.name !== 'Status' && command.items.some((i) => !firstChild(i.element, 'Target') && firstChild(i.element, 'Source') !== undefined));
}

/** The kind of a whole document: its frame's, or `device` when a message holds what a device sends. */
export function documentKind(frame: FrameKind, fromDevice: boolean): SyncmlKind | undefined {
	return frame !== 'profile' && frame !== undefined && fromDevice ? 'device' : frame;
}

import type { Located } from '../model/policyModel';
import { parseRemoteAssistanceUri, type RemoteAssistanceUri } from '../catalog/omaUri';
import { parsePayload, type ParsedPayload } from '../mdm/payload';
import type { SyncmlCommand, SyncmlItem } from './syncmlModel';
import { commandMeaning, isWrite } from '../mdm/commands';

/** One Item addressed to a Remote Assistance policy, with what both the rules and the lowering read of it. */
export interface RaItem {
	readonly command: SyncmlCommand;
	readonly item: SyncmlItem;
	readonly locUri: NonNullable<SyncmlItem['locUri']>;
	readonly ra: RemoteAssistanceUri;
	/** The policy segment of the LocURI, where the source lets it be pointed at. */
	readonly name: Located<string>;
	/** The payload of a write, when the Data holds one written once (not escaped twice). */
	readonly payload: ParsedPayload | undefined;
	/** Data escaped twice: the device would read the text `&lt;enabled/&gt;`. */
	readonly doubleEscaped: boolean;
}


/** The Remote Assistance items of one command (not of the commands inside it); other CSPs are left alone. */
export function remoteAssistanceItems(command: SyncmlCommand): RaItem[] {
	const found: RaItem[] = [];
	for (const item of command.items) {
		const locUri = item.locUri;
		const ra = locUri && parseRemoteAssistanceUri(locUri.value);
		if (!ra || !locUri) {
			continue;
		}
		// With no entity references in the LocURI, URI offsets equal source offsets.
		const plain = locUri.end - locUri.start === locUri.value.length;
		const name = plain ? { start: locUri.start + ra.policyOffset, end: locUri.end, value: ra.policyName } : { start: locUri.start, end: locUri.end, value: ra.policyName };
		const data = item.data;
		const doubleEscaped = data?.form === 'escaped' && /^\s*&lt;(enabled|disabled)\b/i.test(data.decoded.value);
		// A write to the Config node carries a payload; so does a device's Results item, from either node.
		const carriesPayload = (isWrite(command.name) && ra.node === 'Config') || commandMeaning(command.name) === 'report';
		const readable = carriesPayload && data !== undefined && data.form !== 'empty' && !doubleEscaped;
		found.push({ command, item, locUri, ra, name, payload: readable ? parsePayload(data) : undefined, doubleEscaped });
	}
	return found;
}

import { isMdmWinsOverGpUri, type MdmWinsOverGpWrite } from '../mdm/mdmWinsOverGp';
import { commandMeaning, isWrite } from '../mdm/commands';
import { shiftSpan } from '../text/span';
import type { CommandChunk, SyncmlCommand } from './syncmlModel';

const NONE: readonly MdmWinsOverGpWrite[] = Object.freeze([]);

/**
 * The writes and Deletes of ControlPolicyConflict/MDMWinsOverGP among a command and those inside
 * it, read before the command lets go of its Data. Other CSPs are not checked here: this only
 * tells whether the message settles Group Policy against MDM.
 */
export function readMdmWinsOverGp(commands: readonly SyncmlCommand[]): readonly MdmWinsOverGpWrite[] {
	let found: MdmWinsOverGpWrite[] | undefined;
	for (const command of commands) {
		const writes = isWrite(command.name);
		if (!writes && commandMeaning(command.name) !== 'remove') {
			continue;
		}
		for (const item of command.items) {
			if (item.locUri && isMdmWinsOverGpUri(item.locUri.value)) {
				(found ??= []).push({ span: { start: item.locUri.start, end: item.locUri.end }, value: writes ? item.data?.decoded.value ?? '' : undefined });
			}
		}
	}
	return found ?? NONE;
}

/** Every write of MDMWinsOverGP in a message, in file offsets and in order. */
export function messageMdmWinsOverGp(chunks: readonly CommandChunk[]): MdmWinsOverGpWrite[] {
	const writes: MdmWinsOverGpWrite[] = [];
	for (const chunk of chunks) {
		for (const write of chunk.result.mdmWinsOverGp) {
			writes.push({ span: shiftSpan(write.span, chunk.start), value: write.value });
		}
	}
	return writes;
}

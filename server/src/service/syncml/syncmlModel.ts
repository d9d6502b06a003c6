import type { AdmxFile } from '../admx/admxModel';
import type { IngestedSetting } from '../ingestion/ingestedSettings';
import type { PolicySetting } from '../model/policyModel';
import type { Span } from '../text/span';
import type { Problem } from '../problems/problem';
import type { PayloadForm } from '../mdm/payloadText';
import type { MdmWinsOverGpWrite } from '../mdm/mdmWinsOverGp';
import type { Decoded } from '../xml/entities';
import type { XmlElement } from '../xml/xmlParser';

/** A text value of an element, with its span in the source (entities decoded). */
export interface ElementText extends Span {
	readonly value: string;
	readonly element: XmlElement;
}

export interface SyncmlMeta {
	readonly element: XmlElement;
	readonly format: ElementText | undefined;
	readonly type: ElementText | undefined;
}

export interface SyncmlData {
	readonly element: XmlElement;
	/** Between `<Data>` and `</Data>`. */
	readonly content: Span;
	readonly form: PayloadForm;
	/** The payload as the device reads it, mapped back to the source. */
	readonly decoded: Decoded;
}

export interface SyncmlItem {
	readonly element: XmlElement;
	/** The node: the Target's LocURI, or the Source's where a device names it there. */
	readonly locUri: ElementText | undefined;
	readonly meta: SyncmlMeta | undefined;
	readonly data: SyncmlData | undefined;
}

export interface SyncmlCommand {
	readonly element: XmlElement;
	readonly name: string;
	readonly cmdId: ElementText | undefined;
	readonly meta: SyncmlMeta | undefined;
	readonly items: readonly SyncmlItem[];
	/** Commands inside an Atomic or Sequence. */
	readonly children: readonly SyncmlCommand[];
}

/** One command of SyncBody read on its own, with offsets relative to its start, so it can be reused wherever its text reappears. */
export interface CommandChunkResult {
	/** The command's own text (a copy, so it keeps no version of the file alive). */
	readonly source: string;
	readonly length: number;
	readonly command: SyncmlCommand;
	/** The command and every command inside it, in document order. */
	readonly commands: readonly SyncmlCommand[];
	/** Whether its XML needed repair (rules about absent children are then held back). */
	readonly damaged: boolean;
	readonly problems: readonly Problem[];
	/** Whether a comment in it may silence a line (`rapolicy-disable-next-line`). */
	readonly directives: boolean;
	/** Whether it holds what only a device sends, which makes the document a device message. */
	readonly fromDevice: boolean;
	/** What its Remote Assistance items set, or for a device's Results, report. */
	readonly settings: readonly PolicySetting[];
	/** The same settings as the commands that write them, for the checks across commands. */
	readonly writes: readonly PolicyWrite[];
	/** ADMX files it installs and ingested policies it configures, for the checks across commands. */
	readonly ingestion: IngestionFacts | undefined;
	/** Its writes and Deletes of ControlPolicyConflict/MDMWinsOverGP. */
	readonly mdmWinsOverGp: readonly MdmWinsOverGpWrite[];
}

/** An ADMX file installed by an `ADMXInstall` item, in offsets relative to its command. */
export interface IngestedAdmx {
	readonly app: string;
	readonly settingType: string;
	readonly fileUid: string;
	readonly admx: AdmxFile;
}

export interface IngestionFacts {
	readonly installs: readonly IngestedAdmx[];
	readonly settings: readonly IngestedSetting[];
}

/** A command's write to one Remote Assistance policy: a Delete, or an Add or Replace with readable data. */
export interface PolicyWrite {
	readonly policy: string;
	readonly command: SyncmlCommand;
	readonly locUri: Span;
	/** What the device is left with, the same text for the same setting however the payload is written. */
	readonly outcome: string;
}

export interface CommandChunk {
	/** Where the command starts in the file. */
	readonly start: number;
	/** The names of the elements around it, outermost first, for finding where it ends after an edit. */
	readonly outer: readonly string[];
	/** Whether only blanks separate it from the next command. */
	readonly blankAfter: boolean;
	readonly result: CommandChunkResult;
}

/** `command` and every command inside it, in document order. */
export function allCommands(command: SyncmlCommand): SyncmlCommand[] {
	const result: SyncmlCommand[] = [];
	const walk = (c: SyncmlCommand) => {
		result.push(c);
		c.children.forEach(walk);
	};
	walk(command);
	return result;
}

import type { RuleCode } from '../problems/rules';

/**
 * The SyncML grammar as this project reads it (MS-MDM 2.2 and the OMA DM representation
 * protocol): which elements hold which children, in which order, how often, and which children
 * Windows accepts only with a warning or refuses. The reader, the rules, completion and hover all
 * read this one table, so completion never proposes what validation reports.
 */
export interface ChildRule {
	readonly name: string;
	/** May appear more than once. */
	readonly many?: boolean;
	readonly required?: boolean;
	/** Must be the last child. */
	readonly last?: boolean;
	/** Present in real messages but reported with this rule; never proposed. */
	readonly reported?: { readonly code: RuleCode; readonly message: string };
}

export interface ElementRule {
	readonly children: readonly ChildRule[];
	/** Children must follow the order listed. */
	readonly ordered: boolean;
	/**
	 * Whether the list is complete, so any other child is reported. Elements that carry more than
	 * this project reads (Meta, Status, an Item's MoreData) are open.
	 */
	readonly closed: boolean;
}

const SEQUENCE_NOTE = { code: 'unsupported-command', message: '<Sequence> is not part of the MS-MDM SyncBody; Windows accepts it, but plain commands are safer.' } as const;

/** Commands made of CmdID, Meta and Items. */
const ITEM_COMMANDS = ['Add', 'Replace', 'Delete', 'Get', 'Exec', 'Results'] as const;
/** Commands that hold other commands. */
export const CONTAINER_COMMANDS = ['Atomic', 'Sequence'] as const;
/** Every command this project reads; their content is read command by command. */
export const COMMANDS: ReadonlySet<string> = new Set([...ITEM_COMMANDS, ...CONTAINER_COMMANDS, 'Alert', 'Status']);
/** Commands a device sends back: their Items name the node in <Source>, and Status and Alert items may name none. */
export const DEVICE_COMMANDS: ReadonlySet<string> = new Set(['Alert', 'Status', 'Results']);

/**
 * The top level of a profile for an MDM server that writes the message around it (Fleet): a
 * sequence of commands. Named with a `#` so that it never matches an element.
 */
export const PROFILE_LEVEL = '#profile';

const itemCommand: ElementRule = {
	ordered: false,
	closed: false,
	children: [{ name: 'CmdID', required: true }, { name: 'Meta' }, { name: 'Item', many: true, required: true }],
};

export const SYNCML_GRAMMAR: Readonly<Record<string, ElementRule>> = {
	SyncML: { ordered: true, closed: true, children: [{ name: 'SyncHdr' }, { name: 'SyncBody', required: true }] },
	SyncHdr: {
		ordered: true,
		closed: true,
		children: [
			{ name: 'VerDTD', required: true },
			{ name: 'VerProto', required: true },
			{ name: 'SessionID', required: true },
			{ name: 'MsgID', required: true },
			{ name: 'Target', required: true },
			{ name: 'Source', required: true },
			{ name: 'Meta' },
		],
	},
	SyncBody: {
		ordered: false,
		closed: true,
		children: [
			...['Add', 'Replace', 'Delete', 'Get', 'Exec', 'Atomic', 'Alert', 'Results', 'Status'].map((name) => ({ name, many: true })),
			{ name: 'Sequence', many: true, reported: SEQUENCE_NOTE },
			{ name: 'Final', last: true },
		],
	},
	Atomic: {
		ordered: false,
		closed: true,
		children: [
			{ name: 'CmdID', required: true },
			{ name: 'Meta' },
			...['Add', 'Replace', 'Delete', 'Exec'].map((name) => ({ name, many: true })),
			{ name: 'Get', many: true, reported: { code: 'unsupported-command', message: 'Windows does not run <Get> inside <Atomic>; move it out of the Atomic.' } },
			{ name: 'Atomic', many: true, reported: { code: 'nested-atomic', message: 'An <Atomic> inside an <Atomic> fails on Windows (status 500, the outer one 507). Move its commands into the outer Atomic.' } },
			{ name: 'Sequence', many: true, reported: SEQUENCE_NOTE },
		],
	},
	Sequence: {
		ordered: false,
		closed: true,
		children: [
			{ name: 'CmdID', required: true },
			{ name: 'Meta' },
			...['Add', 'Replace', 'Delete', 'Get', 'Exec', 'Atomic'].map((name) => ({ name, many: true })),
			{ name: 'Sequence', many: true, reported: SEQUENCE_NOTE },
		],
	},
	[PROFILE_LEVEL]: {
		ordered: false,
		closed: true,
		children: [
			...['Replace', 'Add', 'Delete', 'Exec', 'Atomic', 'Get'].map((name) => ({ name, many: true })),
			{ name: 'Sequence', many: true, reported: SEQUENCE_NOTE },
		],
	},
	Add: itemCommand,
	Replace: itemCommand,
	// MS-MDM 2.2.6.1 and the OMA DM representation protocol; open, since this project reads only their items.
	Status: {
		ordered: false,
		closed: false,
		children: [{ name: 'CmdID', required: true }, { name: 'MsgRef', required: true }, { name: 'CmdRef', required: true }, { name: 'Cmd', required: true }, { name: 'Data', required: true }, { name: 'Item', many: true }],
	},
	Results: {
		ordered: false,
		closed: false,
		children: [{ name: 'CmdID', required: true }, { name: 'MsgRef' }, { name: 'CmdRef', required: true }, { name: 'Meta' }, { name: 'Item', many: true, required: true }],
	},
	Alert: { ordered: false, closed: false, children: [{ name: 'CmdID', required: true }, { name: 'Data', required: true }, { name: 'Item', many: true }] },
	Delete: itemCommand,
	Get: itemCommand,
	Exec: itemCommand,
	Item: { ordered: false, closed: false, children: [{ name: 'Target' }, { name: 'Source' }, { name: 'Meta' }, { name: 'Data' }] },
	Target: { ordered: false, closed: false, children: [{ name: 'LocURI', required: true }] },
	Source: { ordered: false, closed: false, children: [{ name: 'LocURI', required: true }] },
	Meta: { ordered: false, closed: false, children: [{ name: 'Format' }, { name: 'Type' }] },
};

/** The children completion may offer inside `parent`: never one that validation reports. */
export function proposableChildren(parent: string): readonly ChildRule[] {
	return (SYNCML_GRAMMAR[parent]?.children ?? []).filter((c) => !c.reported);
}


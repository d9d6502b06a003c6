import type { Fix, Problem } from '../validation/problem';
import { allCommands, type SyncmlCommand, type SyncmlItem, type SyncmlMessage } from './syncmlModel';
import { ITEM_COMMANDS } from './readSyncml';

/** One fix for every CmdID problem: number all commands 1..n in document order. */
function renumberFix(commands: readonly SyncmlCommand[]): Fix {
	return {
		title: 'Renumber all CmdIDs',
		edits: commands.map((command, i) => command.cmdId
			? { span: command.cmdId, newText: String(i + 1) }
			: { span: { start: command.element.openEnd, end: command.element.openEnd }, newText: `<CmdID>${i + 1}</CmdID>` }),
	};
}

/** The message-level rules: CmdIDs, Items and Atomic nesting (MS-MDM). */
export function checkCommands(message: SyncmlMessage, problems: Problem[]): void {
	const commands = allCommands(message);
	const renumber = renumberFix(commands);
	const seen = new Map<string, SyncmlCommand>();
	for (const command of commands) {
		const name = command.element.nameSpan;
		if (!command.cmdId) {
			problems.push({ code: 'missing-cmdid', span: name, message: `<${command.name}> has no <CmdID>; every command needs one, unique in the message.`, fixes: [renumber] });
		} else if (command.cmdId.value === '' || command.cmdId.value === '0') {
			problems.push({ code: 'invalid-cmdid', span: command.cmdId, message: `A CmdID must not be ${command.cmdId.value === '' ? 'empty' : '0'}; use a number unique in the message, such as ${commands.indexOf(command) + 1}.`, fixes: [renumber] });
		} else if (seen.has(command.cmdId.value)) {
			problems.push({ code: 'duplicate-cmdid', span: command.cmdId, message: `CmdID ${command.cmdId.value} is already used by an earlier <${seen.get(command.cmdId.value)?.name}>; CmdIDs are unique in a message.`, fixes: [renumber] });
		} else {
			seen.set(command.cmdId.value, command);
		}
		if (command.name === 'Atomic' && command.parent?.name === 'Atomic') {
			problems.push({ code: 'nested-atomic', span: name, message: 'An <Atomic> inside an <Atomic> fails on Windows (status 500, the outer one 507). Move its commands into the outer Atomic.' });
		}
		if (command.name === 'Get' && command.parent?.name === 'Atomic') {
			problems.push({ code: 'unsupported-command', span: name, message: 'Windows does not run <Get> inside <Atomic>; move it out of the Atomic.' });
		}
		if (command.name === 'Sequence') {
			problems.push({ code: 'unsupported-command', span: name, message: '<Sequence> is not part of the MS-MDM SyncBody; Windows accepts it, but plain commands are safer.' });
		}
		if ((ITEM_COMMANDS as readonly string[]).includes(command.name) && command.name !== 'Results') {
			if (command.items.length === 0) {
				problems.push({ code: 'syncml-structure', span: name, message: `<${command.name}> needs at least one <Item> with a <Target><LocURI>.` });
			}
			for (const item of command.items) {
				checkItem(item, problems);
			}
		}
	}
}

function checkItem(item: SyncmlItem, problems: Problem[]): void {
	if (!item.locUri || item.locUri.value === '') {
		problems.push({ code: 'missing-locuri', span: item.element.nameSpan, message: 'This <Item> has no target: add <Target><LocURI>./Device/Vendor/MSFT/Policy/Config/...</LocURI></Target>.' });
	} else if (item.locUri.value.startsWith('/')) {
		problems.push({ code: 'syncml-structure', span: item.locUri, message: 'A LocURI cannot start with /: start it with ./ as in ./Device/Vendor/MSFT/....' });
	}
}

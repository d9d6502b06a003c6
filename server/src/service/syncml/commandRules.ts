import type { Problem } from '../problems/problem';
import type { RaItem } from './raItem';
import { checkRemoteAssistanceItem } from './itemRules';
import { checkChildren } from './structureRules';
import { DEVICE_COMMANDS } from './syncmlGrammar';
import type { ElementText, SyncmlCommand, SyncmlItem } from './syncmlModel';

/**
 * The rules of one command and the commands inside it: its children against the grammar (CmdIDs
 * are checked across the message), its Items' targets, and its Remote Assistance items. With
 * `damaged` (the command's XML needed repair), rules about children that are absent are held
 * back: the repair, not the author, may have moved them.
 */
export function checkCommand(text: string, command: SyncmlCommand, raItems: ReadonlyMap<SyncmlCommand, readonly RaItem[]>, damaged: boolean, problems: Problem[]): void {
	if (!damaged) {
		checkChildren(command.element, problems, ['CmdID']);
	}
	// A device's Results name their node in <Source>; its Status and Alert items may name none.
	if (!DEVICE_COMMANDS.has(command.name)) {
		for (const item of command.items) {
			checkItem(text, item, damaged, problems);
		}
	}
	for (const entry of raItems.get(command) ?? []) {
		checkRemoteAssistanceItem(text, entry, damaged, problems);
	}
	for (const child of command.children) {
		checkCommand(text, child, raItems, damaged, problems);
	}
}

function checkItem(text: string, item: SyncmlItem, damaged: boolean, problems: Problem[]): void {
	if (!damaged) {
		checkChildren(item.element, problems);
	}
	if ((!item.locUri || item.locUri.value === '') && !damaged) {
		problems.push({ code: 'missing-locuri', span: item.element.nameSpan, message: 'This <Item> has no target: add <Target><LocURI>./Device/Vendor/MSFT/Policy/Config/...</LocURI></Target>.' });
	} else if (item.locUri?.value.startsWith('/')) {
		problems.push({ code: 'syncml-structure', span: item.locUri, message: 'A LocURI cannot start with /: start it with ./ as in ./Device/Vendor/MSFT/....' });
	}
	if (item.locUri && item.locUri.value !== '') {
		checkLocUriWhitespace(text, item.locUri, problems);
	}
}

/**
 * Blanks around a LocURI's text. The checks read the URI trimmed, but the blanks are part of the
 * element's text as sent, so they are pointed out rather than passed over.
 */
function checkLocUriWhitespace(text: string, locUri: ElementText, problems: Problem[]): void {
	const { element } = locUri;
	const around = [{ start: element.openEnd, end: locUri.start }, { start: locUri.end, end: element.close?.start ?? locUri.end }]
		.filter((span) => span.end > span.start && /^\s+$/.test(text.slice(span.start, span.end)));
	if (around.length === 0) {
		return;
	}
	problems.push({
		code: 'locuri-whitespace',
		span: around[0],
		message: 'This LocURI has spaces or line breaks around it, which are part of the URI the device receives: remove them.',
		fixes: [{ title: 'Trim the LocURI', edits: around.map((span) => ({ span, newText: '' })), preferred: true }],
	});
}

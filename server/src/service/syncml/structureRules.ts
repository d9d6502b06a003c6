import type { Problem } from '../problems/problem';
import type { XmlElement } from '../xml/xmlParser';
import { PROFILE_LEVEL, SYNCML_GRAMMAR, type ChildRule } from './syncmlGrammar';

/** How a missing required child is best described to someone adding it. */
const MISSING_HINT: Readonly<Record<string, string>> = {
	SyncBody: 'add <SyncBody> with the commands and <Final/>',
	Item: 'add at least one <Item> with a <Target><LocURI>',
};

/**
 * Holds the children of `element` against the grammar: children that do not belong, appear too
 * often, come out of order or must be last, children the grammar reports, and required ones
 * missing. `leave` names required children another rule reports (CmdID: its fix spans the message).
 */
export function checkChildren(element: XmlElement, problems: Problem[], leave: readonly string[] = []): void {
	const grammar = SYNCML_GRAMMAR[element.name];
	if (!grammar) {
		return;
	}
	const names = grammar.children.map((c) => c.name);
	const children = element.children.filter((c): c is XmlElement => c.kind === 'element');
	const seen = new Set<string>();
	let last = -1;
	children.forEach((child, index) => {
		const position = names.indexOf(child.name);
		const rule: ChildRule | undefined = grammar.children[position];
		if (!rule) {
			if (grammar.closed) {
				problems.push({ code: 'syncml-structure', span: child.nameSpan, message: notBelonging(element.name, child.name, names) });
			}
			return;
		}
		if (rule.reported) {
			problems.push({ code: rule.reported.code, span: child.nameSpan, message: rule.reported.message });
		}
		if (seen.has(child.name) && !rule.many) {
			problems.push({ code: 'syncml-structure', span: child.nameSpan, message: `<${element.name}> holds one <${child.name}>; remove this second one.` });
		}
		seen.add(child.name);
		if (grammar.ordered) {
			if (position < last) {
				problems.push({ code: 'syncml-structure', span: child.nameSpan, message: `<${child.name}> is out of order: <${element.name}> children go ${names.join(', ')}.` });
			}
			last = Math.max(last, position);
		}
		if (rule.last && index !== children.length - 1) {
			problems.push({ code: 'syncml-structure', span: child.nameSpan, message: `<${child.name}/> must be the last element of <${element.name}>; move what follows it above it.` });
		}
	});
	const missing = grammar.children.filter((c) => c.required && !seen.has(c.name) && !leave.includes(c.name)).map((c) => c.name);
	if (missing.length === 1 && MISSING_HINT[missing[0]]) {
		problems.push({ code: 'syncml-structure', span: element.nameSpan, message: `<${element.name}> has no <${missing[0]}>: ${MISSING_HINT[missing[0]]}.` });
	} else if (missing.length > 0) {
		const optional = grammar.children.filter((c) => !c.required).map((c) => c.name);
		problems.push({
			code: 'syncml-structure',
			span: element.nameSpan,
			message: `<${element.name}> lacks ${missing.map((m) => `<${m}>`).join(', ')}. Its children are${grammar.ordered ? ', in order,' : ''} ${names.join(', ')}${optional.length > 0 ? ` (${optional.join(', ')} optional)` : ''}.`,
		});
	}
}

function notBelonging(parent: string, child: string, names: readonly string[]): string {
	if (parent === PROFILE_LEVEL) {
		return `<${child}> cannot stand in a profile of commands; it holds ${names.filter((n) => n !== 'Sequence').join(', ')}, and the server writes the message around them.`;
	}
	return parent === 'SyncBody'
		? `<${child}> is not a SyncBody command. Use one of ${names.filter((n) => n !== 'Final').join(', ')}, and <Final/> last.`
		: `<${child}> does not belong in <${parent}>; it holds ${names.map((n) => `<${n}>`).join(', ')}.`;
}

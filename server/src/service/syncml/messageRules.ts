import type { Span } from '../text/span';
import type { Fix, Problem } from '../problems/problem';
import { attribute, firstChild, XmlElement, type XmlDocument } from '../xml/xmlParser';
import { frameKind, type FrameKind } from './documentKind';
import { elementText } from './elementText';
import { checkChildren } from './structureRules';
import { PROFILE_LEVEL } from './syncmlGrammar';
import type { CommandChunk } from './syncmlModel';

export const SYNCML_NAMESPACE = 'SYNCML:SYNCML1.2';

/**
 * The OMA DM versions a message may declare, by namespace, with the VerDTD and VerProto that go
 * with each. Windows lists OMA DM 1.1.2 among the versions it supports, and Microsoft's own
 * ADMX-ingestion samples are written in SYNCML:SYNCML1.1, so both are read; rapolicy writes 1.2.
 */
const VERSIONS: Readonly<Record<string, { readonly verDtd: string; readonly verProto: string }>> = {
	[SYNCML_NAMESPACE]: { verDtd: '1.2', verProto: 'DM/1.2' },
	'SYNCML:SYNCML1.1': { verDtd: '1.1', verProto: 'DM/1.1' },
};

export interface SyncmlFrame {
	readonly root: XmlElement | undefined;
	readonly header: XmlElement | undefined;
	readonly body: XmlElement | undefined;
}

/**
 * Checks the document around its commands, by its kind: a message or fragment has one `<SyncML>`
 * root in the right namespace, its header's versions, and the children of SyncML, SyncHdr and
 * SyncBody against the grammar; a SyncBody root its children; a profile its top-level commands.
 * Rules about children are held back when the XML itself needed repair. Returns the frame's kind.
 */
export function checkFrame(text: string, xml: XmlDocument, problems: Problem[]): FrameKind {
	const roots = xml.nodes.filter((n): n is XmlElement => n.kind === 'element');
	for (const node of xml.nodes) {
		if (node.kind === 'text' && text.slice(node.start, node.end).trim() !== '') {
			problems.push({ code: 'xml-syntax', span: node, message: 'Text outside the root element: remove it, or move it into an element.' });
		}
	}
	const root = roots[0];
	const kind = frameKind(root);
	const damaged = xml.problems.length > 0;
	if (kind === 'profile') {
		if (!damaged) {
			checkChildren(profileLevel(roots), problems);
		}
		return kind;
	}
	for (const extra of roots.slice(1)) {
		problems.push({ code: 'xml-syntax', span: extra.nameSpan, message: `A document has one root element; <${extra.name}> is a second one. Move it inside <${root.name}>.` });
	}
	if (!root) {
		if (xml.problems.length === 0) {
			problems.push({ code: 'syncml-structure', span: { start: 0, end: 0 }, message: 'This file has no SyncML: start with <SyncML xmlns="SYNCML:SYNCML1.2">, or write the commands (<Replace>, <Add>, ...) of a profile.' });
		}
		return kind;
	}
	if (kind === undefined) {
		problems.push({
			code: 'syncml-structure',
			span: root.nameSpan,
			message: `<${root.name}> cannot start a SyncML file: use <SyncML>, <SyncBody>, or the commands themselves (<Replace>, <Add>, ...).`,
			fixes: root.name.toLowerCase() === 'syncml' ? [{ title: 'Change to SyncML', edits: [root.nameSpan, ...(root.close ? [{ start: root.close.start + 2, end: root.close.start + 2 + root.name.length }] : [])].map((span) => ({ span, newText: 'SyncML' })), preferred: true }] : undefined,
		});
		return kind;
	}
	if (kind === 'body') {
		if (!damaged) {
			checkChildren(root, problems);
		}
		return kind;
	}
	const version = checkNamespace(text, root, problems);
	const header = firstChild(root, 'SyncHdr');
	const body = firstChild(root, 'SyncBody');
	if (!damaged) {
		checkChildren(root, problems);
		if (header) {
			checkChildren(header, problems);
		}
		if (body) {
			checkChildren(body, problems);
		}
	}
	if (header) {
		checkVersions(text, header, version, problems);
	}
	return kind;
}

/** The top level of a profile as an element of its own, so the grammar's rules read it like any other. */
function profileLevel(roots: readonly XmlElement[]): XmlElement {
	const level = new XmlElement(PROFILE_LEVEL, 0, undefined, 0);
	level.children = [...roots];
	return level;
}

/** Checks the root's namespace; returns the versions the header must then carry. */
function checkNamespace(text: string, root: XmlElement, problems: Problem[]): (typeof VERSIONS)[string] {
	const xmlns = attribute(root, 'xmlns');
	const expected = VERSIONS[SYNCML_NAMESPACE];
	if (!xmlns?.valueSpan) {
		problems.push({
			code: 'syncml-version',
			span: root.nameSpan,
			message: `<SyncML> needs xmlns="${SYNCML_NAMESPACE}".`,
			fixes: [{ title: `Add xmlns="${SYNCML_NAMESPACE}"`, edits: [{ span: { start: root.nameSpan.end, end: root.nameSpan.end }, newText: ` xmlns="${SYNCML_NAMESPACE}"` }], preferred: true }],
		});
		return expected;
	}
	const value = text.slice(xmlns.valueSpan.start, xmlns.valueSpan.end);
	const declared = Object.prototype.hasOwnProperty.call(VERSIONS, value) ? VERSIONS[value] : undefined;
	if (declared && value !== SYNCML_NAMESPACE) {
		problems.push({
			code: 'syncml-1.1',
			span: xmlns.valueSpan,
			message: `${value} (OMA DM 1.1.2) is read like 1.2: Microsoft lists OMA DM 1.1.2 as supported and writes its ADMX-ingestion samples in it. rapolicy itself writes ${SYNCML_NAMESPACE}.`,
		});
	}
	if (!declared) {
		problems.push({
			code: 'syncml-version',
			span: xmlns.valueSpan,
			message: `The SyncML namespace must be ${SYNCML_NAMESPACE} (OMA DM 1.2, or SYNCML:SYNCML1.1 for 1.1.2), not ${value || 'empty'}.`,
			fixes: [{ title: `Change to ${SYNCML_NAMESPACE}`, edits: [{ span: xmlns.valueSpan, newText: SYNCML_NAMESPACE }], preferred: true }],
		});
	}
	return declared ?? expected;
}

/** VerDTD and VerProto must name the version the namespace declares. */
function checkVersions(text: string, header: XmlElement, version: (typeof VERSIONS)[string], problems: Problem[]): void {
	const expect = (name: string, value: string) => {
		const element = firstChild(header, name);
		if (!element) {
			return;
		}
		const found = elementText(text, element);
		if (found.value !== value) {
			problems.push({
				code: 'syncml-version',
				span: found,
				message: `<${name}> must be ${value}, the version the SyncML namespace declares, not ${found.value || 'empty'}.`,
				fixes: [{ title: `Change to ${value}`, edits: [{ span: found, newText: value }], preferred: true }],
			});
		}
	};
	expect('VerDTD', version.verDtd);
	expect('VerProto', version.verProto);
}

/**
 * CmdIDs across the message: present (unless `optional`: a profile's server adds them), not
 * empty or 0, unique. One fix renumbers every command 1..n.
 */
export function checkCmdIds(chunks: readonly CommandChunk[], problems: Problem[], optional = false): void {
	const seen = new Map<string, string>();
	let index = 0;
	let renumber: Fix | undefined;
	const fix = () => (renumber ??= renumberFix(chunks));
	const at = (span: Span, base: number) => ({ start: span.start + base, end: span.end + base });
	for (const { start: base, result } of chunks) {
		for (const command of result.commands) {
			index++;
			const cmdId = command.cmdId;
			if (!cmdId) {
				if (!result.damaged && !optional) {
					problems.push({ code: 'missing-cmdid', span: at(command.element.nameSpan, base), message: `<${command.name}> has no <CmdID>; every command needs one, unique in the message.`, fixes: [fix()] });
				}
			} else if (cmdId.value === '' || cmdId.value === '0') {
				problems.push({ code: 'invalid-cmdid', span: at(cmdId, base), message: `A CmdID must not be ${cmdId.value === '' ? 'empty' : '0'}; use a number unique in the message, such as ${index}.`, fixes: [fix()] });
			} else if (seen.has(cmdId.value)) {
				problems.push({ code: 'duplicate-cmdid', span: at(cmdId, base), message: `CmdID ${cmdId.value} is already used by an earlier <${seen.get(cmdId.value)}>; CmdIDs are unique in a message.`, fixes: [fix()] });
			} else {
				seen.set(cmdId.value, command.name);
			}
		}
	}
}

function renumberFix(chunks: readonly CommandChunk[]): Fix {
	const edits: Fix['edits'][number][] = [];
	for (const { start: base, result } of chunks) {
		for (const command of result.commands) {
			const n = String(edits.length + 1);
			edits.push(command.cmdId
				? { span: { start: command.cmdId.start + base, end: command.cmdId.end + base }, newText: n }
				: { span: { start: command.element.openEnd + base, end: command.element.openEnd + base }, newText: `<CmdID>${n}</CmdID>` });
		}
	}
	return { title: 'Renumber all CmdIDs', edits };
}

import type { PolicyDefinition, PolicyElement } from '../catalog/types';
import { append } from '../text/append';

const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|no|on|off|[-+]?(?:\.\d+|\d[\d_]*(?:\.\d*)?)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** Writes text as a YAML scalar: plain when that reads back as the same string, quoted otherwise. */
export function yamlText(value: string): string {
	const plainSafe = value !== ''
		&& !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value)
		&& !/\s$/.test(value)
		&& !/: |:$| #|[\n\r\t]/.test(value)
		&& !/[\u0000-\u001f\u007f-\u009f\ufeff]/.test(value)
		&& !NOT_A_STRING.test(value);
	if (plainSafe) {
		return value;
	}
	if (/^[^\u0000-\u001f\u007f-\u009f\ufeff]*$/.test(value)) {
		return `'${value.replace(/'/g, '\'\'')}'`;
	}
	return JSON.stringify(value);
}

/** The value the Group Policy editor would start from, written as YAML. */
export function defaultValueText(element: PolicyElement): string {
	switch (element.type) {
		case 'enum': {
			const item = element.items.find((i) => i.value === element.gpeditDefault) ?? element.items[0];
			return item.alias;
		}
		case 'decimal':
			return String(element.gpeditDefault);
		case 'text':
			return '""';
		case 'list':
			return '[]';
	}
}

/** Snippet text (LSP snippet syntax) for a whole policy, relative to the line it starts on. */
export function policySnippet(policy: PolicyDefinition, unit: string): string {
	const lines = [`${policy.name}:`, `${unit}state: \${1|enabled,disabled,not-configured|}`];
	if (policy.elements.length > 0) {
		lines.push(`${unit}options:`);
		let tab = 2;
		for (const element of policy.elements) {
			append(lines, elementSnippet(element, `${unit}${unit}`, unit, tab));
			tab++;
		}
	}
	return lines.join('\n') + '$0';
}

/** Snippet lines for one `id: value` entry, with the value as a placeholder or a choice. */
export function elementSnippet(element: PolicyElement, indent: string, unit: string, tab: number): string[] {
	switch (element.type) {
		case 'enum': {
			const first = element.items.find((i) => i.value === element.gpeditDefault);
			const ordered = first ? [first, ...element.items.filter((i) => i !== first)] : element.items;
			return [`${indent}${element.id}: \${${tab}|${ordered.map((i) => i.alias).join(',')}|}`];
		}
		case 'decimal':
			return [`${indent}${element.id}: \${${tab}:${element.gpeditDefault}}`];
		case 'text':
			return [`${indent}${element.id}: "\${${tab}}"`];
		case 'list':
			return [`${indent}${element.id}:`, `${indent}${unit}- \${${tab}:${escapeSnippet(element.entryExample)}}`];
	}
}

export function escapeSnippet(text: string): string {
	return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

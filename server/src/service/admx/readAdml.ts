import type { Span } from '../text/span';
import { parseXml, type XmlElement } from '../xml/xmlParser';
import type { Problem } from '../problems/problem';
import type { AdmlControl, AdmlFile } from './admxModel';
import { at, attr, child, children, localName, rootElement, textContent } from './xmlRead';

const CONTROLS = new Set<AdmlControl['kind']>(['textBox', 'multiTextBox', 'decimalTextBox', 'longDecimalTextBox', 'checkBox', 'comboBox', 'dropdownList', 'listBox', 'text']);

/** A presentation control: its label is a `<label>` child (textBox, comboBox) or its own text. */
function control(text: string, element: XmlElement, kind: AdmlControl['kind']): AdmlControl {
	const labelElement = child(element, 'label');
	const own = (name: string) => {
		const found = child(element, name);
		return found ? textContent(text, found) : undefined;
	};
	const defaultItem = attr(text, element, 'defaultItem');
	const defaultChecked = attr(text, element, 'defaultChecked');
	return {
		kind,
		refId: attr(text, element, 'refId'),
		label: (labelElement ? textContent(text, labelElement) : kind === 'comboBox' ? '' : textContent(text, element)).trim() || undefined,
		defaultValue: own('defaultValue') ?? own('default') ?? attr(text, element, 'defaultValue'),
		defaultItem: defaultItem !== undefined && /^\d+$/.test(defaultItem) ? Number(defaultItem) : undefined,
		defaultChecked: defaultChecked === undefined ? undefined : defaultChecked === 'true' || defaultChecked === '1',
		suggestions: children(element, 'suggestion').map((s) => textContent(text, s)),
	};
}

/**
 * Reads an ADML file: its string table and its presentations, for the display names, explain
 * texts and control labels an ADMX refers to. Never throws; problems are listed.
 */
export function readAdml(text: string, start = 0, end = text.length): AdmlFile {
	const xml = parseXml(text, start, end);
	const problems: Problem[] = xml.problems.map((p) => ({ code: 'admx-syntax', span: { start: p.start, end: p.end }, message: p.message }));
	const root = rootElement(xml.nodes);
	if (!root || localName(root.name) !== 'policyDefinitionResources') {
		const span: Span = root?.nameSpan ?? { start, end: start };
		problems.push({ code: 'admx-syntax', span, message: `An ADML file's root element is <policyDefinitionResources>${root ? `, not <${root.name}>` : ''}.` });
		return { displayName: undefined, strings: new Map(), presentations: new Map(), problems };
	}
	const strings = new Map<string, string>();
	for (const element of at(root, 'resources', 'stringTable', 'string')) {
		strings.set(attr(text, element, 'id') ?? '', textContent(text, element));
	}
	const presentations = new Map<string, AdmlControl[]>();
	for (const element of at(root, 'resources', 'presentationTable', 'presentation')) {
		const controls = children(element).flatMap((c) => {
			const kind = localName(c.name) as AdmlControl['kind'];
			return CONTROLS.has(kind) ? [control(text, c, kind)] : [];
		});
		presentations.set(attr(text, element, 'id') ?? '', controls);
	}
	const displayName = child(root, 'displayName');
	return { displayName: displayName && textContent(text, displayName).trim(), strings, presentations, problems };
}

/** A `$(string.id)` reference resolved through the ADML; the reference as written when the ADML does not hold it. */
export function displayText(adml: AdmlFile | undefined, reference: string): string {
	const match = /^\$\(string\.([^)]*)\)$/.exec(reference.trim());
	return (match && adml?.strings.get(match[1])) ?? reference;
}

const NO_CONTROLS: readonly AdmlControl[] = [];

/** The controls a `$(presentation.id)` reference names. */
export function presentationOf(adml: AdmlFile | undefined, reference: string | undefined): readonly AdmlControl[] {
	const match = reference === undefined ? null : /^\$\(presentation\.([^)]*)\)$/.exec(reference.trim());
	return (match && adml?.presentations.get(match[1])) ?? NO_CONTROLS;
}

/**
 * Each presentation's controls by the element they show, the first of each, made on the first
 * lookup: completion and fixes look up the control of every element of a policy, and looking
 * through the controls for each costs the one times the other.
 */
const controlsByElement = new WeakMap<readonly AdmlControl[], ReadonlyMap<string, AdmlControl>>();

/** The control of the presentation `reference` names that shows the element `id`. */
export function controlFor(adml: AdmlFile | undefined, reference: string | undefined, id: string): AdmlControl | undefined {
	const controls = presentationOf(adml, reference);
	let byElement = controlsByElement.get(controls);
	if (!byElement) {
		const index = new Map<string, AdmlControl>();
		for (const control of controls) {
			if (control.refId !== undefined && !index.has(control.refId)) {
				index.set(control.refId, control);
			}
		}
		controlsByElement.set(controls, index);
		byElement = index;
	}
	return byElement.get(id);
}

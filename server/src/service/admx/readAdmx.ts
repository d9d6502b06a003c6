import type { Span } from '../text/span';
import { parseXml, type XmlElement } from '../xml/xmlParser';
import type { Problem } from '../problems/problem';
import type { RuleCode, Severity } from '../problems/rules';
import type {
	AdmxCategory, AdmxElement, AdmxFile, AdmxListItem, AdmxNamespace, AdmxPolicy, AdmxRef, AdmxRootNamespace, AdmxValue, PolicyClass,
} from './admxModel';
import { at, attr, attrSpan, child, children, localName, rootElement, textContent } from './xmlRead';

const ROOT_NAMESPACES: Readonly<Record<string, AdmxRootNamespace>> = {
	'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions': 'schemas-2006',
	'http://www.microsoft.com/GroupPolicy/PolicyDefinitions': 'microsoft',
};
const CLASSES: readonly PolicyClass[] = ['Machine', 'User', 'Both'];
const ELEMENT_KINDS = new Set(['text', 'multiText', 'decimal', 'longDecimal', 'boolean', 'enum', 'list']);

/** Schema defaults (Microsoft's ADMX schema reference) for attributes a file leaves out. */
const DEFAULTS = { maxLength: 1023, minValue: 0, maxValue: 9999 } as const;

/** Reads one ADMX file, from the whole text or the part of it between `start` and `end`. */
class AdmxReader {
	readonly problems: Problem[] = [];

	constructor(private readonly text: string) {}

	problem(span: Span, message: string, code: RuleCode = 'admx-syntax', severity?: Severity): void {
		this.problems.push({ code, span: { start: span.start, end: span.end }, message, ...(severity ? { severity } : {}) });
	}

	attr(element: XmlElement, name: string): string | undefined {
		return attr(this.text, element, name);
	}

	/** A required attribute; its absence is a problem on the element's name. */
	required(element: XmlElement, name: string): string {
		const value = this.attr(element, name);
		if (value === undefined || value === '') {
			this.problem(element.nameSpan, `<${localName(element.name)}> needs a ${name} attribute.`);
		}
		return value ?? '';
	}

	/**
	 * A `valueName`: required, but an empty one names the key's default value, which the Group
	 * Policy editor writes (Citrix Workspace's receiver.admx relies on it).
	 */
	valueName(element: XmlElement): string {
		const value = this.attr(element, 'valueName');
		if (value === undefined) {
			this.problem(element.nameSpan, `<${localName(element.name)}> needs a valueName attribute (valueName="" for the key's default value).`);
		}
		return value ?? '';
	}

	flag(element: XmlElement, name: string): boolean {
		const value = this.attr(element, name);
		if (value === undefined) {
			return false;
		}
		if (value !== 'true' && value !== 'false' && value !== '1' && value !== '0') {
			this.problem(attrSpan(element, name), `${name} is true or false, not "${value}".`);
		}
		return value === 'true' || value === '1';
	}

	number(element: XmlElement, name: string, fallback: number): number {
		const value = this.attr(element, name);
		if (value === undefined) {
			return fallback;
		}
		if (!/^\d+$/.test(value.trim())) {
			this.problem(attrSpan(element, name), `${name} is a whole number from 0 to 4294967295, not "${value}".`);
			return fallback;
		}
		return Number(value.trim());
	}

	ref(element: XmlElement | undefined): AdmxRef | undefined {
		if (!element) {
			return undefined;
		}
		const value = this.required(element, 'ref');
		const span = attrSpan(element, 'ref');
		const colon = value.indexOf(':');
		return { start: span.start, end: span.end, prefix: colon < 0 ? undefined : value.slice(0, colon), name: colon < 0 ? value : value.slice(colon + 1) };
	}

	/** `<decimal value>`, `<longDecimal value>`, `<string>text</string>` or `<delete/>`, the one child of `holder`. */
	value(holder: XmlElement | undefined): AdmxValue | undefined {
		if (!holder) {
			return undefined;
		}
		const [inner] = children(holder);
		switch (inner && localName(inner.name)) {
			case 'decimal':
				return { kind: 'decimal', value: this.number(inner, 'value', 0) };
			case 'longDecimal': {
				const value = this.required(inner, 'value').trim();
				if (!/^\d+$/.test(value)) {
					this.problem(attrSpan(inner, 'value'), `A longDecimal value is a whole number, not "${value}".`);
				}
				return { kind: 'longDecimal', value };
			}
			case 'string':
				return { kind: 'string', value: textContent(this.text, inner) };
			case 'delete':
				return { kind: 'delete' };
			default:
				this.problem(holder.nameSpan, `<${localName(holder.name)}> holds one of <decimal>, <longDecimal>, <string> or <delete/>.`);
				return undefined;
		}
	}

	/** The items of an enabledList, disabledList, valueList, trueList or falseList; `key` is where the items of no key of their own write. */
	list(holder: XmlElement | undefined, key: string, keySpan: Span): AdmxListItem[] {
		if (!holder) {
			return [];
		}
		const defaultKey = this.attr(holder, 'defaultKey');
		const listKey = defaultKey ?? key;
		const listKeySpan = defaultKey === undefined ? keySpan : attrSpan(holder, 'defaultKey');
		return children(holder, 'item').flatMap((item) => {
			const value = this.value(child(item, 'value'));
			const own = this.attr(item, 'key');
			return value ? [{ key: own ?? listKey, keySpan: own === undefined ? listKeySpan : attrSpan(item, 'key'), valueName: this.valueName(item), value }] : [];
		});
	}

	element(element: XmlElement, policyKey: string, policyKeySpan: Span): AdmxElement | undefined {
		const type = localName(element.name);
		if (!ELEMENT_KINDS.has(type)) {
			this.problem(element.nameSpan, `<${type}> is not an ADMX element: use text, multiText, decimal, longDecimal, boolean, enum or list.`);
			return undefined;
		}
		const base = {
			start: element.start,
			end: element.end,
			id: this.required(element, 'id'),
			key: this.attr(element, 'key') ?? policyKey,
			keySpan: this.attr(element, 'key') === undefined ? policyKeySpan : attrSpan(element, 'key'),
			soft: this.flag(element, 'soft'),
		};
		const valueName = () => this.valueName(element);
		switch (type) {
			case 'text':
				return { ...base, type, valueName: valueName(), required: this.flag(element, 'required'), maxLength: this.number(element, 'maxLength', DEFAULTS.maxLength), expandable: this.flag(element, 'expandable') };
			case 'multiText':
				return { ...base, type, valueName: valueName(), required: this.flag(element, 'required'), maxLength: this.number(element, 'maxLength', DEFAULTS.maxLength), maxStrings: this.number(element, 'maxStrings', 0) };
			case 'decimal':
			case 'longDecimal':
				return {
					...base,
					type,
					valueName: valueName(),
					required: this.flag(element, 'required'),
					minValue: this.number(element, 'minValue', DEFAULTS.minValue),
					maxValue: this.number(element, 'maxValue', DEFAULTS.maxValue),
					storeAsText: this.flag(element, 'storeAsText'),
				};
			case 'boolean':
				return {
					...base,
					type,
					valueName: valueName(),
					trueValue: this.value(child(element, 'trueValue')),
					falseValue: this.value(child(element, 'falseValue')),
					trueList: this.list(child(element, 'trueList'), base.key, base.keySpan),
					falseList: this.list(child(element, 'falseList'), base.key, base.keySpan),
				};
			case 'enum': {
				const items = children(element, 'item').flatMap((item) => {
					const value = this.value(child(item, 'value'));
					return value ? [{ start: item.start, end: item.end, displayName: this.required(item, 'displayName'), value, valueList: this.list(child(item, 'valueList'), base.key, base.keySpan) }] : [];
				});
				if (items.length === 0) {
					this.problem(element.nameSpan, `The enum ${base.id} has no item.`);
				}
				return { ...base, type, valueName: valueName(), required: this.flag(element, 'required'), items };
			}
			default: {
				const valuePrefix = this.attr(element, 'valuePrefix');
				const explicitValue = this.flag(element, 'explicitValue');
				if (explicitValue && valuePrefix !== undefined) {
					this.problem(attrSpan(element, 'valuePrefix'), `The list ${base.id} has both explicitValue and valuePrefix, which the ADMX schema does not allow together; entries are read as explicit name/value pairs.`, 'admx-schema');
				}
				return { ...base, type: 'list', valuePrefix, explicitValue, additive: this.flag(element, 'additive'), expandable: this.flag(element, 'expandable') };
			}
		}
	}

	policy(element: XmlElement): AdmxPolicy {
		const name = this.required(element, 'name');
		const classText = this.required(element, 'class');
		const policyClass = CLASSES.find((c) => c === classText);
		if (classText !== '' && !policyClass) {
			this.problem(attrSpan(element, 'class'), `class is Machine, User or Both, not "${classText}".`);
		}
		const key = this.required(element, 'key');
		const keySpan = attrSpan(element, 'key');
		const elements: AdmxElement[] = [];
		const ids = new Set<string>();
		for (const inner of at(element, 'elements').flatMap((holder) => children(holder))) {
			const read = this.element(inner, key, keySpan);
			if (!read) {
				continue;
			}
			if (ids.has(read.id)) {
				this.problem(inner.nameSpan, `The policy ${name} has two elements with the id ${read.id}; ids are unique within a policy.`);
			}
			ids.add(read.id);
			elements.push(read);
		}
		return {
			start: element.start,
			end: element.end,
			name,
			nameSpan: attrSpan(element, 'name'),
			class: policyClass ?? 'Both',
			displayName: this.required(element, 'displayName'),
			explainText: this.attr(element, 'explainText'),
			presentation: this.attr(element, 'presentation'),
			key,
			keySpan,
			valueName: this.attr(element, 'valueName'),
			enabledValue: this.value(child(element, 'enabledValue')),
			disabledValue: this.value(child(element, 'disabledValue')),
			enabledList: this.list(child(element, 'enabledList'), key, keySpan),
			disabledList: this.list(child(element, 'disabledList'), key, keySpan),
			parentCategory: this.ref(child(element, 'parentCategory')),
			supportedOn: this.ref(child(element, 'supportedOn')),
			elements,
		};
	}

	category(element: XmlElement): AdmxCategory {
		const displayName = this.attr(element, 'displayName');
		if (displayName === undefined) {
			// Microsoft's own ingestion example has such categories: devices do without, the Group Policy editor does not.
			this.problem(element.nameSpan, 'This category has no displayName, which the Group Policy editor needs to show it; MDM ingestion does without.', 'admx-schema');
		}
		return {
			start: element.start,
			end: element.end,
			name: this.required(element, 'name'),
			displayName: displayName ?? '',
			explainText: this.attr(element, 'explainText'),
			parentCategory: this.ref(child(element, 'parentCategory')),
		};
	}

	namespace(element: XmlElement): AdmxNamespace {
		return { prefix: this.required(element, 'prefix'), namespace: this.required(element, 'namespace'), span: { start: element.start, end: element.end } };
	}
}

/**
 * Reads an ADMX file into its model. The text between `start` and `end` is the file: an ADMX
 * carried inside a SyncML `<Data>` is read in place, so every span points into the carrier. The
 * reading never throws; what is wrong is in `problems`, and the rest is read.
 */
export function readAdmx(text: string, start = 0, end = text.length): AdmxFile {
	const xml = parseXml(text, start, end);
	const reader = new AdmxReader(text);
	for (const problem of xml.problems) {
		reader.problem(problem, problem.message);
	}
	const root = rootElement(xml.nodes);
	const empty: AdmxFile = { rootNamespace: 'none', revision: undefined, target: undefined, using: [], minRequiredRevision: undefined, fallbackCulture: undefined, supportedOn: new Map(), categories: new Map(), policies: [], root: { start, end: start }, problems: reader.problems };
	if (!root || localName(root.name) !== 'policyDefinitions') {
		reader.problem(root?.nameSpan ?? { start, end: start }, `An ADMX file's root element is <policyDefinitions>${root ? `, not <${root.name}>` : ''}.`);
		return empty;
	}
	const xmlns = attr(text, root, 'xmlns');
	const resources = child(root, 'resources');
	const supportedOn = new Map<string, string>();
	for (const definition of at(root, 'supportedOn', 'definitions', 'definition')) {
		supportedOn.set(reader.required(definition, 'name'), reader.required(definition, 'displayName'));
	}
	const categories = new Map<string, AdmxCategory>();
	for (const element of at(root, 'categories', 'category')) {
		const category = reader.category(element);
		if (categories.has(category.name)) {
			reader.problem(attrSpan(element, 'name'), `A second category named ${category.name}; category names are unique within a file.`);
		}
		categories.set(category.name, category);
	}
	const policies: AdmxPolicy[] = [];
	const names = new Set<string>();
	for (const element of at(root, 'policies', 'policy')) {
		const policy = reader.policy(element);
		if (names.has(policy.name)) {
			reader.problem(policy.nameSpan, `A second policy named ${policy.name}; policy names are unique within a namespace.`);
		}
		names.add(policy.name);
		policies.push(policy);
	}
	return {
		rootNamespace: xmlns === undefined ? 'none' : ROOT_NAMESPACES[xmlns] ?? 'other',
		revision: attr(text, root, 'revision'),
		target: at(root, 'policyNamespaces', 'target').map((t) => reader.namespace(t))[0],
		using: at(root, 'policyNamespaces', 'using').map((u) => reader.namespace(u)),
		minRequiredRevision: resources && attr(text, resources, 'minRequiredRevision'),
		fallbackCulture: resources && attr(text, resources, 'fallbackCulture'),
		supportedOn,
		categories,
		policies,
		root: { start: root.start, end: root.end },
		problems: reader.problems,
	};
}

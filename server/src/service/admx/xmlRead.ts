import { decodeEntities } from '../xml/entities';
import { childElements, type XmlElement, type XmlNode } from '../xml/xmlParser';

/**
 * Reading helpers for ADMX and ADML trees. Real files put their elements in one of three
 * namespaces, or none, and some prefix them, so elements are matched by local name.
 */

export function localName(name: string): string {
	const colon = name.indexOf(':');
	return colon < 0 ? name : name.slice(colon + 1);
}

export function children(element: XmlElement, name?: string): XmlElement[] {
	return childElements(element).filter((c) => name === undefined || localName(c.name) === name);
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
	return children(element, name)[0];
}

/** The first top-level element, the document's root. */
export function rootElement(nodes: readonly XmlNode[]): XmlElement | undefined {
	return nodes.find((n): n is XmlElement => n.kind === 'element');
}

/** An attribute's value with references decoded; undefined when it is absent. */
export function attr(text: string, element: XmlElement, name: string): string | undefined {
	const found = element.attributes.find((a) => a.name === name);
	return found?.valueSpan ? decodeEntities(text, found.valueSpan.start, found.valueSpan.end).value : found ? '' : undefined;
}

/** The span of an attribute's value (or of the element's name when the attribute is absent), for problems. */
export function attrSpan(element: XmlElement, name: string): { start: number; end: number } {
	return element.attributes.find((a) => a.name === name)?.valueSpan ?? element.nameSpan;
}

/** The element's text content, references decoded and CDATA taken as is. */
export function textContent(text: string, element: XmlElement): string {
	let value = '';
	for (const node of element.children) {
		if (node.kind === 'text') {
			value += decodeEntities(text, node.start, node.end).value;
		} else if (node.kind === 'cdata') {
			value += text.slice(node.content.start, node.content.end);
		} else if (node.kind === 'element') {
			value += textContent(text, node);
		}
	}
	return value;
}

/** The elements at the end of a path of child names: `at(root, 'policies', 'policy')`. */
export function at(element: XmlElement, ...path: string[]): XmlElement[] {
	let level = [element];
	for (const name of path) {
		level = level.flatMap((e) => children(e, name));
	}
	return level;
}

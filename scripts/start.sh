#!/usr/bin/env bash
# Runs the product: installs what is missing, builds the extension and opens it in a real VS Code
# (your desktop `code` when it is on PATH, else code-server in the browser), against your
# kubeconfig or, when none is configured, a local sandbox cluster. Options: bash scripts/start.sh --help
set -euo pipefail
cd "$(dirname "$0")/.."

# --help and --stop start nothing: skip the installs below when the dependencies are there.
for arg in "$@"; do
  case "$arg" in
    -h|--help|--stop) [ -d node_modules/tsx ] && exec node --import tsx scripts/start.ts "$@" ;;
  esac
done

need=()
command -v redis-server >/dev/null || need+=(redis-server)
command -v redis-sentinel >/dev/null || need+=(redis-sentinel)
command -v redis-cli >/dev/null || need+=(redis-tools)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Missing Debian packages; install them and run this again:" >&2
    echo "  sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi

if ! node scripts/deps-current.mjs; then
  npm ci --no-audit --no-fund
fi

exec node --import tsx scripts/start.ts "$@"

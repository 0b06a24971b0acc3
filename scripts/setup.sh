#!/usr/bin/env bash
# One-time (idempotent) set-up for beamjs on Debian 12 with Node 20:
#   - Erlang/OTP and Elixir from Debian when `erlc`/`elixirc` (or any OTP application
#     the tests read) is missing;
#   - npm packages when node_modules is missing or stale;
#   - the TypeScript build (dist/).
# Every README command calls this first, so a fresh clone needs nothing by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: the whole of OTP (every lib/*/ebin the tests read), Elixir, and
# rebar3 (an archive escript the tests run on beamjs).
OTP_PACKAGES=(erlang-base erlang-dev erlang-src erlang-nox erlang-tools erlang-common-test
  erlang-debugger erlang-dialyzer erlang-et erlang-megaco erlang-observer erlang-reltool
  erlang-wx erlang-jinterface elixir rebar3)
missing=()
for p in "${OTP_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing from Debian: ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages (lockfile-exact when a lockfile is present).
stamp=node_modules/.beamjs-installed
if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || { [ -f package-lock.json ] && [ package-lock.json -nt "$stamp" ]; }; then
  echo "setup: installing npm packages" >&2
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
  touch "$stamp"
fi

# Build: the TypeScript, and the runtime's own Erlang modules (runtime/erl).
npx tsc -p tsconfig.json
mkdir -p dist/erl
erlc -o dist/erl runtime/erl/*.erl

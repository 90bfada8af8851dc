#!/usr/bin/env bash
# Installs what panya needs to build and test on a fresh Debian machine, only when missing:
# the C libraries (libedit, SQLite, libjpeg, libpng, libqrencode), tmux for the REPL tests, and the test
# peers from PyPI (moto's server, the AWS CLI and boto3). Safe to run again: it checks first.
set -euo pipefail

with_peers=0
[ "${1:-}" = "--test-peers" ] && with_peers=1

need=(libedit-dev libsqlite3-dev libjpeg-dev libpng-dev libqrencode-dev)
[ "$with_peers" = 1 ] && need+=(tmux)
missing=()
for pkg in "${need[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "panya setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "$with_peers" = 1 ]; then
  if ! python3 -c 'import moto.server, flask, flask_cors' >/dev/null 2>&1; then
    echo "panya setup: installing moto[server]" >&2
    python3 -m pip install -q 'moto[server]'
  fi
  if ! command -v aws >/dev/null 2>&1; then
    echo "panya setup: installing awscli" >&2
    python3 -m pip install -q awscli
  fi
  if ! python3 -c 'import boto3' >/dev/null 2>&1; then
    echo "panya setup: installing boto3" >&2
    python3 -m pip install -q boto3
  fi
fi

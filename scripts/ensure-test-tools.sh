#!/usr/bin/env bash
# The browser tests need Debian's Chromium, CJK fonts and nginx; install them when absent so a fresh machine needs no
# hidden step. (Never `npx playwright install`: this machine reaches only npm and Debian.)
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# tests/e2e/nginx.spec.ts serves the build with deploy/nginx.conf on Debian's nginx.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
# `--bench`: `npm run bench` also reads the narration's durations with ffmpeg's ffprobe.
if [ "${1:-}" = "--bench" ]; then
  command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "test tools: present"
  exit 0
fi
echo "test tools: installing ${missing[*]} with apt-get"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
command -v chromium >/dev/null 2>&1 || { echo "chromium is still missing after apt-get install" >&2; exit 1; }
[ -x /usr/sbin/nginx ] || { echo "nginx is still missing after apt-get install" >&2; exit 1; }

#!/usr/bin/env bash
# The browser tests need Debian's Chromium, CJK fonts and nginx, and the pronunciation tests the speech synthesisers
# (espeak-ng, Festival with its HTS voice); install them when absent so a fresh machine needs no hidden step.
# (Never `npx playwright install`: this machine reaches only npm and Debian.)
# `--narration`: only what `npm run narration` needs: the synthesisers and ffmpeg.
set -euo pipefail
missing=()
need_speech() {
  command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
  command -v festival >/dev/null 2>&1 || missing+=(festival)
  dpkg -s festvox-us-slt-hts >/dev/null 2>&1 || missing+=(festvox-us-slt-hts)
}
case "${1:-}" in
  --narration)
    need_speech
    command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
    ;;
  *)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
    # tests/e2e/nginx.spec.ts serves the build with deploy/nginx.conf on Debian's nginx.
    [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
    need_speech
    ;;
esac
if [ ${#missing[@]} -eq 0 ]; then
  echo "tools: present"
  exit 0
fi
echo "tools: installing ${missing[*]} with apt-get"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
speech=()
others=()
for tool in "${missing[@]}"; do
  case "$tool" in
    festival | festvox-us-slt-hts) speech+=("$tool") ;;
    *) others+=("$tool") ;;
  esac
done
[ ${#others[@]} -eq 0 ] || $SUDO apt-get install -y -qq "${others[@]}" >/dev/null
# --no-install-recommends keeps Festival from pulling in a sound server and extra voices.
[ ${#speech[@]} -eq 0 ] || $SUDO apt-get install -y -qq --no-install-recommends "${speech[@]}" >/dev/null
for tool in "${missing[@]}"; do
  case "$tool" in
    festvox-us-slt-hts | fonts-noto-cjk) dpkg -s "$tool" >/dev/null 2>&1 ;;
    nginx-light) [ -x /usr/sbin/nginx ] ;;
    *) command -v "$tool" >/dev/null 2>&1 ;;
  esac || { echo "$tool is still missing after apt-get install" >&2; exit 1; }
done

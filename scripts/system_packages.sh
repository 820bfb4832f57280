#!/usr/bin/env bash
# What the tests need from the system, installed where it is missing: `make test` and .ci/run
# both call this, so that a fresh machine needs nothing but the README's two commands.
#   Chromium (the browser tests) and the fonts its pages are measured in; nginx (the hosting
#   tests serve the site with it); LibreOffice Calc (the spreadsheet tests open the .xlsx
#   downloads); Node.js and npm where there are none (the citation tests run citation-js); a
#   Python 3.11-3.13 with venv where there is none (Debian 12's python3 is 3.11); the thesis
#   tools the citations are checked with: biber, XeLaTeX with biblatex-gost and Russian, Pandoc
#   (without their recommended packages: about 760 MB rather than 2 GB); epubcheck, which checks
#   the EPUBs.
# On Debian or Ubuntu it installs with apt-get as root, or with sudo when that asks no password;
# otherwise it says in one line what to install, and fails.
set -euo pipefail

packages=(chromium fonts-liberation fonts-dejavu-core nginx libreoffice-calc-nogui)
lean=(biber pandoc texlive-xetex texlive-bibtex-extra texlive-lang-cyrillic epubcheck)  # --no-install-recommends
commands=(chromium nginx soffice biber pandoc xelatex epubcheck)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
python_ok() { "$1" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null; }
found=""
for candidate in python3 python3.13 python3.12 python3.11; do
  if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then found=$candidate; break; fi
done
if [ -z "$found" ]; then
  packages+=(python3 python3-venv)
elif [ "$(command -v "$found")" = /usr/bin/python3 ]; then
  packages+=(python3-venv)  # Debian's python3 makes no venv without it
fi

if ! command -v dpkg >/dev/null 2>&1; then  # not Debian: only say what is missing
  absent=()
  for name in "${commands[@]}" npm; do command -v "$name" >/dev/null 2>&1 || absent+=("$name"); done
  if [ ${#absent[@]} -gt 0 ] || [ -z "$found" ]; then
    echo "missing for the tests: ${absent[*]} ${found:-python3.11-3.13}; install them (Chromium, nginx, LibreOffice Calc, Node.js with npm, Python 3.11-3.13, biber, XeLaTeX with biblatex-gost, Pandoc, epubcheck)" >&2
    exit 1
  fi
  exit 0
fi
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
missing_lean=()
for package in "${lean[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing_lean+=("$package")
done
[ ${#missing[@]} -eq 0 ] && [ ${#missing_lean[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "missing Debian packages for the tests; run: sudo apt-get install -y ${missing[*]} ${missing_lean[*]}" >&2
  exit 1
fi
echo "installing what the tests need: ${missing[*]} ${missing_lean[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null; fi
if [ ${#missing_lean[@]} -gt 0 ]; then
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing_lean[@]}" >/dev/null
fi

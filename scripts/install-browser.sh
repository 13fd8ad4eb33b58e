#!/usr/bin/env bash
# Installs the headless browser used by the dashboard's real-browser test (DashboardBrowserIT):
# Debian's chromium and its matching chromedriver. Selenium Manager cannot download drivers here
# (no internet), so the test points at /usr/bin/chromium and /usr/bin/chromedriver.
# Idempotent: exits 0 at once when both are already installed.
set -euo pipefail

installed() {
    command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1
}

if installed; then
    echo "install-browser: chromium and chromedriver already installed ($(chromium --version 2>/dev/null | head -1))"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-browser: not root and no sudo: install the Debian packages 'chromium chromium-driver' first" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium chromium-driver

if ! installed; then
    echo "install-browser: chromium or chromedriver still missing after apt-get install" >&2
    exit 1
fi
echo "install-browser: installed $(chromium --version 2>/dev/null | head -1), $(chromedriver --version | head -1)"

# Shared by tools/run and tools/test: installs what is missing from Debian's
# packages, then configures and builds incrementally into build/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
packages=(g++ cmake make pkg-config libpoco-dev libboost-dev libgtest-dev libpq-dev libsqlite3-dev libssl-dev openssl curl)
# tools/test sets browser_tests=1: the admin console's test drives Debian's
# headless Chromium with playwright-core from npm (tests/browser/).
if [ "${browser_tests:-0}" = 1 ]; then
  packages+=(chromium fonts-wqy-microhei)  # a CJK font for readable screenshots
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi
# tools/test sets postgresql_tests=1: the suite also runs on a throwaway
# PostgreSQL server (tools/test_postgresql.sh).
if [ "${postgresql_tests:-0}" = 1 ]; then
  packages+=(postgresql)
fi
if [ "${test_diagnostics:-0}" = 1 ]; then
  packages+=(gdb)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ "${browser_tests:-0}" = 1 ]; then
  # npm ci only when package-lock.json changed since the last install.
  browser="$root/tests/browser"
  if ! cmp -s "$browser/package-lock.json" "$browser/node_modules/.paynext-installed-lock"; then
    (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$browser/package-lock.json" "$browser/node_modules/.paynext-installed-lock"
  fi
fi
build="$root/build"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" -j"$(nproc)"

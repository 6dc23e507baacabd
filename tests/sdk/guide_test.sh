#!/usr/bin/env bash
# Follows sdk/README.md word for word: every ```sh block right after a line
# "<!-- guide-test -->" runs, in order, in one bash (errexit, pipefail), from a
# checkout of this tree whose build/ is the given build folder, with HOME a
# fresh folder. A line "# => TEXT" in such a block is what the commands
# before it print: each must appear in the output, in that order.
# Usage: guide_test.sh <source dir> <build dir>
set -euo pipefail
src="$(cd "$1" && pwd)" build="$(cd "$2" && pwd)"
guide="$src/sdk/README.md"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
[ -n "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ] && export CCACHE_BASEDIR="$tmp"
fail() { echo "FAIL: $*"; exit 1; }

# The blocks, each announced on stderr with its line in the guide.
awk -v guide="$guide" '
  /^<!-- guide-test -->$/ { marked = NR; next }
  marked && NR == marked + 1 {
    if ($0 != "```sh") { printf "%s:%d: a guide-test marker not followed by ```sh\n", guide, marked > "/dev/stderr"; exit 2 }
    inside = 1; blocks++; printf "echo \"--- guide block %d (README.md line %d)\" >&2\n", blocks, NR; next
  }
  inside && /^```$/ { inside = 0; marked = 0; next }
  inside { print }
  END { if (inside) { print "unterminated guide-test block" > "/dev/stderr"; exit 2 } if (blocks < 5) { printf "only %d guide-test blocks\n", blocks > "/dev/stderr"; exit 2 } }
' "$guide" >"$tmp/blocks.sh" || fail "cannot read the guide's blocks"
sed -n 's/^ *# => //p' "$tmp/blocks.sh" >"$tmp/expected"

{
  echo 'set -euo pipefail'
  echo 'trap '\''kill $(jobs -p) 2>/dev/null; wait'\'' EXIT'  # a server the guide started and did not stop
  cat "$tmp/blocks.sh"
} >"$tmp/guide.sh"

# A checkout of this tree: its files, and build/ the build folder under test.
mkdir "$tmp/checkout" "$tmp/home"
for entry in "$src"/* "$src"/.[!.]*; do
  [ -e "$entry" ] && [ "$(basename "$entry")" != build ] && ln -s "$entry" "$tmp/checkout/"
done
ln -s "$build" "$tmp/checkout/build"

if ! (cd "$tmp/checkout" && HOME="$tmp/home" bash "$tmp/guide.sh") >"$tmp/output" 2>&1; then
  cat "$tmp/output"
  [ -f "$tmp/home/paynextd.log" ] && { echo "--- paynextd.log"; cat "$tmp/home/paynextd.log"; }
  fail "a command of the guide failed (above)"
fi
# Each "# =>" text appears in the output, after the one before it.
rest="$(cat "$tmp/output")"
while IFS= read -r text; do
  case "$rest" in
    *"$text"*) rest="${rest#*"$text"}" ;;
    *) cat "$tmp/output"; fail "the guide says a command prints: $text" ;;
  esac
done <"$tmp/expected"
echo "sdk/README.md: $(grep -c "^echo \"--- guide block" "$tmp/blocks.sh") blocks ran as written, $(wc -l <"$tmp/expected") answers as shown"

#!/usr/bin/env bash
# Installs the SDK into a temporary prefix, builds sdk/template against it out
# of tree, and checks that a running paynextd loads the result and serves its
# route; then scaffolds a plugin with tools/new-plugin and builds it the same
# way. Usage: out_of_tree_test.sh <build dir> <paynextd>
set -euo pipefail
build="$1" paynextd="$2"
tmp="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cmake -S "$tmp/prefix/share/paynext/sdk-template" -B "$tmp/plugin" -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/plugin" >/dev/null
test -f "$tmp/plugin/paynext_hello.so" || { echo "FAIL: template did not build paynext_hello.so"; exit 1; }

cat > "$tmp/p.properties" <<PROPS
http.port = 0
http.portFile = $tmp/port
storage.url = sqlite:$tmp/db
plugins.dir = $tmp/plugin
admin.token = t
PROPS
"$paynextd" --config="$tmp/p.properties" >"$tmp/log" 2>&1 &
server=$!
for _ in $(seq 300); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port="$(cat "$tmp/port")"
grep -q "loaded module hello 0.1.0 (示例模块) types \[1000\]" "$tmp/log" || { echo "FAIL: not loaded"; cat "$tmp/log"; exit 1; }
auth=(-H "Authorization: Bearer t" -H "Content-Type: application/json")
curl -fsS "${auth[@]}" -d '{"name":"f","title":"F"}' "http://127.0.0.1:$port/admin/api/factories" >/dev/null
curl -fsS "${auth[@]}" -X PUT -d '{"enabled":true}' "http://127.0.0.1:$port/admin/api/factories/f/modules/hello" >/dev/null
answer="$(curl -fsS "http://127.0.0.1:$port/f/hello/ping")"
[ "$answer" = '{"code":0,"data":"pong","msg":"success"}' ] || { echo "FAIL: ping answered $answer"; exit 1; }

"$(dirname "$0")/../../tools/new-plugin" blind_box "$tmp/blind_box" >/dev/null
cmake -S "$tmp/blind_box" -B "$tmp/blind_box/build" -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/blind_box/build" >/dev/null
symbols="$(nm -D --defined-only "$tmp/blind_box/build/paynext_blind_box.so")"
for s in paynext_abi_stamp paynext_create_module; do
  grep -q " $s\$" <<<"$symbols" || { echo "FAIL: scaffolded plugin does not export $s"; exit 1; }
done
echo "out-of-tree plugins built against the installed SDK; the template's is served by paynextd"

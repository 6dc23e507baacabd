#!/usr/bin/env bash
# The SDK as a third party sees it. Installs the SDK on its own (cmake -S sdk,
# none of the server's dependencies), builds the installed template out of
# tree and runs its unit test; scaffolds a plugin with the installed
# paynext-new-plugin, builds it and runs its test; then checks that a running
# paynextd loads the template's plugin and serves its User and Admin routes.
# Usage: out_of_tree_test.sh <source dir> <paynextd>
set -euo pipefail
src="$1" paynextd="$2"
tmp="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
# A compiler launcher (ccache) given by the build that runs this test is used
# for the plugins' builds too; paths under $tmp then hash alike from run to run.
[ -n "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ] && export CCACHE_BASEDIR="$tmp"

fail() { echo "FAIL: $*"; exit 1; }
# Runs a command quietly; shows its output when it fails.
quiet() { "$@" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "$*"; }; }

prefix="$tmp/prefix"
quiet cmake -S "$src/sdk" -B "$tmp/sdk-build"
quiet cmake --install "$tmp/sdk-build" --prefix "$prefix"
for f in bin/paynext-new-plugin lib/cmake/PaynextSDK/PaynextSDKConfig.cmake share/paynext/sdk-template/CMakeLists.txt \
         share/doc/paynext-sdk/README.md include/paynext/sdk/testing/harness.h; do
  [ -e "$prefix/$f" ] || fail "the SDK's install has no $f"
done
# Standalone means standalone: nothing of the server's own dependencies was looked for.
if grep -E '^(PocoNet|PocoNetSSL|PocoUtil|PocoCrypto|OpenSSL)[A-Za-z_]*:' "$tmp/sdk-build/CMakeCache.txt"; then
  fail "the SDK's standalone configure looked for the server's dependencies"
fi

# Builds a plugin project against the installed SDK and runs its tests through ctest.
build_and_test() {
  quiet cmake -S "$1" -B "$1/build" -DCMAKE_PREFIX_PATH="$prefix"
  quiet cmake --build "$1/build" -j2
  quiet ctest --test-dir "$1/build" --output-on-failure
  grep -q "100% tests passed" "$tmp/out" || { cat "$tmp/out"; fail "$1: not every test passed"; }
}

cp -r "$prefix/share/paynext/sdk-template" "$tmp/hello"
build_and_test "$tmp/hello"
[ -f "$tmp/hello/build/paynext_hello.so" ] || fail "the template did not build paynext_hello.so"

quiet "$prefix/bin/paynext-new-plugin" --type 1001 blind_box "$tmp/blind_box"
[ -f "$tmp/blind_box/test/blind_box_test.cc" ] || fail "paynext-new-plugin made no test"
grep -q "kGreetType = 1001;" "$tmp/blind_box/src/blind_box_module.h" || fail "--type 1001 was not applied"
build_and_test "$tmp/blind_box"
symbols="$(nm -D --defined-only "$tmp/blind_box/build/paynext_blind_box.so")"
for s in paynext_abi_stamp paynext_create_module; do
  grep -q " $s\$" <<<"$symbols" || fail "the scaffolded plugin does not export $s"
done

cat > "$tmp/p.properties" <<PROPS
http.port = 0
http.portFile = $tmp/port
storage.url = sqlite:$tmp/db
plugins.dir = $tmp/hello/build
admin.token = t
identity.passwordIterations = 1000
PROPS
"$paynextd" --config="$tmp/p.properties" >"$tmp/log" 2>&1 &
server=$!
for _ in $(seq 300); do [ -s "$tmp/port" ] && break; sleep 0.1; done
[ -s "$tmp/port" ] || { cat "$tmp/log"; fail "paynextd did not start"; }
base="http://127.0.0.1:$(cat "$tmp/port")"
grep -q "loaded module hello 0.1.0 (示例模块) types \[1000\]" "$tmp/log" || { cat "$tmp/log"; fail "not loaded"; }

# expect NAME ANSWER EXPECTED: the whole answer, byte for byte.
expect() { [ "$2" = "$3" ] || fail "$1 answered $2, expected $3"; }
auth=(-H "Authorization: Bearer t" -H "Content-Type: application/json")
curl -fsS "${auth[@]}" -d '{"name":"f","title":"F"}' "$base/admin/api/factories" >/dev/null
curl -fsS -d 'mobile=13800000000&pwd=secret1' "$base/f/user/m/register" >/dev/null
token="$(curl -fsS -d 'mobile=13800000000&pwd=secret1' "$base/f/user/m/login" | sed -E 's/.*"token":"([^"]+)".*/\1/')"
answer="$(curl -fsS -d "token=$token&greeting=hi" "$base/f/hello/greet")"
[[ "$answer" == '{"code":404,"data":null,"msg":"模块「示例模块」未启用,'* ]] ||
  fail "the User route of a disabled module answered $answer"
curl -fsS "${auth[@]}" -X PUT -d '{"enabled":true}' "$base/admin/api/factories/f/modules/hello" >/dev/null

expect "the User route" "$(curl -fsS -d "token=$token" --data-urlencode 'greeting=你好' "$base/f/hello/greet")" \
  '{"code":0,"data":{"greeting":"你好","id":1},"msg":"success"}'
expect "the User route without a token" "$(curl -fsS -d 'greeting=hi' "$base/f/hello/greet")" \
  '{"code":2000,"data":null,"msg":"请先登录"}'
expect "the User route without a greeting" "$(curl -fsS -d "token=$token" "$base/f/hello/greet")" \
  '{"code":300,"data":null,"msg":"缺少参数 greeting"}'
answer="$(curl -fsS "${auth[@]}" "$base/admin/api/factories/f/modules/hello/greetings")"
[[ "$answer" =~ ^\[\{\"createdAt\":[0-9]+,\"fee\":0,\"greeting\":\"你好\",\"id\":1,\"userId\":1\}\]$ ]] ||
  fail "the Admin route answered $answer"
echo "the SDK installed on its own; the template and a scaffolded plugin built and passed their tests out of tree;"
echo "paynextd loaded the template's plugin and served its User and Admin routes"

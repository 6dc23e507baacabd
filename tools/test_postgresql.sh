# Sourced by tools/test (and tools/bench/run): starts a throwaway PostgreSQL
# server on a loopback port and exports PAYNEXT_TEST_POSTGRESQL (a libpq
# connection string); the server and its files go when the calling shell
# exits. For the suite durability is off (fsync, synchronous_commit): the data
# dies with the run. With pg_durable=1 (the bench) the server keeps its
# defaults, so commits cost what they cost in production.
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$pg_bin" ]; then
  echo "tools/test: PostgreSQL's server programs are missing (Debian package postgresql)" >&2
  exit 1
fi
pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/paynext-pg.XXXXXX")"
pg_as=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root: the cluster belongs to an unprivileged user.
  chown nobody "$pg_dir"
  pg_as=(runuser -u nobody --)
fi
pg_stop() {
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap pg_stop EXIT
"${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U paynext --auth=trust -E UTF8 --no-locale >"$pg_dir/initdb.log" 2>&1 ||
  { cat "$pg_dir/initdb.log" >&2; exit 1; }
pg_speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${pg_durable:-0}" = 1 ] && pg_speed=""
pg_port=""
for attempt in 1 2 3 4 5 6 7 8; do
  port=$((20000 + RANDOM % 40000))
  if "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 start \
       -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 $pg_speed" >/dev/null 2>&1; then
    pg_port=$port
    break
  fi
done
if [ -z "$pg_port" ]; then
  echo "tools/test: the throwaway PostgreSQL did not start:" >&2
  tail -20 "$pg_dir/server.log" >&2
  exit 1
fi
export PAYNEXT_TEST_POSTGRESQL="host=127.0.0.1 port=$pg_port user=paynext dbname=postgres"
echo "tools/test: throwaway PostgreSQL on 127.0.0.1:$pg_port ($pg_dir)"

#!/usr/bin/env bash
# Starts and stops a throwaway PostgreSQL 15 cluster in a folder, listening only on a Unix socket in that folder.
# As root, the cluster runs as the `postgres` user (PostgreSQL refuses to run as root).
#   cluster.sh start DIR PORT    initialise (if needed) and start; prints nothing else on success
#   cluster.sh stop DIR          stop (immediately) if running
#   cluster.sh crashes DIR       exit 1 if the server log shows a backend terminated by a signal
# SYNTHGEN_PG_OPTIONS adds server options (the default turns fsync off: these clusters are throwaway).
set -euo pipefail

bindir=$(pg_config --bindir)
command=${1:?usage: cluster.sh start DIR PORT | stop DIR | crashes DIR}
dir=${2:?cluster folder}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The postgres user must be able to reach the folder: grant search (x) permission on each parent as needed.
grant_access() {
  [ "$(id -u)" -eq 0 ] || return 0
  chown postgres: "$dir"
  local path=$dir
  while [ "$path" != "/" ]; do
    path=$(dirname "$path")
    if ! runuser -u postgres -- test -x "$path"; then
      echo "cluster.sh: granting the postgres user search permission on $path"
      chmod o+x "$path"
    fi
  done
}

case "$command" in
  start)
    port=${3:?port}
    grant_access
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses='' -c max_connections=40 ${SYNTHGEN_PG_OPTIONS--c fsync=off}" start >/dev/null \
      || { tail -20 "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    ;;
  crashes)
    if grep -E "terminated by signal|was terminated by exception" "$dir/server.log" >/dev/null 2>&1; then
      grep -E "terminated by signal|was terminated by exception" "$dir/server.log" >&2
      exit 1
    fi
    ;;
  *)
    echo "usage: cluster.sh start DIR PORT | stop DIR | crashes DIR" >&2
    exit 2
    ;;
esac

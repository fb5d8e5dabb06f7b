#!/usr/bin/env bash
# Starts what the container tests need, as root, and is safe to run again (each step skips what is already up):
#   1. dockerd on MLOPS_DOCKER_SOCKET (default /var/run/docker.sock, so `docker` and the client need no DOCKER_HOST),
#      vfs storage, no bridge, no iptables: containers use host networking and listen on 127.0.0.1 only;
#   2. a local OCI registry on 127.0.0.1:5000 (MLOPS_REGISTRY_ADDR);
# The local base image (no image can be pulled here) is built by the build and the tests themselves, through
# MlopsBuild.Containers' LocalBaseImage (./build.sh BuildBaseImage), the one place its recipe lives.
# Usage: bash .ci/docker.sh        Prints the DOCKER_HOST and registry address to use on its last lines.
#        bash .ci/docker.sh stop   Stops the dockerd and registry this script started (by their pid files).
# Logs: $STATE/dockerd.log, $STATE/registry.log
set -euo pipefail

STATE="${MLOPS_DOCKER_STATE:-/var/lib/mlops-docker}"
SOCKET="${MLOPS_DOCKER_SOCKET:-/var/run/docker.sock}"
REGISTRY_ADDR="${MLOPS_REGISTRY_ADDR:-127.0.0.1:5000}"
export DOCKER_HOST="unix://$SOCKET"

fail() { echo "error: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "run .ci/docker.sh as root (dockerd needs it)."
for tool in dockerd docker docker-registry curl; do
  command -v "$tool" >/dev/null || fail "'$tool' is missing: apt-get install -y docker.io docker-registry curl"
done
mkdir -p "$STATE" "$(dirname "$SOCKET")"

if [ "${1:-}" = stop ]; then
  for daemon in registry dockerd; do
    pid="$(cat "$STATE/$daemon.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done # up to 20 s to shut down
      echo "== stopped $daemon"
    fi
    rm -f "$STATE/$daemon.pid"
  done
  exit 0
fi

# Waits up to $2 seconds for command $1 (a function name) to succeed.
wait_for() {
  local check="$1" seconds="$2" what="$3" log="$4"
  for _ in $(seq 1 "$((seconds * 4))"); do
    if "$check"; then return 0; fi
    sleep 0.25
  done
  echo "---- last lines of $log" >&2
  tail -n 20 "$log" >&2 || true
  fail "$what did not answer within ${seconds}s (log: $log)."
}

# ------------------------------------------------------------------------------------------------ 1. dockerd
docker_answers() { docker version >/dev/null 2>&1; }
if docker_answers; then
  echo "== dockerd already answers at $DOCKER_HOST"
else
  echo "== starting dockerd at $DOCKER_HOST (data: $STATE/data, log: $STATE/dockerd.log)"
  rm -f "$SOCKET"
  # setsid: the daemon outlives this script and the shell that ran it.
  setsid dockerd --host "unix://$SOCKET" --data-root "$STATE/data" --exec-root "$STATE/exec" \
    --pidfile "$STATE/dockerd.pid" --storage-driver vfs --bridge=none --iptables=false \
    >>"$STATE/dockerd.log" 2>&1 </dev/null &
  wait_for docker_answers 60 "dockerd" "$STATE/dockerd.log"
fi

# ------------------------------------------------------------------------------------------------ 2. registry
registry_answers() { curl -fsS -o /dev/null "http://$REGISTRY_ADDR/v2/" 2>/dev/null; }
if registry_answers; then
  echo "== registry already answers at $REGISTRY_ADDR"
else
  echo "== starting the registry at $REGISTRY_ADDR (storage: $STATE/registry, log: $STATE/registry.log)"
  mkdir -p "$STATE/registry"
  cat >"$STATE/registry.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/registry
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
EOF
  setsid docker-registry serve "$STATE/registry.yml" >>"$STATE/registry.log" 2>&1 </dev/null &
  echo $! >"$STATE/registry.pid"
  wait_for registry_answers 30 "the registry" "$STATE/registry.log"
fi

echo "DOCKER_HOST=$DOCKER_HOST"
echo "MLOPS_REGISTRY=$REGISTRY_ADDR"

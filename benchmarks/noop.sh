#!/usr/bin/env bash
# Warm no-op benchmark of the bootstrap: what does `./build.sh <args>` cost when nothing changed?
#   usage: benchmarks/noop.sh [--sample] [ARGS] [RUNS]
#                                               --sample: in a temporary repository with the sample build
#                                               ARGS: target and options as one word list (default: --plan,
#                                                     with --sample: Report, which is then up to date),
#                                               RUNS: rounds (default 10; `dotnet run` gets at most 3 of them)
# Measures, interleaved round-robin (so machine noise hits all three alike), the median wall time of
#   (a) build_sh     ./build.sh ARGS                                   (fingerprint check + compiled DLL)
#   (b) dll_direct   dotnet .nuke/temp/bin/_build.dll ARGS (the floor: the program alone)
#   (c) dotnet_run   dotnet run --project build/_build.csproj -- ...   (what NUKE/Cake bootstraps pay: build + run)
# Prints the medians and the ratios a/b and c/a; writes the same figures to artifacts/benchmarks/noop.json.
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
OUT_DIR="$PWD/artifacts/benchmarks"
DEFAULT_ARGS=--plan
# --sample: measure in a temporary repository holding the end-to-end tests' sample build, whose target
# Report declares inputs and outputs: after the warm-up it is up to date, the case the goal is about.
if [ "${1:-}" = "--sample" ]; then
  shift
  SAMPLE="$(mktemp -d)"
  trap 'rm -rf "$SAMPLE"' EXIT
  cp build.sh global.json Directory.Build.props Directory.Packages.props nuget.config "$SAMPLE/"
  mkdir -p "$SAMPLE/src" "$SAMPLE/.nuke" "$SAMPLE/data"
  tar -C src --exclude=bin --exclude=obj -cf - . | tar -C "$SAMPLE/src" -xf -
  cp -r tests/MlopsBuild.EndToEnd.Tests/SampleBuild "$SAMPLE/build"
  echo "the model reads the data" >"$SAMPLE/data/input.txt"
  cd "$SAMPLE"
  DEFAULT_ARGS=Report
fi
ROOT="$PWD"
read -r -a ARGS <<<"${1:-$DEFAULT_ARGS}"
RUNS="${2:-10}"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "noop.sh: RUNS must be a positive integer, got '$RUNS'" >&2; exit 2; }
RUNS_RUN=$((RUNS < 3 ? RUNS : 3))

# Wall clock in microseconds: bash 5's $EPOCHREALTIME costs no process; `date +%s%N` is the fallback.
now_us() {
  if [ -n "${EPOCHREALTIME:-}" ]; then NOW=${EPOCHREALTIME/[.,]/}; else NOW=$(($(date +%s%N) / 1000)); fi
}

run_a() { ./build.sh "${ARGS[@]}"; }
run_b() { MLOPSBUILD_ROOT="$ROOT" "$DOTNET" .nuke/temp/bin/_build.dll "${ARGS[@]}"; }
run_c() { MLOPSBUILD_ROOT="$ROOT" dotnet run --project build/_build.csproj -c Release -- "${ARGS[@]}"; }
declare -A NAME=([a]="./build.sh" [b]="dotnet .nuke/temp/bin/_build.dll" [c]="dotnet run --project build/_build.csproj")

declare -A SAMPLES=([a]="" [b]="" [c]="")
measure() { # $1 = a|b|c
  local start rc=0
  now_us; start=$NOW
  "run_$1" >/dev/null 2>&1 || rc=$?
  now_us
  if [ "$rc" -ne 0 ]; then echo "noop.sh: ${NAME[$1]} ${ARGS[*]} failed (exit code $rc); run it by hand to see why" >&2; exit 1; fi
  SAMPLES[$1]+="$((NOW - start)) "
}

median_ms() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{v[NR]=$1} END {m = NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "%.1f", m/1000}'; }
ratio() { awk -v x="$1" -v y="$2" 'BEGIN {printf "%.2f", x/y}'; }
json_list() { tr ' ' '\n' <<<"$1" | grep . | awk '{printf "%s%.1f", (NR > 1 ? ", " : ""), $1/1000}'; }

# Warm up (not measured): compile the build project for build.sh and for `dotnet run`, fill the disk cache.
echo "noop.sh: warming up (${ARGS[*]})" >&2
./build.sh "${ARGS[@]}" >/dev/null || { echo "noop.sh: ./build.sh ${ARGS[*]} failed" >&2; exit 1; }
DOTNET="$(sed -n 2p .nuke/temp/bin/.fingerprint)" # the dotnet that build.sh uses
run_c >/dev/null 2>&1 || { echo "noop.sh: ${NAME[c]} ${ARGS[*]} failed" >&2; exit 1; }
run_b >/dev/null 2>&1 || { echo "noop.sh: ${NAME[b]} ${ARGS[*]} failed" >&2; exit 1; }

for ((i = 0; i < RUNS; i++)); do
  order=(a b)
  if [ "$i" -lt "$RUNS_RUN" ]; then order+=(c); fi
  for ((j = 0; j < ${#order[@]}; j++)); do # rotate the start so no command always follows the same one
    measure "${order[(i + j) % ${#order[@]}]}"
  done
done

A=$(median_ms "${SAMPLES[a]}") B=$(median_ms "${SAMPLES[b]}") C=$(median_ms "${SAMPLES[c]}")
AB=$(ratio "$A" "$B") CA=$(ratio "$C" "$A")
printf '%-12s %9s ms  (%d runs)  %s %s\n' build_sh "$A" "$RUNS" "${NAME[a]}" "${ARGS[*]}"
printf '%-12s %9s ms  (%d runs)  %s\n' dll_direct "$B" "$RUNS" "${NAME[b]}"
printf '%-12s %9s ms  (%d runs)  %s\n' dotnet_run "$C" "$RUNS_RUN" "${NAME[c]}"
printf 'build_sh / dll_direct = %s   dotnet_run / build_sh = %s\n' "$AB" "$CA"

mkdir -p "$OUT_DIR"
out="$OUT_DIR/noop.json"
cat >"$out.tmp.$$" <<EOF
{
  "benchmark": "noop",
  "args": "${ARGS[*]//\"/\\\"}",
  "runs": {"build_sh": $RUNS, "dll_direct": $RUNS, "dotnet_run": $RUNS_RUN},
  "median_ms": {"build_sh": $A, "dll_direct": $B, "dotnet_run": $C},
  "ratio": {"build_sh_over_dll_direct": $AB, "dotnet_run_over_build_sh": $CA},
  "samples_ms": {
    "build_sh": [$(json_list "${SAMPLES[a]}")],
    "dll_direct": [$(json_list "${SAMPLES[b]}")],
    "dotnet_run": [$(json_list "${SAMPLES[c]}")]
  },
  "machine": {"cpus": $(getconf _NPROCESSORS_ONLN), "sdk": "$("$DOTNET" --version 2>/dev/null || echo unknown)",
    "MSBUILDDISABLENODEREUSE": "${MSBUILDDISABLENODEREUSE:-}", "UseSharedCompilation": "${UseSharedCompilation:-}",
    "DOTNET_CLI_USE_MSBUILD_SERVER": "${DOTNET_CLI_USE_MSBUILD_SERVER:-}"},
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
}
EOF
mv -f "$out.tmp.$$" "$out"
echo "noop.sh: wrote $out" >&2

#!/usr/bin/env bash
# Bootstrap: runs the build project (build/_build.csproj), compiling it only when its sources changed.
#   Fast path: fingerprint of the sources == stamp  ->  exec the compiled DLL (no SDK lookup, no MSBuild).
#   Slow path: find (or install) an SDK matching global.json, compile into .nuke/temp/bin, write the stamp.
# The program is always started as:  MLOPSBUILD_ROOT=<repo root> dotnet .nuke/temp/bin/_build.dll <user args...>
set -euo pipefail

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Repository root = the script's real directory (follow symlinks; callable from any cwd). Builtins only where
# possible: every process started here costs milliseconds on the fast path.
unset CDPATH
CALLER_DIR="$PWD"
script="${BASH_SOURCE[0]}"
while [ -L "$script" ]; do
  link="$(readlink "$script")"
  case "$link" in /*) script="$link" ;; *) script="${script%/*}/$link" ;; esac
done
case "$script" in */*) cd -P "${script%/*}" ;; *) cd -P . ;; esac
ROOT="$PWD" # we stay here until the program starts; run() returns to the caller's directory

TEMP="$ROOT/.nuke/temp"
BIN="$TEMP/bin"
DLL="$BIN/_build.dll"
STAMP="$BIN/.fingerprint" # line 1: source fingerprint, line 2: dotnet executable that compiled it
if command -v sha256sum >/dev/null; then SHA=(sha256sum); else SHA=(shasum -a 256); fi # macOS has shasum
[ -f build/_build.csproj ] || { echo "build.sh: error: $ROOT/build/_build.csproj not found." >&2; exit 1; }

# Fingerprint of the build's inputs: SHA-256 of the bytewise-sorted "<sha256>  <relative path>" lines of every
# input file, so edits, additions, deletions and renames all change it. build.ps1 computes the same value.
# Inputs: global.json, nuget.config, *.props, *.targets, *.cs, *.csproj, packages.lock.json at the root
# (these four) and under build/ and src/, skipping bin/ and obj/.
fingerprint() {
  local inputs=(build) f
  for f in src global.json Directory.Build.props Directory.Packages.props nuget.config; do
    if [ -e "$f" ]; then inputs+=("$f"); fi
  done
  find "${inputs[@]}" -type d \( -name bin -o -name obj \) -prune -o -type f \( -name '*.cs' -o -name '*.csproj' \
    -o -name '*.props' -o -name '*.targets' -o -name packages.lock.json -o -name global.json -o -name nuget.config \) \
    -exec "${SHA[@]}" {} + | LC_ALL=C sort | "${SHA[@]}"
}

stamp_matches() { # sets DOTNET from the stamp when it matches $FP
  local fp dotnet
  [ -f "$DLL" ] && [ -f "$STAMP" ] || return 1
  { read -r fp && read -r dotnet; } <"$STAMP" || return 1
  [ "$fp" = "$FP" ] && [ -x "$dotnet" ] || return 1
  DOTNET="$dotnet"
}

run() {
  # Let the build's own `dotnet ...` calls use the same SDK (NUKE's convention: DOTNET_EXE).
  export DOTNET_EXE="$DOTNET"
  if [ "$DOTNET" = "$ROOT/.dotnet/dotnet" ]; then export DOTNET_ROOT="$ROOT/.dotnet" PATH="$ROOT/.dotnet:$PATH"; fi
  cd "$CALLER_DIR"
  # The root travels in the environment: an argument would be taken as a value of the user's last option.
  export MLOPSBUILD_ROOT="$ROOT"
  exec "$DOTNET" "$DLL" "$@"
}

FP="$(fingerprint)"
FP="${FP%% *}" # "<hash>  -"
if stamp_matches; then run "$@"; fi

# ---------------------------------------------------------------------------------------------- slow path
mkdir -p "$TEMP"
if command -v flock >/dev/null; then
  exec 9>"$TEMP/build.lock"
  flock 9
  # Another invocation may have compiled the same sources while we waited.
  if stamp_matches; then exec 9>&-; run "$@"; fi
fi

# The SDK pin, read without jq. rollForward defaults to "patch" when a version is pinned (as in dotnet).
PIN="" ROLL="patch" PRE="false"
if [ -f global.json ]; then
  json_value() { sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([^\",}[:space:]]*\).*/\1/p" global.json | head -n 1; }
  PIN="$(json_value version)"
  ROLL="$(json_value rollForward)"; ROLL="${ROLL:-patch}"
  PRE="$(json_value allowPrerelease)"; PRE="${PRE:-false}"
fi
[[ $PIN == *-* ]] && PRE=true # a prerelease pin implies prereleases are acceptable

version_key() { # 10.0.105 -> 10000000105: comparable integer of major.minor.patch (feature band = patch/100)
  local IFS=. p
  read -r -a p <<<"${1%%-*}"
  echo $(((10#${p[0]:-0} * 1000 + 10#${p[1]:-0}) * 1000 + 10#${p[2]:-0}))
}

satisfies() { # does installed SDK version $1 satisfy the global.json pin?
  local v="$1" k p
  [ -n "$PIN" ] || return 0
  [[ $v =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] || return 1
  if [[ $v == *-* ]] && [ "$PRE" != true ]; then return 1; fi
  k=$(version_key "$v") p=$(version_key "$PIN")
  [ "$k" -ge "$p" ] || return 1
  # a prerelease is older than the release with the same number
  if [ "$k" -eq "$p" ] && [[ $v == *-* && $PIN != *-* ]]; then return 1; fi
  case "$ROLL" in
    disable) [ "$v" = "$PIN" ] ;;
    major | latestMajor) true ;;
    minor | latestMinor) [ $((k / 1000000)) -eq $((p / 1000000)) ] ;;
    feature | latestFeature) [ $((k / 1000)) -eq $((p / 1000)) ] ;;
    *) [ $((k / 100)) -eq $((p / 100)) ] ;; # patch, latestPatch (and unknown values): same feature band
  esac
}

find_dotnet() { # first candidate with a matching SDK -> DOTNET
  local candidate version _
  for candidate in "$(command -v dotnet || true)" "${DOTNET_ROOT:+$DOTNET_ROOT/dotnet}" "$ROOT/.dotnet/dotnet"; do
    if [ -z "$candidate" ] || [ ! -x "$candidate" ]; then continue; fi
    while read -r version _; do
      if satisfies "$version"; then DOTNET="$candidate"; return 0; fi
    done < <("$candidate" --list-sdks 2>/dev/null || true)
  done
  return 1
}

install_dotnet() { # official installer, into $ROOT/.dotnet
  local url="https://dot.net/v1/dotnet-install.sh" installer="$TEMP/dotnet-install.sh"
  echo "build.sh: no .NET SDK matching global.json (${PIN:-none}, rollForward=$ROLL); installing it into $ROOT/.dotnet" >&2
  if ! { command -v curl >/dev/null && curl -fsSL --retry 3 -o "$installer" "$url"; } &&
     ! { command -v wget >/dev/null && wget -q -O "$installer" "$url"; }; then
    echo "build.sh: error: could not download $url (curl or wget and network access needed)." >&2
    echo "build.sh: install the .NET SDK ${PIN:-LTS} yourself (https://dot.net) and put dotnet on PATH or set DOTNET_ROOT." >&2
    exit 1
  fi
  local version=(--channel LTS)
  [ -z "$PIN" ] || version=(--version "$PIN")
  bash "$installer" "${version[@]}" --install-dir "$ROOT/.dotnet" --no-path >&2 ||
    { echo "build.sh: error: dotnet-install.sh failed to install the .NET SDK ${PIN:-LTS}." >&2; exit 1; }
}

if ! find_dotnet; then
  install_dotnet
  find_dotnet || { echo "build.sh: error: installed SDK in $ROOT/.dotnet still does not satisfy global.json." >&2; exit 1; }
fi

if [ -f "$DLL" ]; then reason="sources changed"; else reason="first run"; fi
echo "build.sh: compiling the build project ($reason)" >&2
# No stamp while compiling: a failed compile may leave a mix of old and new DLLs in $BIN.
rm -f "$STAMP"
compile() {
  # Run from $ROOT (current directory): the dotnet host resolves global.json from there.
  # 9>&-: the compiler/MSBuild servers that outlive this build must not inherit (and hold) the lock.
  "$DOTNET" build build/_build.csproj -c Release -o "$BIN" -nologo -clp:NoSummary -v quiet >"$TEMP/build.log" 2>&1 9>&- ||
    { cat "$TEMP/build.log" >&2; echo "build.sh: error: compiling build/_build.csproj failed (output above)." >&2; exit 1; }
}
# Stamp only a fingerprint that was stable across the compile: if sources were edited meanwhile (or restore
# rewrote a packages.lock.json), compile once more; still unstable -> no stamp, the next run recompiles.
for _ in 1 2; do
  compile
  after="$(fingerprint)"
  after="${after%% *}"
  if [ "$after" = "$FP" ]; then
    printf '%s\n%s\n' "$FP" "$DOTNET" >"$STAMP.tmp.$$"
    mv -f "$STAMP.tmp.$$" "$STAMP"
    break
  fi
  FP="$after"
done
exec 9>&- # release the lock (the exec'd program must not inherit it)
run "$@"

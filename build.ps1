#!/usr/bin/env pwsh
# Bootstrap for Windows PowerShell 5.1 and pwsh 7; mirrors build.sh (read that file for the reasoning).
#   Fast path: fingerprint of the sources == stamp  ->  run the compiled DLL (no SDK lookup, no MSBuild).
#   Slow path: find (or install) an SDK matching global.json, compile into .nuke/temp/bin, write the stamp.
# The program is always started as:  MLOPSBUILD_ROOT=<repo root> dotnet .nuke/temp/bin/_build.dll <user args...>
$BuildArguments = $args
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $false   # pwsh 7.3+: a failing native command must not throw
Set-StrictMode -Version 2.0

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

# Repository root = the script's real directory (follow symlinks).
$ScriptItem = Get-Item -LiteralPath $PSCommandPath
while ($ScriptItem.LinkType -eq 'SymbolicLink') {
    $ScriptItem = Get-Item -LiteralPath ([IO.Path]::Combine($ScriptItem.DirectoryName, @($ScriptItem.Target)[0]))
}
$Root = $ScriptItem.DirectoryName
$Temp = Join-Path $Root '.nuke/temp'
$Bin = Join-Path $Temp 'bin'
$Dll = Join-Path $Bin '_build.dll'
$Stamp = Join-Path $Bin '.fingerprint'   # line 1: source fingerprint, line 2: dotnet executable that compiled it
$DotnetExe = if ([Environment]::OSVersion.Platform -eq 'Win32NT') { 'dotnet.exe' } else { 'dotnet' }
$LocalDotnetDir = Join-Path $Root '.dotnet'
$LocalDotnet = Join-Path $LocalDotnetDir $DotnetExe

function Write-Status([string]$Message) { [Console]::Error.WriteLine("build.ps1: $Message") }

# Same value as build.sh: SHA-256 of the ordinally sorted "<sha256>  <relative/path>`n" lines of the inputs:
# global.json, nuget.config, *.props, *.targets, *.cs, *.csproj, packages.lock.json at the root (these four)
# and under build/ and src/, skipping bin/ and obj/.
function Get-Fingerprint {
    $names = '*.cs', '*.csproj', '*.props', '*.targets', 'packages.lock.json', 'global.json', 'nuget.config'
    $files = @(@('global.json', 'Directory.Build.props', 'Directory.Packages.props', 'nuget.config') |
        ForEach-Object { Join-Path $Root $_ } | Where-Object { Test-Path -LiteralPath $_ -PathType Leaf })
    foreach ($dir in 'build', 'src') {
        $path = Join-Path $Root $dir
        if (-not (Test-Path -LiteralPath $path -PathType Container)) { continue }
        $files += @(Get-ChildItem -LiteralPath $path -Recurse -File -Force | ForEach-Object {
            $file = $_
            $folders = $file.FullName.Substring($Root.Length + 1).Replace('\', '/').Split('/')
            $inBinObj = @($folders[0..($folders.Length - 2)] | Where-Object { $_ -ceq 'bin' -or $_ -ceq 'obj' }).Length -gt 0
            $isInput = @($names | Where-Object { $file.Name -like $_ }).Length -gt 0
            if ($isInput -and -not $inBinObj) { $file.FullName }
        })
    }
    [string[]]$lines = @($files | ForEach-Object {
        (Get-FileHash -LiteralPath $_ -Algorithm SHA256).Hash.ToLowerInvariant() + '  ' +
            $_.Substring($Root.Length + 1).Replace('\', '/')
    })
    [Array]::Sort($lines, [StringComparer]::Ordinal)
    $text = -join @($lines | ForEach-Object { "$_`n" })
    $sha = [Security.Cryptography.SHA256]::Create()
    return -join @($sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($text)) | ForEach-Object { $_.ToString('x2') })
}

function Get-StampDotnet([string]$Fingerprint) {   # the recorded dotnet if the stamp matches, else $null
    if (-not (Test-Path -LiteralPath $Dll) -or -not (Test-Path -LiteralPath $Stamp)) { return $null }
    $lines = [IO.File]::ReadAllLines($Stamp)
    if ($lines.Length -ge 2 -and $lines[0] -eq $Fingerprint -and (Test-Path -LiteralPath $lines[1] -PathType Leaf)) {
        return $lines[1]
    }
    return $null
}

# The SDK pin, from global.json. rollForward defaults to "patch" when a version is pinned (as in dotnet).
function Get-Pin {
    $pin = @{ Version = ''; RollForward = 'patch'; AllowPrerelease = $false }
    $file = Join-Path $Root 'global.json'
    if (Test-Path -LiteralPath $file) {
        $json = Get-Content -LiteralPath $file -Raw | ConvertFrom-Json
        if ($json.PSObject.Properties['sdk']) {
            $sdk = $json.sdk
            if ($sdk.PSObject.Properties['version']) { $pin.Version = [string]$sdk.version }
            if ($sdk.PSObject.Properties['rollForward']) { $pin.RollForward = [string]$sdk.rollForward }
            if ($sdk.PSObject.Properties['allowPrerelease']) { $pin.AllowPrerelease = [bool]$sdk.allowPrerelease }
        }
    }
    if ($pin.Version.Contains('-')) { $pin.AllowPrerelease = $true }   # a prerelease pin implies prereleases
    return $pin
}

function Get-VersionKey([string]$Version) {   # 10.0.105 -> 10000000105 (feature band = patch / 100)
    if ($Version -notmatch '^(\d+)\.(\d+)\.(\d+)') { return [long]-1 }
    return ([long]$Matches[1] * 1000 + [long]$Matches[2]) * 1000 + [long]$Matches[3]
}

function Test-Sdk($Pin, [string]$Version) {   # does installed SDK $Version satisfy the pin?
    if (-not $Pin.Version) { return $true }
    $k = Get-VersionKey $Version
    $p = Get-VersionKey $Pin.Version
    if ($k -lt 0 -or $k -lt $p) { return $false }
    if ($Version.Contains('-') -and -not $Pin.AllowPrerelease) { return $false }
    # a prerelease is older than the release with the same number
    if ($k -eq $p -and $Version.Contains('-') -and -not $Pin.Version.Contains('-')) { return $false }
    switch ($Pin.RollForward) {
        'disable' { return $Version -eq $Pin.Version }
        { $_ -in 'major', 'latestMajor' } { return $true }
        { $_ -in 'minor', 'latestMinor' } { return [math]::Floor($k / 1000000) -eq [math]::Floor($p / 1000000) }
        { $_ -in 'feature', 'latestFeature' } { return [math]::Floor($k / 1000) -eq [math]::Floor($p / 1000) }
        default { return [math]::Floor($k / 100) -eq [math]::Floor($p / 100) }   # patch, latestPatch: same band
    }
}

function Find-Dotnet($Pin) {   # dotnet on PATH, then $env:DOTNET_ROOT, then .dotnet/: the first with a matching SDK
    $ErrorActionPreference = 'Continue'   # native stderr must not become a terminating error (5.1)
    $candidates = @()
    $onPath = Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($onPath) { $candidates += $onPath.Path }
    if ($env:DOTNET_ROOT) { $candidates += Join-Path $env:DOTNET_ROOT $DotnetExe }
    $candidates += $LocalDotnet
    foreach ($candidate in $candidates) {
        if (-not (Test-Path -LiteralPath $candidate -PathType Leaf)) { continue }
        foreach ($line in @(& $candidate --list-sdks 2>$null)) {
            $version = ([string]$line).Split(' ')[0]
            if (Test-Sdk $Pin $version) { return $candidate }
        }
    }
    return $null
}

function Install-Dotnet($Pin) {   # official installer, into .dotnet/
    $what = if ($Pin.Version) { $Pin.Version } else { 'LTS' }
    Write-Status "no .NET SDK matching global.json ($what, rollForward=$($Pin.RollForward)); installing it into $LocalDotnetDir"
    $installer = Join-Path $Temp 'dotnet-install.ps1'
    $url = 'https://dot.net/v1/dotnet-install.ps1'
    try {
        [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
        Invoke-WebRequest -UseBasicParsing -Uri $url -OutFile $installer
    }
    catch {
        Write-Status "error: could not download $url ($($_.Exception.Message))."
        Write-Status "install the .NET SDK $what yourself (https://dot.net) and put dotnet on PATH or set DOTNET_ROOT."
        exit 1
    }
    if ($Pin.Version) { & $installer -Version $Pin.Version -InstallDir $LocalDotnetDir -NoPath | Out-Host }
    else { & $installer -Channel LTS -InstallDir $LocalDotnetDir -NoPath | Out-Host }
}

function Invoke-Compile([string]$Dotnet) {
    $ErrorActionPreference = 'Continue'
    Push-Location -LiteralPath $Root   # the dotnet host resolves global.json from the current directory
    try { $output = & $Dotnet build build/_build.csproj -c Release -o $Bin -nologo -clp:NoSummary -v quiet 2>&1 }
    finally { Pop-Location }
    if ($LASTEXITCODE -ne 0) {
        $output | ForEach-Object { [Console]::Error.WriteLine([string]$_) }
        Write-Status 'error: compiling build/_build.csproj failed (output above).'
        exit 1
    }
}

function Update-BuildProgram([string]$Fingerprint) {   # slow path; returns the dotnet executable to use
    $pin = Get-Pin
    $dotnet = Find-Dotnet $pin
    if (-not $dotnet) {
        Install-Dotnet $pin
        $dotnet = Find-Dotnet $pin
        if (-not $dotnet) { Write-Status "error: installed SDK in $LocalDotnetDir still does not satisfy global.json."; exit 1 }
    }
    $reason = if (Test-Path -LiteralPath $Dll) { 'sources changed' } else { 'first run' }
    Write-Status "compiling the build project ($reason)"
    # No stamp while compiling: a failed compile may leave a mix of old and new DLLs in the output folder.
    Remove-Item -LiteralPath $Stamp -Force -ErrorAction SilentlyContinue
    # Stamp only a fingerprint that was stable across the compile (see build.sh).
    foreach ($attempt in 1, 2) {
        Invoke-Compile $dotnet
        $after = Get-Fingerprint
        if ($after -eq $Fingerprint) {
            [IO.File]::WriteAllText("$Stamp.tmp", "$Fingerprint`n$dotnet`n")
            Move-Item -LiteralPath "$Stamp.tmp" -Destination $Stamp -Force
            break
        }
        $Fingerprint = $after
    }
    return $dotnet
}

$Fingerprint = Get-Fingerprint
$Dotnet = Get-StampDotnet $Fingerprint
if (-not $Dotnet) {
    New-Item -ItemType Directory -Force -Path $Temp | Out-Null
    # One compile at a time: an exclusive handle on build.lock (on Unix .NET takes a flock, like build.sh).
    $Lock = $null
    while (-not $Lock) {
        try { $Lock = [IO.File]::Open((Join-Path $Temp 'build.lock'), 'OpenOrCreate', 'ReadWrite', 'None') }
        catch {   # held by another invocation (IOException, wrapped by PowerShell): wait; anything else: fail
            $e = $_.Exception
            if ($e -isnot [IO.IOException] -and $e.InnerException -isnot [IO.IOException]) { throw }
            Start-Sleep -Milliseconds 200
        }
    }
    try {
        $Dotnet = Get-StampDotnet $Fingerprint   # another invocation may have compiled while we waited
        if (-not $Dotnet) { $Dotnet = Update-BuildProgram $Fingerprint }
    }
    finally { $Lock.Dispose() }
}

# Let the build's own `dotnet ...` calls use the same SDK (NUKE's convention: DOTNET_EXE).
$env:DOTNET_EXE = $Dotnet
if ($Dotnet -eq $LocalDotnet) {
    $env:DOTNET_ROOT = $LocalDotnetDir
    $env:PATH = $LocalDotnetDir + [IO.Path]::PathSeparator + $env:PATH
}
$env:MLOPSBUILD_ROOT = $Root
& $Dotnet $Dll @BuildArguments
exit $LASTEXITCODE

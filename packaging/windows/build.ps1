# Builds the Windows installer: dist\Minuta-VERSION-windows-x64-setup.exe
#
# On Windows 10/11 x64 with Python 3.11 (python.org, "py" launcher) and Inno Setup 6
# (iscc.exe on PATH or in its default folder). From the repository root:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Signed (an Authenticode certificate in the store; signtool from the Windows SDK):
#   $env:MINUTA_SIGN = 'signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /a $f'
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
$ErrorActionPreference = 'Stop'
Set-Location (Resolve-Path "$PSScriptRoot\..\..")

$work = 'build\package'
$venv = "$work\venv"
if (-not (Test-Path "$venv\Scripts\python.exe")) { py -3.11 -m venv $venv }
$python = "$venv\Scripts\python.exe"
& $python -m pip --disable-pip-version-check -q install --upgrade pip setuptools wheel
& $python -m pip --disable-pip-version-check -q install pyinstaller==6.22.3
& $python -m pip --disable-pip-version-check -q install --force-reinstall --no-deps .
& $python -m pip --disable-pip-version-check -q install .
if ($LASTEXITCODE -ne 0) { throw 'pip failed' }

$version = & $python -c 'from importlib.metadata import version; print(version("minuta"))'
& "$venv\Scripts\pyinstaller.exe" --noconfirm --log-level WARN `
    --distpath "$work\dist" --workpath "$work\pyinstaller" packaging\pyinstaller\minuta.spec
if ($LASTEXITCODE -ne 0) { throw 'PyInstaller failed' }

# The bundle's own programs are signed before they go into the installer.
if ($env:MINUTA_SIGN) {
    foreach ($exe in @("$work\dist\minuta\Minuta.exe", "$work\dist\minuta\minuta-cli.exe")) {
        $command = $env:MINUTA_SIGN.Replace('$f', "`"$exe`"")
        cmd /c $command
        if ($LASTEXITCODE -ne 0) { throw "signing $exe failed" }
    }
}

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
$arguments = @("/DAppVersion=$version", "/DSourceDir=..\..\$work\dist\minuta")
# Inno Setup signs the installer and uninstaller with the same command ($f is the file).
if ($env:MINUTA_SIGN) { $arguments += '/DSignTool=minuta'; $arguments += "/Sminuta=$($env:MINUTA_SIGN)" }
& $iscc @arguments packaging\windows\minuta.iss
if ($LASTEXITCODE -ne 0) { throw 'Inno Setup failed' }
Write-Host "Built dist\Minuta-$version-windows-x64-setup.exe"

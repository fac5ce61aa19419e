; Inno Setup 6 script for Minuta: a per-user installer (no administrator needed),
; with a Start-menu entry, an optional desktop icon and an optional "start with
; Windows" in the notification area. Built by packaging/windows/build.ps1:
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\build\package\dist\minuta packaging\windows\minuta.iss
; Signing: add /DSignTool=... (see packaging/README.md).

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (build.ps1 does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\package\dist\minuta"
#endif

[Setup]
; Never change AppId: Windows knows an installed Minuta by it (upgrades, uninstall).
AppId={{6A0C7C54-3C55-4F7E-9C0B-6D1C5B0A9E21}
AppName=Minuta
AppVersion={#AppVersion}
AppVerName=Minuta {#AppVersion}
AppPublisher=Minuta
AppComments=Meeting notes that stay on this computer
DefaultDirName={autopf}\Minuta
DefaultGroupName=Minuta
DisableProgramGroupPage=yes
; Per user by default (into %LOCALAPPDATA%\Programs); the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=Minuta-{#AppVersion}-windows-x64-setup
SetupIconFile=minuta.ico
UninstallDisplayIcon={app}\Minuta.exe
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; A running Minuta is asked to close (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "da"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "nb"; MessagesFile: "compiler:Languages\Norwegian.isl"
Name: "fi"; MessagesFile: "compiler:Languages\Finnish.isl"

[CustomMessages]
en.StartWithWindows=Start Minuta when Windows starts (in the notification area)
da.StartWithWindows=Start Minuta, når Windows starter (i meddelelsesområdet)
nb.StartWithWindows=Start Minuta når Windows starter (i varslingsområdet)
fi.StartWithWindows=Käynnistä Minuta Windowsin käynnistyessä (ilmoitusalueelle)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "startup"; Description: "{cm:StartWithWindows}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Minuta"; Filename: "{app}\Minuta.exe"; Comment: "Record, transcribe and summarise meetings"
Name: "{autodesktop}\Minuta"; Filename: "{app}\Minuta.exe"; Tasks: desktopicon

[Registry]
; The same value the app's own "Start Minuta at login" switch writes and removes
; (desktop/minuta/app/autostart.py): the two always agree.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "Minuta"; ValueData: """{app}\Minuta.exe"" --tray"; Flags: uninsdeletevalue; Tasks: startup

[Run]
Filename: "{app}\Minuta.exe"; Description: "{cm:LaunchProgram,Minuta}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put there. Meetings live in %LOCALAPPDATA%\Minuta and
; are never removed by uninstalling (Help > About Minuta > Your data shows where).
Type: filesandordirs; Name: "{app}\_internal"

; Inno Setup 6 script: the Windows installer of Mufakat, per user (no administrator rights asked),
; into %LOCALAPPDATA%\Programs\Mufakat, with a Start-menu entry and, if wished, a desktop icon.
; It packs the folder `python packaging\make_dist.py` built (dist\mufakat) from packaging\mufakat.spec.
;
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\mufakat.iss     -> dist\mufakat-0.1.0-setup.exe
;
; NOT VERIFIED HERE: the project's machines have no Windows; .github/workflows/windows.yml builds it.
; The data stays in the user data folder (%LOCALAPPDATA%\mufakat), never in {app}: installing a new
; version over an old one, or uninstalling, leaves it as it is.

#ifndef AppVersion
  #error Give the version: ISCC.exe /DAppVersion=<pyproject.toml's version> mufakat.iss
#endif

[Setup]
; The same AppId for every version: a new version installs over the old one.
AppId={{6C1F4E1A-3D2B-4B8E-9C55-0F2D7A6B9E41}
AppName=Mufakat
AppVersion={#AppVersion}
AppVerName=Mufakat {#AppVersion}
AppPublisher=Mufakat
VersionInfoVersion={#AppVersion}
; Per user: {autopf} is %LOCALAPPDATA%\Programs when the installer runs without elevation.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Mufakat
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=mufakat.ico
UninstallDisplayIcon={app}\mufakat.exe
UninstallDisplayName=Mufakat
OutputDir=..\..\dist
OutputBaseFilename=mufakat-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; A running Mufakat is asked to close before its files are replaced (its data is saved as typed).
CloseApplications=yes
; Signing (see the README, "Windows build"): uncomment with a SignTool named "signtool" set in
; the Inno Setup IDE or given as ISCC.exe "/Ssigntool=signtool.exe sign /fd SHA256 /tr ... $f".
;SignTool=signtool

[Languages]
; Inno Setup ships no official Indonesian translation of its own pages; the app itself is Indonesian.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The previous version's program files go first (a module removed in the new version must not stay).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\mufakat\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Mufakat"; Filename: "{app}\mufakat.exe"
Name: "{autodesktop}\Mufakat"; Filename: "{app}\mufakat.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\mufakat.exe"; Description: "{cm:LaunchProgram,Mufakat}"; Flags: nowait postinstall skipifsilent

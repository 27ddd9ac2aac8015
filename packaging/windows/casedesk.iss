; Inno Setup script for CaseDesk on Windows.
;   1. On Windows: make dist  (or: .venv\Scripts\pyinstaller --noconfirm build.spec)
;   2. iscc packaging\windows\casedesk.iss   ->  dist\CaseDesk-<version>-setup.exe
; build.spec writes build\version.iss with the version from pyproject.toml.
;
; The installer only ever touches the program folder. The clinic's database, backups and
; logs live in %APPDATA%\CaseDesk (or CASEDESK_DATA_DIR); uninstalling leaves them alone.

#if FileExists(AddBackslash(SourcePath) + "..\..\build\version.iss")
  #include "..\..\build\version.iss"
#endif
#ifndef AppVersion
  #error Run the PyInstaller build (make dist) first: it writes build\version.iss
#endif

[Setup]
; AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{6F3B2A8E-4C1D-4E7A-9B5F-2D8C0A1E7F43}
AppName=CaseDesk
AppVersion={#AppVersion}
AppVerName=CaseDesk {#AppVersion}
AppPublisher=CaseDesk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\CaseDesk
DefaultGroupName=CaseDesk
DisableProgramGroupPage=yes
; A receptionist without admin rights can install for herself; IT can install for all.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=CaseDesk-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\casedesk.ico
UninstallDisplayIcon={app}\casedesk.exe
UninstallDisplayName=CaseDesk
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundled libraries wholesale, so no stale file from an older version stays.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\casedesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\CaseDesk"; Filename: "{app}\casedesk.exe"
Name: "{autoprograms}\CaseDesk (demo clinic)"; Filename: "{app}\casedesk.exe"; Parameters: "--demo"
Name: "{autodesktop}\CaseDesk"; Filename: "{app}\casedesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\casedesk.exe"; Description: "{cm:LaunchProgram,CaseDesk}"; Flags: nowait postinstall skipifsilent

; NSIS script of the Biên Tập installer, compiled by scripts/build-windows:
;   makensis -DAPP_NAME=… -DAPP_VERSION=… -DAPP_FILEVERSION=… -DEXE=… -DICON=… -DOUTFILE=… installer.nsi
;
; A per-user install (no administrator rights, which clerks rarely have):
; %LOCALAPPDATA%\Programs\BienTap\bientap.exe, a Start-menu and a desktop
; shortcut, an entry in "Apps & features" and an uninstaller. The clerk's
; data (%APPDATA%\BienTap) is never touched by install or uninstall.

; 64-bit like the program (Windows 64-bit only), and Unicode.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"

!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\BienTap"

Name "${APP_NAME}"
Caption "Cài đặt ${APP_NAME} ${APP_VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\BienTap"
InstallDirRegKey HKCU "Software\BienTap" "InstallDir"
BrandingText "${APP_NAME} ${APP_VERSION}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\bientap.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APP_NAME} ngay"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

VIProductVersion "${APP_FILEVERSION}"
VIFileVersion "${APP_FILEVERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductVersion" "${APP_VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileDescription" "Cài đặt ${APP_NAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileVersion" "${APP_FILEVERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "LegalCopyright" "Phần mềm nội bộ"

Section "${APP_NAME}" SecMain
	SectionIn RO
	SetShellVarContext current
	SetOutPath "$INSTDIR"
	File "/oname=bientap.exe" "${EXE}"
	WriteUninstaller "$INSTDIR\uninstall.exe"

	CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\bientap.exe" "" "$INSTDIR\bientap.exe" 0
	CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\bientap.exe" "" "$INSTDIR\bientap.exe" 0

	WriteRegStr HKCU "Software\BienTap" "InstallDir" "$INSTDIR"
	WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
	WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${APP_VERSION}"
	WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\bientap.exe,0"
	WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
	WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
	WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
	WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
	WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" ${EXE_KB}
SectionEnd

Section "Uninstall"
	SetShellVarContext current
	Delete "$SMPROGRAMS\${APP_NAME}.lnk"
	Delete "$DESKTOP\${APP_NAME}.lnk"
	Delete "$INSTDIR\bientap.exe"
	Delete "$INSTDIR\uninstall.exe"
	; Non-recursive: a Mesa opengl32.dll that IT put here stays, and so
	; does the folder then.
	RMDir "$INSTDIR"
	DeleteRegKey HKCU "${UNINST_KEY}"
	DeleteRegKey HKCU "Software\BienTap"
SectionEnd

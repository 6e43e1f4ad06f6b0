# Builds Fermata Studio's Windows installer (.msi) with jlink and jpackage. Run from the repository
# root in PowerShell on Windows with JDK 17+, Maven and the WiX Toolset 3 on the PATH:
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
# Needs installer\icons\fermata.ico (make it once from fermata.png, e.g. `magick fermata.png -define
# icon:auto-resize=256,128,64,48,32,16 fermata.ico`). Output: target\installer\fermata-<version>.msi
$ErrorActionPreference = "Stop"
mvn -q -B clean package -DskipTests
$version = (Select-Xml -Path pom.xml -Namespace @{m="http://maven.apache.org/POM/4.0.0"} -XPath "/m:project/m:version").Node.InnerText -replace "-SNAPSHOT", ""
$out = "target\installer"
Remove-Item -Recurse -Force $out -ErrorAction SilentlyContinue
New-Item -ItemType Directory "$out\input\lib" | Out-Null
Copy-Item target\fermata.jar "$out\input\"
# A clean build: target\lib holds exactly the jars of this platform (windows-x86_64 natives).
Copy-Item target\lib\*.jar "$out\input\lib\"
Copy-Item -Recurse assets "$out\input\assets"
if (Test-Path presets) { Copy-Item -Recurse presets "$out\input\presets" }
$modules = (Get-Content installer\modules.txt -Raw).Trim()
jlink --add-modules $modules --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out\runtime"
jpackage "@installer/jpackage-common.txt" "@installer/windows/jpackage-windows.txt" --type msi `
  --app-version $version --input "$out\input" --runtime-image "$out\runtime" --dest $out

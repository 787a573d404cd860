#!/usr/bin/env bash
# Validates manifest.xml offline against the Office add-in manifest XSDs (OfficeApp 1.1 +
# task pane VersionOverrides 1.0). The npm validator needs the network; this does not.
# The XSDs are vendored in schemas/office-addin-manifest/ (MIT, OfficeDev/office-js-docs-pr: see its
# README), so a fresh clone validates with no other checkout beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
manifest="${1:-manifest.xml}"
schema_dir="${MANIFEST_SCHEMA_DIR:-schemas/office-addin-manifest}"

if ! command -v xmllint >/dev/null 2>&1; then
  echo "xmllint 未安装，无法校验清单。请安装 libxml2-utils（Debian/Ubuntu：sudo apt-get install libxml2-utils）。" >&2
  exit 2
fi
if [[ ! -f "$schema_dir/OfficeAppManifestV1_1.xsd" ]]; then
  echo "找不到清单的 XSD 架构文件：$schema_dir/OfficeAppManifestV1_1.xsd 不存在。它随项目放在 schemas/office-addin-manifest/ 中；可用 MANIFEST_SCHEMA_DIR 指向另一份架构目录。" >&2
  exit 2
fi

xmllint --noout --nonet --schema "$schema_dir/OfficeAppManifestV1_1.xsd" "$manifest"

#!/usr/bin/env bash
# scripts/findings-json.sh OUT.json: the command line's --json output for every workbook under
# test/fixtures, test/wild and samples (one run over all of them), then each narrative with its workbook.
# A change meant to keep every finding (a speed-up, a refactor) is checked by running this before
# and after and comparing: `cmp before.json after.json`.
set -euo pipefail
out=${1:?用法：scripts/findings-json.sh 输出.json}
cd "$(dirname "$0")/.."
mapfile -t files < <(find test/fixtures test/wild samples -name '*.xlsx' | LC_ALL=C sort)
{
  # Exit code 1 only says that some file has an error-level finding.
  node bin/budget-check.js "${files[@]}" --json || [ $? -eq 1 ]
  node bin/budget-check.js test/fixtures/seed001-budget.xlsx --narrative test/fixtures/narrative/seed001.txt --json || [ $? -eq 1 ]
  node bin/budget-check.js test/fixtures/seed010-juesuan.xlsx --narrative test/fixtures/narrative/seed010.txt --json || [ $? -eq 1 ]
} >"$out"
echo "${#files[@]} workbooks → $out"

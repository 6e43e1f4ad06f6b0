#!/usr/bin/env bash
# Prints one closing line from the Surefire reports, "N passed, N failed, N skipped", because
# `mvn -q` prints nothing when everything passes.
set -euo pipefail
dir="${1:-target/surefire-reports}"
total=0; failed=0; skipped=0
shopt -s nullglob
for f in "$dir"/TEST-*.xml; do
  line=$(grep -m1 -o '<testsuite [^>]*>' "$f")
  t=$(sed -E 's/.* tests="([0-9]+)".*/\1/' <<<"$line")
  e=$(sed -E 's/.* errors="([0-9]+)".*/\1/' <<<"$line")
  fl=$(sed -E 's/.* failures="([0-9]+)".*/\1/' <<<"$line")
  s=$(sed -E 's/.* skipped="([0-9]+)".*/\1/' <<<"$line")
  total=$((total + t)); failed=$((failed + e + fl)); skipped=$((skipped + s))
done
echo "Tests: $((total - failed - skipped)) passed, $failed failed, $skipped skipped"

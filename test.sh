#!/usr/bin/env bash
# Runs every test: unit tests, conformance suites (fetched pinned from npm), the language server's
# end-to-end tests, the JMH smoke pass, and both editor clients against the built server jar.
set -euo pipefail
cd "$(dirname "$0")"
command -v mvn >/dev/null || { echo "Maven is required (apt-get install maven)"; exit 2; }
command -v npm >/dev/null || { echo "Node.js + npm are required to fetch the pinned test suites"; exit 2; }
mvn -B -ntp verify
benchmarks/run.sh --smoke --skip-build   # every JMH benchmark compiles and runs (one short iteration)
editor-clients/test.sh
integrations/test.sh   # the GitHub Action's steps and the pre-commit hook against the built jar

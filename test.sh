#!/usr/bin/env bash
# Runs every test: unit tests, conformance suites (fetched from npm, pinned), and a JMH smoke pass.
set -euo pipefail
cd "$(dirname "$0")"
command -v mvn >/dev/null || { echo "Maven is required (apt-get install maven)"; exit 2; }
command -v npm >/dev/null || { echo "Node.js + npm are required to fetch the pinned test suites"; exit 2; }
mvn -B -ntp verify

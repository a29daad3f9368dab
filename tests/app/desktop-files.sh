#!/usr/bin/env bash
# The desktop entry and AppStream metadata as distributions check them.
set -euo pipefail
dir=$1/packaging/desktop
desktop-file-validate "$dir/dev.shipyard.Shipyard.desktop"
appstreamcli validate --no-net --pedantic "$dir/dev.shipyard.Shipyard.metainfo.xml"
